// Opening another workspace closes the one before: its background reading of a large workspace
// (worker threads reading every study) stops at once instead of competing with the new one's,
// and what it had read is kept, so opening it again reads only the rest.
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { intakeStats, readOnThreads, type IntakeItem } from '../../../src/core/node/study-intake';
import { HEAD_READ_FROM } from '../../../src/core/node/study-index';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { withTempDir } from '../../helpers/temp-dir';
import { anHourAgo, sampleStudy, withLessons, writeStudyDated } from '../../helpers/study-files';

const STUDIES = HEAD_READ_FROM + 300;

async function untilAnswered(from: number, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (intakeStats.answered - from < count) {
    if (Date.now() > deadline) throw new Error('the workers answered nothing');
    await sleep(2);
  }
}

describe('closing a workspace', () => {
  it('stops its background reading at once and keeps what was read for the next open', async () => {
    await withTempDir(async (dir) => {
      for (let n = 0; n < STUDIES; n++)
        await writeStudyDated(dir, withLessons(n, `Lessons of quill${n}x here.`), anHourAgo());
      // Closed right after asking for the background reading, before its library was made.
      const untouched = intakeStats.answered;
      const early = await openWorkspace(dir);
      early.warmUp();
      await early.close();
      await sleep(500);
      expect(intakeStats.answered).toBe(untouched);

      const before = intakeStats.answered;
      const first = await openWorkspace(dir);
      first.warmUp();
      await untilAnswered(before, 20);
      await first.close();
      const atClose = intakeStats.answered - before;
      expect(atClose).toBeLessThan(STUDIES);
      await sleep(500);
      expect(intakeStats.answered - before).toBe(atClose); // no worker reads on

      const reopenedFrom = intakeStats.answered;
      const again = await openWorkspace(dir);
      again.warmUp();
      await again.checkCounts({}); // waits for the full read
      // What the first open read came from its index file: only the rest was read again.
      expect(intakeStats.answered - reopenedFrom).toBeLessThan(STUDIES);
      const found = await again.searchLibrary(libraryQuerySchema.parse({ query: `quill${STUDIES - 1}x` }));
      expect(found.entries.map((e) => e.study.id)).toEqual([`study-${STUDIES - 1}`]);
      await again.close();
    });
  }, 120_000);

  it('stops the worker threads mid-read, handing back what they had not answered, none twice', async () => {
    await withTempDir(async (dir) => {
      for (let n = 0; n < 120; n++) await writeStudyDated(dir, sampleStudy(n), anHourAgo());
      const names = await readdir(path.join(dir, 'studies'));
      const items: IntakeItem[] = names.map((name) => ({
        id: name.replace(/\.json$/, ''),
        file: path.join(dir, 'studies', name),
      }));
      const closing = new AbortController();
      const answered: string[] = [];
      const context = { site: defaultSiteSettings(), templates: null, names: [] };
      const left = await readOnThreads(
        items,
        context,
        (result) => {
          answered.push(result.id);
          if (answered.length === 5) closing.abort();
        },
        { threads: 2, signal: closing.signal },
      );
      const atEnd = answered.length;
      // Stopped at the abort, not after the batches the workers held: nothing answered after it.
      expect(atEnd).toBe(5);
      expect([...answered, ...left.map((i) => i.id)].sort()).toEqual(items.map((i) => i.id).sort());
      await sleep(200);
      expect(answered.length).toBe(atEnd);
      expect(await readOnThreads(items, context, () => answered.push('late'), { signal: closing.signal })).toEqual(
        items,
      );
    });
  }, 60_000);
});
