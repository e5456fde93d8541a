// The trash never loses a version: a study re-imported from its Markdown (same id) and
// deleted again lands beside the trashed original, not over it; restore and purge take the
// newest version and the older one then stands for the study in the trash.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { frontMatterFor } from '../../../src/core/pure/markdown/front-matter';
import { withTempDir } from '../../helpers/temp-dir';

describe('trash versions', () => {
  it('re-importing a trashed study and deleting it again keeps both versions', async () => {
    await withTempDir(async (dir) => {
      const workspace = path.join(dir, 'workspace');
      const service = await openWorkspace(workspace);
      const original = await service.createStudy({ title: 'Original text' });
      await service.updateStudy({ id: original.id, patch: { summary: 'written first' } });
      const markdown = path.join(dir, 'original.md');
      await fsp.writeFile(
        markdown,
        `${frontMatterFor({ ...original, title: 'Reimported text' })}\n## Problem\n\nAgain.\n`,
      );
      await service.deleteStudy({ id: original.id });

      const report = await service.importMarkdown({ paths: [markdown] });
      expect(report.imported.map((i) => i.id)).toEqual([original.id]);
      await service.deleteStudy({ id: original.id });

      expect(await fsp.readdir(path.join(workspace, '.trash'))).toHaveLength(2);
      const trash = await service.listTrash({});
      expect(trash.map((s) => s.title)).toEqual(['Reimported text']);

      // Restore takes the newest; the original then stands for the id in the trash.
      expect((await service.restoreStudy({ id: original.id })).title).toBe('Reimported text');
      expect((await service.listTrash({})).map((s) => [s.title, s.summary])).toEqual([
        ['Original text', 'written first'],
      ]);
      await expect(service.restoreStudy({ id: original.id })).rejects.toMatchObject({ code: 'conflict' });

      // Deleted again: two versions again; purge removes only the newest.
      await service.deleteStudy({ id: original.id });
      expect(await fsp.readdir(path.join(workspace, '.trash'))).toHaveLength(2);
      await service.purgeStudy({ id: original.id });
      expect((await service.listTrash({})).map((s) => s.title)).toEqual(['Original text']);
      expect((await service.restoreStudy({ id: original.id })).summary).toBe('written first');
      expect(await fsp.readdir(path.join(workspace, '.trash'))).toEqual([]);
    });
  });

  it('a crash between renames (only older versions left) still lists and restores the study', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Kept' });
      await service.deleteStudy({ id: study.id });
      const trash = path.join(dir, '.trash');
      await fsp.rename(
        path.join(trash, `${study.id}.json`),
        path.join(trash, `${study.id}@20260101T000000000Z-abc123.json`),
      );
      expect((await service.listTrash({})).map((s) => s.title)).toEqual(['Kept']);
      expect((await service.restoreStudy({ id: study.id })).title).toBe('Kept');
      expect(await fsp.readdir(trash)).toEqual([]);
    });
  });
});
