// The library features through the service, as the app and browser mode call them.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/pure/dispatch';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { withOpenWorkspaces } from '../../helpers/open-workspaces';

const para = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('library through the contract', () => {
  it('searches section text, follows saves and deletes', async () => {
    await withOpenWorkspaces(async ({ open }) => {
      const service = await open();
      const a = await service.createStudy({ title: 'Cache stampede' });
      await service.updateStudy({
        id: a.id,
        patch: { problem: para('Thundering herd on the origin after a deploy.') },
      });
      const b = await service.createStudy({ title: 'Cloud bill' });
      const hits = await service.searchLibrary(libraryQuerySchema.parse({ query: 'thunder' }));
      expect(hits.entries.map((e) => e.study.id)).toEqual([a.id]);
      expect(hits.entries[0]!.match?.section).toBe('problem');
      await service.updateStudy({ id: b.id, patch: { lessons: para('Thundering costs too.') } });
      expect((await service.searchLibrary(libraryQuerySchema.parse({ query: 'thunder' }))).total).toBe(2);
      await service.deleteStudy({ id: a.id });
      expect(
        (await service.searchLibrary(libraryQuerySchema.parse({ query: 'thunder' }))).entries.map((e) => e.study.id),
      ).toEqual([b.id]);
    });
  });

  it('deletes a study from the trash for good', async () => {
    await withOpenWorkspaces(async ({ open }) => {
      const service = await open();
      const s = await service.createStudy({ title: 'Obsolete' });
      expect((await dispatch(service, 'purgeStudy', { id: s.id })).ok).toBe(false); // not in the trash yet
      await service.deleteStudy({ id: s.id });
      await service.purgeStudy({ id: s.id });
      expect(await service.listTrash({})).toEqual([]);
      expect(await dispatch(service, 'restoreStudy', { id: s.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });
  });

  it('creates a study from a workspace template and duplicates a study', async () => {
    await withOpenWorkspaces(async ({ open }) => {
      const service = await open();
      const { templates } = await service.listTemplates({});
      expect(templates.map((t) => t.id).sort()).toEqual([
        'architecture-decision',
        'blank',
        'failure-analysis',
        'migration-cost-optimization',
      ]);
      const study = await service.createStudy({ title: 'Checkout outage', template: 'failure-analysis' });
      expect(study.categories).toEqual(['Failure Analysis']);
      expect(JSON.stringify(study.problem).length).toBeGreaterThan(100);
      const missing = await dispatch(service, 'createStudy', { title: 'x', template: 'nope' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const copy = await service.duplicateStudy({ id: study.id });
      expect(copy.title).toBe('Checkout outage (copy)');
      expect(copy.id).not.toBe(study.id);
      expect(copy.slug).not.toBe(study.slug);
      expect(copy.problem).toEqual(study.problem);
    });
  });

  it('renames a category in the settings and in every study that uses it', async () => {
    await withOpenWorkspaces(async ({ open }) => {
      const service = await open();
      const s = await service.createStudy({ title: 'Outage' });
      await service.updateStudy({ id: s.id, patch: { categories: ['Failure Analysis'] } });
      const result = await service.renameCategory({ from: 'Failure Analysis', to: 'Incidents' });
      expect(result.site.categories).toContain('Incidents');
      expect(result.changedStudies).toEqual([{ id: s.id, title: 'Outage' }]);
      expect((await service.getStudy({ id: s.id })).categories).toEqual(['Incidents']);
      const usage = await service.categoryUsage({ name: 'Incidents' });
      expect(usage).toEqual([{ id: s.id, title: 'Outage' }]);
      const deleted = await service.deleteCategory({ name: 'Incidents' });
      expect(deleted.site.categories).not.toContain('Incidents');
      expect((await service.getStudy({ id: s.id })).categories).toEqual([]);
    });
  });

  it('reports publish findings for a study and badge counts for the library', async () => {
    await withOpenWorkspaces(async ({ open }) => {
      const service = await open();
      const s = await service.createStudy({ title: 'Half written' });
      const findings = await service.checkStudy({ id: s.id });
      expect(findings.filter((f) => f.severity === 'error').map((f) => f.field)).toEqual(
        expect.arrayContaining(['summary', 'problem', 'decisions', 'tradeoffs', 'lessons']),
      );
      const counts = await service.checkCounts({});
      expect(counts[s.id]!.errors).toBe(findings.filter((f) => f.severity === 'error').length);
      await service.updateStudy({ id: s.id, patch: { summary: 'Now it has one' } });
      expect((await service.checkCounts({}))[s.id]!.errors).toBe(counts[s.id]!.errors - 1);
    });
  });
});
