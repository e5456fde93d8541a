// The study methods as every transport calls them: what each answers, and what each refuses
// (an unknown template, a block type the editor does not know), through the service.
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CasebookService } from '../../../src/core/node/casebook-service';
import { casebookFailure } from '../../helpers/casebook-failure';
import { withOpenWorkspaces } from '../../helpers/open-workspaces';

const para = (text: string, type = 'paragraph') => ({
  type: 'doc' as const,
  content: [{ type, content: [{ type: 'text', text }] }],
});

async function withService(test: (service: CasebookService, dir: string) => Promise<void>) {
  await withOpenWorkspaces(async ({ dir, open }) => test(await open(), dir));
}

describe('the study methods', () => {
  it('tell an editor its study changed under it (same saved time, another file), and no one else', async () => {
    await withService(async (service, dir) => {
      const study = await service.createStudy({ title: 'Watched' });
      await service.getStudy({ id: study.id, editor: 'tab-1' });
      expect(await service.getStudyVersion({ id: study.id, editor: 'tab-1' })).toEqual({ updatedAt: study.updatedAt });
      const later = new Date(Date.now() + 60_000);
      await utimes(path.join(dir, 'studies', `${study.id}.json`), later, later);
      expect(await service.getStudyVersion({ id: study.id, editor: 'tab-1' })).toEqual({
        updatedAt: study.updatedAt,
        changedUnder: true,
      });
      expect(await service.getStudyVersion({ id: study.id })).toEqual({ updatedAt: study.updatedAt });
    });
  });

  it('refuse a template that is not there, naming the folder looked in', async () => {
    await withService(async (service, dir) => {
      const err = await casebookFailure(service.createStudy({ title: 'From nothing', template: 'no-such' }));
      expect(err.code).toBe('not_found');
      expect(err.message).toBe(`No template "no-such" in ${path.join(dir, 'templates')}.`);
      expect(await service.listStudies({})).toEqual([]);
    });
  });

  it('refuse a save holding a block type the editor does not know, saying which and where', async () => {
    await withService(async (service) => {
      const study = await service.createStudy({ title: 'Typed' });
      for (const save of [
        () => service.updateStudy({ id: study.id, patch: { problem: para('x', 'marquee') } }),
        () =>
          service.saveOnExit({
            id: study.id,
            patch: { problem: para('x', 'marquee') },
            baseUpdatedAt: study.updatedAt,
          }),
      ]) {
        const err = await casebookFailure(save());
        expect(err.code).toBe('invalid_input');
        expect(err.message).toBe(
          'Cannot save the study: the Problem section holds a block or inline node of type "marquee", which the editor does not know. Remove it (or update Casebook) and try again.',
        );
      }
      expect((await service.getStudy({ id: study.id })).updatedAt).toBe(study.updatedAt);
    });
  });

  it('save on exit: the study saved and no copy; over a change made meanwhile, theirs kept and mine as a copy', async () => {
    await withService(async (service) => {
      const study = await service.createStudy({ title: 'Closing' });
      const saved = await service.saveOnExit({
        id: study.id,
        patch: { summary: 'Mine' },
        baseUpdatedAt: study.updatedAt,
      });
      expect(saved.conflictCopy).toBeNull();
      expect(saved.study.summary).toBe('Mine');
      await service.updateStudy({ id: study.id, patch: { summary: 'Theirs' } });
      const late = await service.saveOnExit({
        id: study.id,
        patch: { summary: 'Mine, late' },
        baseUpdatedAt: saved.study.updatedAt,
      });
      expect(late.study.summary).toBe('Theirs');
      expect(late.conflictCopy?.summary).toBe('Mine, late');
      const err = await casebookFailure(
        service.saveOnExit({ id: 'no-such-study', patch: { summary: 'x' }, baseUpdatedAt: study.updatedAt }),
      );
      expect(err.code).toBe('not_found');
    });
  });

  it('duplicate a study as a draft, not featured, titled as a copy; delete and purge answer with the id', async () => {
    await withService(async (service) => {
      const study = await service.createStudy({ title: 'Original' });
      await service.updateStudy({ id: study.id, patch: { status: 'published', featured: true, summary: 'Kept' } });
      const copy = await service.duplicateStudy({ id: study.id });
      expect([copy.title, copy.status, copy.featured, copy.summary]).toEqual([
        'Original (copy)',
        'draft',
        false,
        'Kept',
      ]);
      expect(copy.id).not.toBe(study.id);
      expect(await service.deleteStudy({ id: copy.id })).toEqual({ id: copy.id });
      expect(await service.purgeStudy({ id: copy.id })).toEqual({ id: copy.id });
      expect((await service.listStudies({})).map((s) => s.id)).toEqual([study.id]);
    });
  });
});
