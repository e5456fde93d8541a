// Hostile files in a Markdown import (issue 10, findings 3, 10 and 20): each bad file is skipped
// with its file, line and reason, reads stay inside the folder the user named, nothing blocks or
// runs unbounded, and a skipped file leaves nothing in the workspace. The good files around the
// bad ones are always imported.
import { execFile } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importMarkdownPaths, type MarkdownImportOptions } from '../../../src/core/node/markdown/markdown-import';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { docToPlainText } from '../../../src/core/pure/schemas/rich-text';
import { StudyStore } from '../../../src/core/node/study-store';
import { HOSTILE_MARKDOWN, PNG } from '../../fixtures/markdown/hostile-files';

let tmp: string;
let workspace: string;
let input: string;
let store: StudyStore;

beforeEach(async () => {
  tmp = await fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-md-hostile-')));
  workspace = path.join(tmp, 'workspace');
  input = path.join(tmp, 'input');
  await fsp.mkdir(input);
  store = new StudyStore(workspace);
  await store.open();
});
afterEach(async () => {
  await fsp.rm(tmp, { recursive: true, force: true });
});

async function write(rel: string, contents: string | Uint8Array): Promise<string> {
  const file = path.join(input, rel);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, contents);
  return file;
}

async function importPaths(paths: string[], options: Partial<MarkdownImportOptions> = {}) {
  return importMarkdownPaths(paths, {
    workspace,
    createStudy: (draft) => store.create(draft),
    existingIds: options.existingIds ?? new Set((await store.list()).map((s) => s.id)),
    ...options,
  });
}

// The limits the README promises (src/core/pure/markdown/import-limits.ts).
const MAX_FILE_BYTES = 1024 * 1024;
const TIME_LIMIT_S = 10;

const GOOD = '# Good study\n\n## Problem\n\nStill imported.\n';
const assets = async () => fsp.readdir(path.join(workspace, 'assets')).catch(() => []);

