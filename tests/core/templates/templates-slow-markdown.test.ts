// A template whose Markdown takes micromark seconds to read is read off the main thread and
// stopped at its time limit (2 s): it takes that long by design, so it is kept out of the
// mutation selection (SLOW_CORE_TESTS), beside the fast templates-workspace tests.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { docToPlainText } from '../../../src/core/pure/schemas/rich-text';
import { ensureDefaultTemplates, listTemplates } from '../../../src/core/node/templates/template-store';
import { MarkdownParser } from '../../../src/core/node/markdown/markdown-parser';
import { withTempDir } from '../../helpers/temp-dir';

describe('a template whose Markdown is slow to read', () => {
  it('is a problem after the time limit, read off the main thread, and the other templates list', async () => {
    await withTempDir(async (ws) => {
      await ensureDefaultTemplates(ws);
      // `*a_` runs make micromark quadratic: 6,666 of them took 8 s on the main thread per section.
      const slow = '*a_'.repeat(6666);
      await writeFile(
        path.join(ws, 'templates', 'slow.json'),
        JSON.stringify({ name: 'Slow', sections: { problem: slow, decisions: slow, tradeoffs: slow, lessons: slow } }),
      );
      await writeFile(
        path.join(ws, 'templates', 'team.json'),
        JSON.stringify({ name: 'Team', sections: { problem: 'Our **own** prompt.' } }),
      );
      const reads = vi.spyOn(MarkdownParser.prototype, 'parseSection');
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 50);
      const started = performance.now();
      const { templates, problems } = await listTemplates(ws);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(ticker);
      expect(problems.find((p) => p.file === 'slow.json')?.reason).toMatch(
        /^problem: Reading this Markdown took longer than 2 s/,
      );
      expect(templates.map((t) => t.id)).toContain('team');
      expect(docToPlainText(templates.find((t) => t.id === 'team')!.problem)).toBe('Our own prompt.');
      expect(templates).toHaveLength(5);
      // One section's limit, not four sections' worth: after the first slow section is stopped,
      // the template's other sections are not read at all.
      expect(reads.mock.calls.filter(([source]) => source === slow)).toHaveLength(1);
      reads.mockRestore();
      // The event loop kept running meanwhile (a server answers other requests).
      expect(ticks).toBeGreaterThan((seconds * 1000) / 50 / 3);
    });
  }, 30_000);
});
