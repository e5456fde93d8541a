// A command that read every study in full leaves the summary cache, as the app does when it
// quits: the next command lists a large workspace from it instead of reading each file's head.
import { describe, expect, it } from 'vitest';
import { HEAD_READ_FROM } from '../../src/core/node/study-store';
import { readSummaryCache } from '../../src/core/node/summary-cache';
import { casebook } from '../helpers/cli-bundle';
import { anHourAgo, sampleStudy, writeStudyDated } from '../helpers/study-files';
import { withTempDir } from '../helpers/temp-dir';

describe('the CLI keeps what a command learned', () => {
  it('writes the summary cache of a large workspace that `check` read in full', async () => {
    await withTempDir(async (ws) => {
      // As many files new to the workspace as make the list come from their heads (a first open).
      const when = anHourAgo();
      for (let n = 0; n < HEAD_READ_FROM; n++) await writeStudyDated(ws, sampleStudy(n), when);
      expect((await casebook(['init', '-w', ws])).code).toBe(0);
      // Listed from the heads alone: nothing verified yet, so nothing cached.
      expect((await readSummaryCache(ws)).size).toBe(0);

      const check = await casebook(['check', '-w', ws]);
      expect(check.code, check.stderr).toBe(0);
      const cached = await readSummaryCache(ws);
      expect(cached.size).toBe(HEAD_READ_FROM);
      expect(cached.get('study-7')?.summary.title).toBe('Study 7');
    });
  }, 120_000);
});