describe('one hostile Markdown file is skipped with its line and reason; the rest is imported', () => {
  it('a YAML alias bomb, 1,000 nested quotes and 8,000 nested <u> are each skipped, and the good file is imported', async () => {
    const files = [
      await write('a-bomb.md', HOSTILE_MARKDOWN.aliasBomb),
      await write('b-quotes.md', HOSTILE_MARKDOWN.deepQuotes),
      await write('c-underline.md', HOSTILE_MARKDOWN.deepUnderline),
      await write('d-good.md', GOOD),
    ];
    expect(Buffer.byteLength(HOSTILE_MARKDOWN.aliasBomb)).toBeLessThan(440);

    const report = await importPaths(files);

    expect(report.skipped).toEqual([
      { file: files[0], line: 3, column: 8, reason: expect.stringMatching(/YAML aliases .* more than 100 times/) },
      { file: files[1], line: 1, reason: expect.stringMatching(/nested more than 116 levels deep/) },
      { file: files[2], line: 3, reason: expect.stringMatching(/nested more than 116 levels deep/) },
    ]);
    expect(report.imported.map((i) => i.title)).toEqual(['Good study']);
    expect((await store.list()).map((s) => s.title)).toEqual(['Good study']);
  });

  it('reports invalid UTF-8 with its line instead of replacing the bytes', async () => {
    const bad = await write(
      'latin1.md',
      Buffer.concat([Buffer.from('# Café\n\n## Problem\n\n'), Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1')]),
    );
    const good = await write('good.md', GOOD);

    const report = await importPaths([bad, good]);

    expect(report.skipped).toEqual([{ file: bad, line: 5, reason: expect.stringMatching(/not valid UTF-8/) }]);
    expect(report.imported).toHaveLength(1);
    expect(JSON.stringify(await store.get(report.imported[0]!.id))).not.toContain('\uFFFD');
  });

  it('refuses a file over the size limit and a FIFO named .md or used as an image, without blocking', async () => {
    const big = await write('big.md', `# Big\n\n${'word '.repeat(MAX_FILE_BYTES / 5 + 10)}\n`);
    const fifo = path.join(input, 'pipe.md');
    await promisify(execFile)('mkfifo', [fifo]);
    const good = await write('good.md', `${GOOD}\n![A pipe](pipe.png)\n`);
    await promisify(execFile)('mkfifo', [path.join(input, 'pipe.png')]);

    const report = await importPaths([input]);

    expect(report.skipped).toEqual([
      { file: big, line: 1, reason: expect.stringMatching(/too large \(.*reads files up to 1.0 MB\)/) },
      { file: fifo, line: 1, reason: expect.stringMatching(/named pipe \(FIFO\), not a regular file/) },
    ]);
    expect(report.imported.map((i) => i.file)).toEqual([good]);
    expect(report.warnings).toEqual([
      `${good}: the image "pipe.png" was left out: it is a named pipe (FIFO), not a regular file.`,
    ]);
  });

  it('stops a file that takes too long to parse at the time limit; the quick files around it are imported', async () => {
    const files = [
      await write('a-stars.md', HOSTILE_MARKDOWN.starRun), // `*a ` × 8,000: quick with this micromark
      await write('b-slow.md', HOSTILE_MARKDOWN.quadraticEmphasis), // `*a_` × 40,000: minutes unbounded
      await write('c-brackets.md', HOSTILE_MARKDOWN.bracketRun), // `[` × 70,000: quick
      await write('d-good.md', GOOD),
    ];
    const started = performance.now();

    const report = await importPaths(files);

    const seconds = (performance.now() - started) / 1000;
    expect(report.skipped).toEqual([
      { file: files[1], line: 1, reason: expect.stringMatching(/took longer than 10 s, so it was stopped/) },
    ]);
    expect(report.imported.map((i) => path.basename(i.file))).toEqual(['a-stars.md', 'c-brackets.md', 'd-good.md']);
    // Stopped at the limit, not left to run its minutes: the bound leaves a loaded 2-core machine
    // room for the worker's start and the quick files (it once needed 30 s of a 25 s bound).
    expect(seconds).toBeLessThan(TIME_LIMIT_S + 40);
  }, 90_000);

  it('leaves nothing behind for a file it skips: the images it brought in are removed again', async () => {
    await write('with-image/index.md', '# Pictured\n\n## Problem\n\n![Diagram](diagram.png)\n');
    await write('with-image/diagram.png', PNG);
    // The store cannot write studies any more: a file stands where its folder was.
    await fsp.rm(path.join(workspace, 'studies'), { recursive: true });
    await fsp.writeFile(path.join(workspace, 'studies'), 'not a folder');

    const report = await importPaths([input], { existingIds: new Set() });

    expect(report.imported).toEqual([]);
    expect(report.skipped).toEqual([
      { file: path.join(input, 'with-image', 'index.md'), line: 1, reason: expect.any(String) },
    ]);
    expect(await assets()).toEqual([]);
  });
});

describe('front matter errors are one complete line with line and column', () => {
  it('reports the whole YAML reason without the code excerpt', () => {
    const bad = parseMarkdownStudy('---\ntitle: "ok"\ntags: [unclosed\n---\n## Problem\n', 'x.md');
    expect(bad).toEqual({
      ok: false,
      line: 3,
      column: 16,
      reason:
        'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].',
    });
    const duplicate = parseMarkdownStudy('---\ntitle: "a"\ntitle: "b"\n---\n', 'x.md');
    expect(duplicate).toEqual({
      ok: false,
      line: 3,
      column: 1,
      reason: 'Front matter is not valid YAML: Map keys must be unique.',
    });
  });
});

describe('symbolic links never lead out of the imported folder', () => {
  it('does not read an image, a folder or a .md file through a link that leads out; links inside are followed once', async () => {
    const outside = path.join(tmp, 'private');
    await fsp.mkdir(outside);
    await fsp.writeFile(path.join(outside, 'private.png'), Buffer.concat([PNG, Buffer.from('private')]));
    await fsp.writeFile(path.join(outside, 'secret.md'), '# Secret notes\n\nDo not import.\n');
    await fsp.mkdir(path.join(outside, 'notes'));
    await fsp.writeFile(path.join(outside, 'notes', 'more.md'), '# More secrets\n');

    await write('post/index.md', '# Post\n\n## Problem\n\n![Leak](img/x.png)\n\n![Kept](pics/ok.png)\n');
    await fsp.mkdir(path.join(input, 'post', 'img'));
    await fsp.symlink(path.join(outside, 'private.png'), path.join(input, 'post', 'img', 'x.png'));
    await write('shared/ok.png', PNG);
    await fsp.symlink(path.join(input, 'shared'), path.join(input, 'post', 'pics')); // inside: followed
    await fsp.symlink(path.join(outside, 'secret.md'), path.join(input, 'linked.md'));
    await fsp.symlink(path.join(outside, 'notes'), path.join(input, 'linked-folder'));
    await fsp.symlink(path.join(input, 'post', 'index.md'), path.join(input, 'again.md')); // same file: once
    await fsp.symlink(input, path.join(input, 'post', 'loop')); // a loop: walked once

    const report = await importPaths([input]);

    expect(report.imported.map((i) => i.title)).toEqual(['Post']);
    expect(report.skipped).toEqual([
      {
        file: path.join(input, 'linked.md'),
        line: 1,
        reason: expect.stringMatching(/symbolic link to a file outside the folder you imported/),
      },
    ]);
    const warnings = report.warnings.join('\n');
    expect(warnings).toMatch(/linked-folder: It is a symbolic link to a folder outside the folder you imported/);
    expect(warnings).toMatch(/"img\/x\.png" is a symbolic link to a file outside the imported folder/);
    const post = await store.get(report.imported[0]!.id);
    const images = post.problem.content!.filter((n) => n.type === 'image').map((n) => n.attrs?.alt);
    expect(images).toEqual(['Kept']);
    expect(await assets()).toHaveLength(1); // ok.png only
    expect(docToPlainText(post.problem)).not.toContain('Secret');
  });

  it('refuses a named .md file that is a link to a file outside its folder', async () => {
    const outside = path.join(tmp, 'elsewhere.md');
    await fsp.writeFile(outside, '# Elsewhere\n');
    const link = path.join(input, 'link.md');
    await fsp.symlink(outside, link);

    const report = await importPaths([link, await write('good.md', GOOD)]);

    expect(report.skipped).toEqual([
      { file: link, line: 1, reason: expect.stringMatching(/symbolic link to a file outside its folder/) },
    ]);
    expect(report.imported.map((i) => i.title)).toEqual(['Good study']);
  });
});
