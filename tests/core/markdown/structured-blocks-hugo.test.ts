// The structured parts survive a workspace's whole Markdown life: two hand-written studies using
// decision records, a timeline and key results are imported, exported again exactly as written,
// and a real Hugo builds the export into pages that show every part's text, with the metrics
// available to templates as `.Params.metrics`. Hugo is skipped (with a message) where absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { HUGO_SITE_FILES } from '../../fixtures/markdown/sample-workspace';
import { MIGRATION_MD, POSTMORTEM_MD } from '../../fixtures/markdown/structured-studies';
import { withTempDir } from '../../helpers/temp-dir';

const hugoFound = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
if (!hugoFound) console.warn('structured-blocks-hugo.test.ts: `hugo` is not on PATH; the Hugo build is skipped.');

const SOURCES = { 'postmortem.md': POSTMORTEM_MD, 'migration.md': MIGRATION_MD };

// A single-page template that lists the key results the way a Hugo theme would.
const HUGO_FILES = {
  ...HUGO_SITE_FILES,
  'layouts/_default/single.html':
    '<h1>{{ .Title }}</h1><ul class="metrics">{{ range .Params.metrics }}<li>{{ .label }}: {{ .before }} → {{ .after }} {{ .unit }} ({{ .better }} is better)</li>{{ end }}</ul>{{ .Content }}\n',
};

async function importAndExport(dir: string): Promise<string> {
  const sources = path.join(dir, 'sources');
  await fsp.mkdir(sources);
  for (const [name, text] of Object.entries(SOURCES)) await fsp.writeFile(path.join(sources, name), text);
  const workspace = await openWorkspace(path.join(dir, 'workspace'));
  const report = await workspace.importMarkdown({ paths: [sources] });
  expect(report.skipped).toEqual([]);
  const out = path.join(dir, 'hugo', 'content', 'studies');
  await workspace.exportWorkspace({ format: 'markdown', outDir: out, drafts: false, allowErrors: true });
  return out;
}

describe('structured blocks in the Markdown export', () => {
  it('are written back exactly as the author wrote them', async () => {
    await withTempDir(async (dir) => {
      const out = await importAndExport(dir);
      for (const text of Object.values(SOURCES)) {
        const slug = /^slug: (.+)$/m.exec(text)![1]!;
        const exported = await fsp.readFile(path.join(out, slug, 'index.md'), 'utf8');
        const body = (s: string) => s.slice(s.indexOf('\n## Problem'));
        const metrics = (s: string) => /^metrics:\n(?: {2}.*\n)+/m.exec(s)?.[0];
        expect(body(exported)).toBe(body(text));
        expect(metrics(exported)).toBe(metrics(text));
      }
    });
  });

  it.skipIf(!hugoFound)('build with Hugo into pages that show every part', async () => {
    await withTempDir(async (dir) => {
      await importAndExport(dir);
      const site = path.join(dir, 'hugo');
      for (const [rel, text] of Object.entries(HUGO_FILES)) {
        await fsp.mkdir(path.dirname(path.join(site, rel)), { recursive: true });
        await fsp.writeFile(path.join(site, rel), text);
      }
      execFileSync('hugo', ['--source', site, '--destination', path.join(site, 'public'), '--quiet'], {
        stdio: 'pipe',
      });
      const page = (slug: string) => fsp.readFile(path.join(site, 'public', 'studies', slug, 'index.html'), 'utf8');

      const migration = await page('from-self-managed-kubernetes-to-ecs');
      expect(migration).toMatch(/<h3[^>]*>Decision: Move from Kubernetes to ECS<\/h3>/);
      expect(migration).toContain('<li>Status: accepted</li>');
      expect(migration).toMatch(/<strong>Move to ECS on Fargate<\/strong> \(chosen\)/);
      expect(migration).toContain('<li>Bad: tied to one cloud vendor</li>');
      expect(migration).toContain('<li>Monthly platform cost: 18400 → 9100 $/month (lower is better)</li>');
      expect(migration).toContain('<li>Deploys per day: 6 → 21 deploys/day (higher is better)</li>');

      const postmortem = await page('the-tuesday-the-checkout-queue-stood-still');
      expect(postmortem).toMatch(/<h4[^>]*>Timeline<\/h4>/);
      expect(postmortem).toMatch(/<li><strong>14:21<\/strong> <em>Detected:<\/em> Support escalates/);
      expect(postmortem).toMatch(/<h3[^>]*>Decision: Cap retention by size, not only by time<\/h3>/);
      expect(postmortem).toContain('<li>Checkout errors at peak: 0.2 → 38 % (lower is better)</li>');
    });
  });
});
