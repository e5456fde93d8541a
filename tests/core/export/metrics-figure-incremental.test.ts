// An incremental export renders a study page again when only a metric changed (the figure
// and the listing line show the new value). On disk, so apart from the fast figure tests in
// metrics-figure.test.ts, which the mutation runs select.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../src/core/pure/schemas/metrics';
import { expectAsFull, exportSite, saveStudy, workspaceWith } from '../../helpers/incremental-export';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';

const cost: Metric = { label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' };

describe('the exported site', () => {
  it('renders a study page again on an incremental export when only a metric changed', () =>
    withTempDir(async (dir) => {
      const studies = Array.from({ length: 10 }, (_, i) => sampleStudy(i + 1, { status: 'published' }));
      studies[2] = sampleStudy(3, { status: 'published', metrics: [cost] });
      const ws = await workspaceWith(dir, studies);
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { allowErrors: true });
      await saveStudy(ws, sampleStudy(3, { status: 'published', metrics: [{ ...cost, after: 5125 }] }));
      const { read } = await expectAsFull(ws, out, dir, { allowErrors: true });
      expect(read).toEqual(['study-3']);
      const page = await readFile(path.join(out, 'study-3', 'index.html'), 'utf8');
      expect(page).toContain('aria-label="Monthly IT cost: 10,250 \u2192 5,125 $/month, 50 % lower"');
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('\u221250 %');
    }));
});
