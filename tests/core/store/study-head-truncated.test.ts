// A study file cut off after its summary fields (a sync or copy stopped part-way) has a head
// that reads as a summary, but no sections: it is read in full and set aside, not listed.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudyFiles } from '../../helpers/study-files';

describe('a study file cut off before its sections', () => {
  it('is set aside at a list from heads, not listed', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 4);
      const text = `${JSON.stringify(sampleStudy(9), null, 2)}\n`;
      // Up to and including the comma and newline that end the last summary field.
      await writeFile(studyFile(dir, 'study-9'), text.slice(0, text.indexOf('  "problem":')));
      const store = new StudyStore(dir, { headReadFrom: 2 });
      await store.open();
      const quarantined: string[] = [];
      store.onQuarantine.push((entry) => quarantined.push(entry.file));
      expect((await store.list()).map((s) => s.id).sort()).toEqual(['study-0', 'study-1', 'study-2', 'study-3']);
      expect(quarantined).toEqual(['studies/study-9.json']);
    });
  });
});
