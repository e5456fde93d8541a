// An export whose process dies part way (power cut, SIGKILL) leaves temp files and a marker
// that lists what it was about to write. The next export must accept that folder and finish
// the job: every page right, nothing of the dead run left, no page kept back as "not ours".
// The death is injected through the writer's own file operations (the real write path, with
// a filesystem that stops answering), so the test is deterministic; the spawn-and-kill test
// (export-interrupted.test.ts) covers real kills at random points.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsyncedWriteOps, type AtomicWriteOps } from '../../../src/core/node/atomic-write';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import { CasebookError } from '../../../src/core/pure/errors';
import type { OutputFile } from '../../../src/core/pure/export/output-files';
import { listTree } from '../../helpers/file-tree';
import { withTempDir } from '../../helpers/temp-dir';

const site = (version: number, paths: string[]): OutputFile[] =>
  paths.map((p) => ({ path: p, contents: `${p} v${version}` }));

/**
 * File operations of a process that dies while writing `fatal`: its temp file is written, then
 * nothing more happens — no rename, no clean-up — for this write or any other.
 */
function dyingAt(fatal: string): AtomicWriteOps {
  let dead = false;
  const die = () => {
    dead = true;
    return new Error('the process was killed');
  };
  return {
    ...unsyncedWriteOps,
    async writeAndSync(temp, data) {
      if (dead) throw die();
      await unsyncedWriteOps.writeAndSync(temp, data);
      if (String(data).startsWith(`${fatal} `)) throw die();
    },
    async rename(from, to) {
      if (dead) throw die();
      await unsyncedWriteOps.rename(from, to);
    },
    async remove() {
      // A dead process cleans nothing up.
    },
  };
}

async function expectStopped(promise: Promise<unknown>): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CasebookError);
  expect((err as CasebookError).code).toBe('io_error');
  expect((err as CasebookError).message).toMatch(/The export stopped while writing/);
}

const temps = async (dir: string) => (await listTree(dir)).filter((f) => f.includes('.casebook-tmp-'));

describe('an export that died part way', () => {
  it('is finished by the next export: every page of the new version, nothing of the old, no temp file', async () => {
    await withTempDir(async (out) => {
      const pages = ['index.html', 'a/index.html', 'b/index.html', 'c/index.html', 'gone/index.html'];
      await writeOutput(out, site(1, pages), { format: 'site' });
      const next = site(2, [...pages.filter((p) => p !== 'gone/index.html'), 'new/index.html']);

      await expectStopped(writeOutput(out, next, { format: 'site', ops: dyingAt('b/index.html') }));
      expect(await temps(out)).toContainEqual(expect.stringMatching(/^b\/\.casebook-tmp-index\.html-/));

      const result = await writeOutput(out, next, { format: 'site' });
      expect(result.kept).toEqual([]);
      expect(await listTree(out)).toEqual([EXPORT_MARKER, ...next.map((f) => f.path)].sort());
      for (const file of next) expect(await readFile(path.join(out, file.path), 'utf8')).toBe(file.contents);
      // And the run after that finds nothing to do.
      expect(await writeOutput(out, next, { format: 'site' })).toMatchObject({ written: 0, removed: 0 });
    });
  });

  it('leaves no temp file of a page the next export no longer has (its study was deleted meanwhile)', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, site(1, ['index.html']), { format: 'site' });
      await expectStopped(
        writeOutput(out, site(2, ['index.html', 'draft/index.html']), {
          format: 'site',
          ops: dyingAt('draft/index.html'),
        }),
      );
      expect((await temps(out)).map((f) => path.posix.dirname(f))).toContain('draft');

      const result = await writeOutput(out, site(2, ['index.html']), { format: 'site' });
      expect(result.kept).toEqual([]);
      expect(await listTree(out)).toEqual([EXPORT_MARKER, 'index.html']);
    });
  });
});
