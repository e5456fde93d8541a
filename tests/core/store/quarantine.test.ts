import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';

async function workspaceWith(dir: string, name: string, contents: string | Buffer) {
  const service = await openWorkspace(dir);
  const good = await service.createStudy({ title: 'Healthy study' });
  await writeFile(path.join(dir, 'studies', name), contents);
  return { service, good };
}

const badFiles: Array<[string, string | Buffer, RegExp]> = [
  ['truncated', JSON.stringify(sampleStudy(7, { id: 'bad-1' })).slice(0, 120), /not valid JSON/],
  ['empty', '', /empty/],
  ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /UTF-8/],
  ['wrong schema', JSON.stringify({ ...sampleStudy(7, { id: 'bad-1' }), status: 'maybe' }), /status/],
];

describe('quarantine', () => {
  for (const [label, contents, reason] of badFiles) {
    it(`moves a ${label} study file aside with the reason, and the rest keeps working`, async () => {
      await withTempDir(async (dir) => {
        const { service, good } = await workspaceWith(dir, 'bad-1.json', contents);
        const list = await service.listStudies({});
        expect(list.map((s) => s.id)).toEqual([good.id]);
        const quarantined = await service.listQuarantined({});
        expect(quarantined).toHaveLength(1);
        expect(quarantined[0]!.file).toBe('studies/bad-1.json');
        expect(quarantined[0]!.reason).toMatch(reason);
        // The bytes are kept, never overwritten.
        const kept = await readFile(path.join(dir, quarantined[0]!.storedAs));
        expect(kept.equals(Buffer.from(contents))).toBe(true);
        expect(await readdir(path.join(dir, 'studies'))).toEqual([`${good.id}.json`]);
        await service.updateStudy({ id: good.id, patch: { summary: 'still editable' } });
        expect((await service.getStudy({ id: good.id })).summary).toBe('still editable');
        expect((await service.getWorkspaceInfo({})).quarantined).toHaveLength(1);
      });
    });
  }

  it('quarantines a file whose name does not match the id inside', async () => {
    await withTempDir(async (dir) => {
      const { service } = await workspaceWith(dir, 'other.json', JSON.stringify(sampleStudy(3)));
      await service.listStudies({});
      expect((await service.listQuarantined({}))[0]!.reason).toMatch(/holds study id "study-3"/);
    });
  });

  it('leaves a corrupt casebook.json where it is (the team’s file) and shows default settings without writing them', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'casebook.json'), '{"schemaVersion":1,"site":');
      const service = await openWorkspace(dir);
      expect((await service.getSite({})).title).toBe('Casebook');
      expect(await service.listQuarantined({})).toEqual([]);
      expect((await service.getWorkspaceInfo({})).skipped).toEqual([
        { file: 'casebook.json', reason: expect.stringMatching(/^casebook\.json could not be read.*not valid JSON/) },
      ]);
      expect(await readFile(path.join(dir, 'casebook.json'), 'utf8')).toBe('{"schemaVersion":1,"site":');
    });
  });
});
