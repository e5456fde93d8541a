// Adding a per-study field is one table entry: with issue 12's key results (`metrics`) added
// as format 2, a format-1 workspace still opens — no file quarantined, every study given the
// field's initial value, a saved file written as format 2 — and the field travels through
// front matter both ways with no other change.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { withTempDir } from '../../helpers/temp-dir';
import { copyV1Workspace } from '../../helpers/workspace-v1';
import type * as FieldTable from '../../../src/core/pure/schemas/study-fields';

vi.mock('../../../src/core/pure/schemas/study-fields', async (importOriginal) => {
  const real = await importOriginal<typeof FieldTable>();
  const { yamlField } = await import('../../../src/core/pure/markdown/front-matter-codec');
  const metric = z.object({
    label: z.string().min(1),
    before: z.number(),
    after: z.number(),
    unit: z.string(),
    better: z.enum(['lower', 'higher']),
  });
  const schema = z.array(metric).max(20);
  const metrics = {
    schema,
    owner: 'author',
    summary: false,
    since: 2,
    initial: () => [],
    frontMatter: yamlField('metrics', schema, (list) => list.length === 0),
  } satisfies FieldTable.StudyField<z.infer<typeof schema>, false>;
  const studyFields = { ...real.studyFields, metrics };
  return { ...real, studyFields, fieldKeys: Object.keys(studyFields), STUDY_FORMAT: 2 };
});

const { openWorkspace } = await import('../../../src/core/node/casebook-service');
const { studyToMarkdown } = await import('../../../src/core/node/markdown/markdown-export');
const { parseMarkdownStudy } = await import('../../../src/core/node/markdown/markdown-study-parse');

const costMetric = { label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' };

describe('a field added as format 2', () => {
  it('opens a format-1 workspace with the field at its initial value, and saves it as format 2', async () => {
    await withTempDir(async (dir) => {
      await copyV1Workspace(dir);
      const service = await openWorkspace(dir);
      expect((await service.listStudies({})).map((s) => s.id).sort()).toEqual(['k3f9a2', 'p7m2x1']);
      const study = (await service.getStudy({ id: 'k3f9a2' })) as Record<string, unknown>;
      expect(study.metrics).toEqual([]);
      expect(study.schemaVersion).toBe(2);
      expect(await readdir(dir)).not.toContain('.quarantine');

      await service.updateStudy({ id: 'k3f9a2', patch: { metrics: [costMetric] } as never });
      const saved = JSON.parse(await readFile(path.join(dir, 'studies', 'k3f9a2.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(saved.schemaVersion).toBe(2);
      expect(saved.metrics).toEqual([costMetric]);
      expect(saved.title).toBe('When Nobody Owns the Cloud Bill');
      // Kept out of the summary, it follows the sections (the head reader stops at them).
      expect(Object.keys(saved).indexOf('metrics')).toBeGreaterThan(Object.keys(saved).indexOf('lessons'));
      const reopened = await openWorkspace(dir);
      expect(((await reopened.getStudy({ id: 'k3f9a2' })) as Record<string, unknown>).metrics).toEqual([costMetric]);
    });
  });

  it('writes the field as block YAML front matter and reads it back', async () => {
    await withTempDir(async (dir) => {
      await copyV1Workspace(dir);
      const service = await openWorkspace(dir);
      const study = await service.updateStudy({ id: 'k3f9a2', patch: { metrics: [costMetric] } as never });
      const { markdown } = studyToMarkdown(study, { readAsset: () => null, warn: () => {} });
      expect(markdown).toContain(
        [
          'metrics:',
          '  - label: "Monthly IT cost"',
          '    before: 10250',
          '    after: 2146',
          '    unit: "$/month"',
          '    better: "lower"',
        ].join('\n'),
      );
      const parsed = parseMarkdownStudy(markdown, 'index.md');
      expect(parsed.ok && (parsed.study as Record<string, unknown>).metrics).toEqual([costMetric]);
      const bad = parseMarkdownStudy(markdown.replace('before: 10250', 'before: "a lot"'), 'index.md');
      expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('"metrics" (at 0.before)') });
      expect(bad.ok ? 0 : bad.line).toBe(markdown.split('\n').indexOf('metrics:') + 1);
    });
  });
});
