// The quarantine list shows what was set aside, newest first, and still names a file whose
// reason file was damaged rather than hiding it.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countQuarantined, listQuarantine, QUARANTINE_DIR, quarantineFile } from '../../../src/core/node/quarantine';
import { withTempDir } from '../../helpers/temp-dir';

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('quarantine list', () => {
  it('lists set-aside files newest first, with where each came from and why', async () => {
    await withTempDir(async (dir) => {
      await fsp.mkdir(path.join(dir, 'studies'));
      for (const name of ['first', 'second', 'third']) {
        await fsp.writeFile(path.join(dir, 'studies', `${name}.json`), '{');
        await quarantineFile(dir, path.join(dir, 'studies', `${name}.json`), `${name} is not JSON`);
        await pause();
      }
      const list = await listQuarantine(dir);
      expect(list.map((e) => e.file)).toEqual(['studies/third.json', 'studies/second.json', 'studies/first.json']);
      expect(list[0]!.reason).toBe('third is not JSON');
      // The stored copy is really there, with the bytes that were set aside.
      expect(await fsp.readFile(path.join(dir, list[0]!.storedAs), 'utf8')).toBe('{');
      // Named by the time it was set aside, with no ':' (Windows refuses it in a file name).
      expect(list[0]!.storedAs).toMatch(/^\.quarantine\/third\.json\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
      expect(list[0]!.storedAs.startsWith(`${QUARANTINE_DIR}/third.json.`)).toBe(true);
      expect(countQuarantined(dir)).toBe(3);
      await expect(fsp.lstat(path.join(dir, 'studies', 'first.json'))).rejects.toThrow();
    });
  });

  it('a damaged reason file still lists its file, after the dated ones', async () => {
    await withTempDir(async (dir) => {
      await fsp.writeFile(path.join(dir, 'a.json'), '{');
      await quarantineFile(dir, path.join(dir, 'a.json'), 'broken');
      await fsp.writeFile(path.join(dir, QUARANTINE_DIR, 'b.json.123.reason.json'), 'not json');
      const list = await listQuarantine(dir);
      expect(list.map((e) => [e.file, e.reason])).toEqual([
        ['a.json', 'broken'],
        ['b.json.123', 'unknown (reason file unreadable)'],
      ]);
      expect(list[1]!.storedAs).toBe(`${QUARANTINE_DIR}/b.json.123`);
      expect(countQuarantined(dir)).toBe(2);
    });
  });

  it('leaves out the reason files it is told not to trust (ones a commit brought in)', async () => {
    await withTempDir(async (dir) => {
      await fsp.mkdir(path.join(dir, 'studies'));
      for (const name of ['mine', 'pulled']) {
        await fsp.writeFile(path.join(dir, 'studies', `${name}.json`), '{');
        await quarantineFile(dir, path.join(dir, 'studies', `${name}.json`), `${name} is not JSON`);
      }
      const reasons = (await fsp.readdir(path.join(dir, QUARANTINE_DIR))).filter((n) => n.endsWith('.reason.json'));
      const pulled = `${QUARANTINE_DIR}/${reasons.find((n) => n.startsWith('pulled'))!}`;
      const list = await listQuarantine(dir, (reasonFile) => reasonFile === pulled);
      expect(list.map((e) => e.file)).toEqual(['studies/mine.json']);
    });
  });

  it('an empty or missing quarantine lists nothing', async () => {
    await withTempDir(async (dir) => {
      expect(await listQuarantine(dir)).toEqual([]);
      expect(countQuarantined(dir)).toBe(0);
    });
  });
});
