import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatch } from '../../../src/core/pure/dispatch';
import { withTempDir } from '../../helpers/temp-dir';

describe('dispatch', () => {
  it('refuses bad input with a specific message and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Keep me' });
      const file = path.join(dir, 'studies', `${study.id}.json`);
      const before = await readFile(file, 'utf8');
      const attempts: Array<[string, unknown, RegExp]> = [
        ['updateStudy', { id: study.id, patch: { status: 'maybe' } }, /patch\.status/],
        ['updateStudy', { id: study.id, patch: { date: '2026-02-31' } }, /patch\.date: Date must be a real date/],
        ['updateStudy', { id: study.id, patch: { id: 'other' } }, /Unrecognized key/],
        ['updateStudy', { id: study.id, patch: { problem: { type: 'paragraph' } } }, /patch\.problem/],
        ['getStudy', { id: '../../casebook' }, /id: Study id must be/],
        ['updateSite', { patch: { baseUrl: 'javascript:alert(1)' } }, /Base URL/],
        ['createStudy', 'not an object', /Invalid input for createStudy/],
        ['dropDatabase', {}, /Unknown method/],
      ];
      for (const [method, input, message] of attempts) {
        const result = await dispatch(service, method, input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toMatch(message);
      }
      expect(await readFile(file, 'utf8')).toBe(before);
      expect(await readdir(path.join(dir, 'studies'))).toHaveLength(1);
    });
  });

  it('reports a missing study as not_found', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const result = await dispatch(service, 'getStudy', { id: 'nope' });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});
