// An export refuses, by default, while a study it would publish has a publish-check error
// (an untitled, empty, published study must not become `untitled/index.html`): exit 1 from
// the CLI, error code publish_errors with each study and finding over the contract, nothing
// written. `--allow-errors` / allowErrors exports anyway and says so. And the Markdown export
// never drops a study whose slug another study on disk also has.
import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { publishBlockSchema } from '../../../src/core/pure/checks/publish-gate';
import { checkWorkspace } from '../../../src/core/pure/checks/workspace-checks';
import { type CasebookError } from '../../../src/core/pure/errors';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { exportStudies } from '../../../src/core/node/workspace-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { dispatch } from '../../../src/core/pure/dispatch';
import { casebook } from '../../helpers/cli-bundle';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** A workspace with one ready study and one untitled, empty, published one. */
async function workspaceWithUntitled(ws: string) {
  const service = await openWorkspace(ws);
  const para = (text: string) => ({
    type: 'doc' as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  const ready = await service.createStudy({ title: 'Queue backlog' });
  await service.updateStudy({
    id: ready.id,
    patch: {
      status: 'published',
      summary: 'Consumers fell behind',
      date: '2026-03-01',
      categories: ['Failure Analysis'],
      problem: para('Lag grew.'),
      decisions: para('Scaled out.'),
      tradeoffs: para('Cost.'),
      lessons: para('Alert on lag.'),
    },
  });
  const untitled = await service.createStudy({});
  await service.updateStudy({ id: untitled.id, patch: { status: 'published' } });
  return { service, untitled };
}

describe('publish errors stop an export', () => {
  it('refuses over the contract with publish_errors naming each study and finding, writing nothing', async () => {
    await withTempDir(async (dir) => {
      const { service, untitled } = await workspaceWithUntitled(path.join(dir, 'ws'));
      const out = path.join(dir, 'site');
      const answer = await dispatch(service, 'exportWorkspace', { format: 'site', outDir: out });
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('publish_errors');
      const block = publishBlockSchema.parse(answer.error.details);
      expect(block.studies.map((s) => s.id)).toEqual([untitled.id]);
      expect(block.studies[0]!.findings.map((f) => f.rule)).toEqual(
        expect.arrayContaining(['title-missing', 'summary-missing', 'date-missing', 'section-empty']),
      );
      expect(block.studies[0]!.findings.every((f) => f.severity === 'error')).toBe(true);
      expect(answer.error.message).toContain('The study has no title.');
      expect(await exists(out)).toBe(false);

      const anyway = await dispatch(service, 'exportWorkspace', { format: 'site', outDir: out, allowErrors: true });
      expect(anyway.ok).toBe(true);
      if (!anyway.ok) return;
      const report = anyway.value as { studies: number; studiesWithErrors: number; warnings: string[] };
      expect(report.studies).toBe(2);
      expect(report.studiesWithErrors).toBe(1);
      expect(report.warnings[0]).toMatch(/^Exported anyway with publish-check errors in "Untitled"/);
      expect(await exists(path.join(out, 'untitled', 'index.html'))).toBe(true);
    });
  });

  it('casebook export exits 1 naming each study and finding, and --allow-errors exports and says so', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      await workspaceWithUntitled(ws);
      const out = path.join(dir, 'site');
      const refused = await casebook(['export', '-w', ws, '-f', 'site', '-o', out]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'Not exported: 1 study that would be published has errors. Nothing was written.',
      );
      expect(refused.stderr).toContain('"Untitled" (untitled):');
      expect(refused.stderr).toContain('  - The study has no title.');
      expect(refused.stderr).toContain('run again with --allow-errors');
      expect(refused.stderr).not.toContain('Queue backlog');
      expect(await exists(out)).toBe(false);

      const anyway = await casebook(['export', '-w', ws, '-f', 'site', '-o', out, '--allow-errors']);
      expect(anyway.code).toBe(0);
      expect(anyway.stderr).toContain('Exported with --allow-errors: 1 study has publish-check errors');
      expect(anyway.stdout).toMatch(/^Exported 2 studies as a static site/m);
    });
  }, 120_000);

  it('the Markdown export never drops a study whose slug another study on disk has, nor counts one it skipped', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      await mkdir(path.join(ws, 'studies'), { recursive: true });
      // Two processes each made "same-title" (the race of finding #12), so both files are on disk.
      for (const id of ['aaaaaa', 'bbbbbb']) {
        const study = sampleStudy(1, { id, slug: 'same-title', title: `Same title ${id}`, status: 'published' });
        await writeFile(path.join(ws, 'studies', `${id}.json`), JSON.stringify(study));
      }
      const service = await openWorkspace(ws);
      const out = path.join(dir, 'md');
      const refused = await dispatch(service, 'exportWorkspace', { format: 'markdown', outDir: out });
      expect(!refused.ok && refused.error.code).toBe('publish_errors');
      expect(!refused.ok && refused.error.message).toContain('Another study uses the address "same-title"');

      const report = await service.exportWorkspace({
        format: 'markdown',
        outDir: out,
        drafts: false,
        allowErrors: true,
      });
      expect(report.studies).toBe(2);
      expect((await readdir(out)).filter((n) => !n.startsWith('.')).sort()).toEqual(['same-title', 'same-title-2']);
      expect(report.warnings.join('\n')).toContain('it was exported as "same-title-2"');
    });
  });

  it('property: an export is refused exactly when a study it would publish has an error, and then writes nothing', async () => {
    const para = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] };
    const studyArb = fc.record({
      title: fc.constantFrom('', 'A title', 'Same title'),
      summary: fc.constantFrom('', 'A summary'),
      status: fc.constantFrom('draft' as const, 'published' as const),
      date: fc.constantFrom(null, '2026-01-01'),
      slug: fc.constantFrom('one', 'two', 'three'),
      filled: fc.boolean(),
    });
    await withTempDir(async (dir) => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(studyArb, { maxLength: 4 }), fc.boolean(), async (specs, drafts) => {
          const studies = specs.map((spec, i) =>
            sampleStudy(i, {
              ...spec,
              categories: ['Architecture & Design'],
              ...(spec.filled ? { problem: para, decisions: para, tradeoffs: para, lessons: para } : {}),
            }),
          );
          const site = { ...defaultSiteSettings(), categories: ['Architecture & Design'] };
          const exported = checkWorkspace(site, studies, { publishedOnly: !drafts });
          const shouldRefuse = exported.totals.errors > 0;
          const out = path.join(dir, `out-${run++}`);
          const err = await exportStudies(
            path.join(dir, 'ws'),
            site,
            studies,
            {
              format: run % 2 ? 'site' : 'markdown',
              outDir: out,
              drafts,
            },
            new ExportMemory(),
          ).then(
            () => null,
            (e: unknown) => e as CasebookError,
          );
          expect(err?.code ?? null).toBe(shouldRefuse ? 'publish_errors' : null);
          if (shouldRefuse) {
            expect(await exists(out)).toBe(false);
            const named = publishBlockSchema.parse(err!.details).studies.map((s) => s.id);
            expect(named).toEqual(exported.studies.filter((s) => s.errors > 0).map((s) => s.id));
          }
        }),
        { numRuns: Number(process.env.CASEBOOK_GATE_RUNS ?? 60) },
      );
    });
  });
});
