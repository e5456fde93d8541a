// The built-in templates use the structured parts (issue 12): the postmortem opens with a
// timeline and suggests key results, the migration has a decision record and key results, the
// architecture decision is a decision record. An untouched structured prompt is still a prompt:
// a study drafted from any of them cannot be published until the author replaces it.
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { withTempDir } from '../../helpers/temp-dir';

const typesIn = (nodes: readonly RichTextNode[] = []): string[] =>
  nodes.flatMap((node) => [node.type, ...typesIn(node.content)]);

const EXPECTED = {
  'failure-analysis': { problem: 'timeline', metrics: true },
  'migration-cost-optimization': { decisions: 'decisionRecord', metrics: true },
  'architecture-decision': { decisions: 'decisionRecord', metrics: false },
} as const;

describe('built-in templates with structured parts', () => {
  for (const [template, expected] of Object.entries(EXPECTED)) {
    it(`"${template}" drafts its structured blocks, and its untouched prompts block publishing`, async () => {
      await withTempDir(async (ws) => {
        const service = await openWorkspace(ws);
        const created = await service.createStudy({ title: 'A real title', template });
        const study = await service.getStudy({ id: created.id });
        for (const [section, block] of Object.entries(expected)) {
          if (section === 'metrics') continue;
          expect(typesIn(study[section as 'problem' | 'decisions'].content)).toContain(block);
        }
        expect(study.metrics.length > 0).toBe(expected.metrics);

        await service.updateStudy({
          id: study.id,
          patch: { summary: 'What happened.', status: 'published', date: '2026-04-02' },
        });
        const prompts = (await service.checkStudy({ id: study.id })).filter(
          (f) => f.severity === 'error' && (f.rule === 'template-prompt' || f.field === 'metrics'),
        );
        const where = new Set(prompts.map((f) => f.field));
        for (const section of Object.keys(expected)) {
          if (section !== 'metrics' || expected.metrics) expect(where).toContain(section);
        }
      });
    });
  }
});
