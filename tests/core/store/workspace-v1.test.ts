// A workspace written by Casebook format 1 (tests/fixtures/workspace-v1, frozen) opens with
// today's field table: every study listed and read as it was, nothing quarantined, a file
// rewritten in the current format only when it is saved.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { studySchema } from '../../../src/core/pure/schemas/study';
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { withTempDir } from '../../helpers/temp-dir';
import { copyV1Workspace } from '../../helpers/workspace-v1';

describe('a version-1 workspace', () => {
  it('lists and reads every study as format 1 wrote it, and sets nothing aside', async () => {
    await withTempDir(async (dir) => {
      await copyV1Workspace(dir);
      const service = await openWorkspace(dir);
      const list = await service.listStudies({});
      expect(list.map((s) => s.id)).toEqual(['p7m2x1', 'k3f9a2']); // newest edit first
      const study = await service.getStudy({ id: 'k3f9a2' });
      expect(study).toMatchObject({
        title: 'When Nobody Owns the Cloud Bill',
        status: 'published',
        outcome: 'succeeded',
        categories: ['Optimization & Migration Wins'],
        tags: ['aws', 'cost'],
        featured: true,
        date: '2026-04-02',
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: '2026-04-02T08:30:00.000Z',
      });
      expect(study.lessons.content?.[0]?.content?.[0]?.text).toBe('Name an owner for every bill.');
      expect(await readdir(dir)).not.toContain('.quarantine');
      expect((await service.getSite({})).author).toBe('Dana Kim');
    });
  });

  it('leaves files untouched until a save writes them in the current format', async () => {
    await withTempDir(async (dir) => {
      await copyV1Workspace(dir);
      const file = (id: string) => path.join(dir, 'studies', `${id}.json`);
      const untouched = await readFile(file('p7m2x1'), 'utf8');
      const service = await openWorkspace(dir);
      await service.listStudies({});
      await service.getStudy({ id: 'p7m2x1' });
      await service.updateStudy({ id: 'k3f9a2', patch: { summary: 'Edited after the upgrade' } });
      expect(await readFile(file('p7m2x1'), 'utf8')).toBe(untouched);
      const saved = JSON.parse(await readFile(file('k3f9a2'), 'utf8')) as Record<string, unknown>;
      expect(saved.schemaVersion).toBe(STUDY_FORMAT);
      expect(studySchema.parse(saved)).toMatchObject({ summary: 'Edited after the upgrade', featured: true });
      // Written in the schema's key order (summary fields first, so the head reader finds them).
      expect(Object.keys(saved)).toEqual(Object.keys(studySchema.shape));
    });
  });
});
