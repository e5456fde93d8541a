// Damage a file head can hide from a quick look: a head that reads as a summary must be exactly
// what Casebook writes, or the file is read in full at the list (and set aside when damaged)
// instead of being listed as a study it is not.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseHead } from '../../../src/core/node/study-head';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudyFiles } from '../../helpers/study-files';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The bytes of a pretty-printed study up to the first section, as the head reader cuts them. */
function headOf(text: string): Buffer {
  return Buffer.from(text.slice(0, text.indexOf('\n  "problem":')));
}

/** Lists a workspace of 4 good studies and `bad` as study-9, from heads; returns the ids listed. */
async function listWith(dir: string, bad: Buffer | string): Promise<{ ids: string[]; quarantined: string[] }> {
  await writeStudyFiles(dir, 4);
  await writeFile(studyFile(dir, 'study-9'), bad);
  const store = new StudyStore(dir, { headReadFrom: 2 });
  await store.open();
  const quarantined: string[] = [];
  store.onQuarantine.push((entry) => quarantined.push(entry.file));
  return { ids: (await store.list()).map((s) => s.id).sort(), quarantined };
}

describe('a damaged study file is not listed from its head', () => {
  it('when its title holds bytes that are not UTF-8', async () => {
    const text = pretty(sampleStudy(9, { title: 'Broken TITLE here' }));
    const bytes = Buffer.from(text);
    bytes.fill(0xff, text.indexOf('TITLE'), text.indexOf('TITLE') + 5);
    expect(parseHead(headOf(text))).not.toBeNull();
    expect(parseHead(bytes.subarray(0, headOf(text).length))).toBeNull();
    await withTempDir(async (dir) => {
      const { ids, quarantined } = await listWith(dir, bytes);
      expect(ids).toEqual(['study-0', 'study-1', 'study-2', 'study-3']);
      expect(quarantined).toEqual(['studies/study-9.json']);
      expect(existsSync(studyFile(dir, 'study-9'))).toBe(false);
    });
  });

  it('when the summary object is closed before the sections (the file is not one JSON object)', async () => {
    const { problem, decisions, tradeoffs, lessons, ...summary } = sampleStudy(9);
    const text = `${JSON.stringify(summary, null, 2)}\n  "problem": ${JSON.stringify({ problem, decisions, tradeoffs, lessons })}\n}\n`;
    expect(parseHead(headOf(text))).toBeNull();
    await withTempDir(async (dir) => {
      const { ids, quarantined } = await listWith(dir, text);
      expect(ids).not.toContain('study-9');
      expect(quarantined).toEqual(['studies/study-9.json']);
    });
  });
});
