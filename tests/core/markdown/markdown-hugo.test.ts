// The Markdown export builds with a real Hugo: every published study becomes a page, with
// its title, its content and its image. Skipped (with a message) where `hugo` is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutput } from '../../../src/core/node/export/output-writer';
import { markdownExport } from '../../../src/core/node/markdown/markdown-export';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import {
  HUGO_SITE_FILES,
  SAMPLE_IMAGE_HASH,
  SAMPLE_PNG,
  sampleStudies,
} from '../../fixtures/markdown/sample-workspace';

const hugoFound = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
if (!hugoFound) console.warn('markdown-hugo.test.ts: `hugo` is not on PATH; the Hugo build test is skipped.');

// Go's html/template escaping of text.
const goEscape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;')
    .replace(/\+/g, '&#43;');

let tmp = '';
afterAll(async () => {
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

describe('Markdown export with Hugo', () => {
  it.skipIf(!hugoFound)('builds, and every published study appears in the output', async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'casebook-hugo-'));
    for (const [rel, text] of Object.entries(HUGO_SITE_FILES)) {
      await fsp.mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
      await fsp.writeFile(path.join(tmp, rel), text);
    }
    const studies = sampleStudies();
    const { files, warnings } = markdownExport({
      site: defaultSiteSettings(),
      studies,
      readAsset: (rel) => (rel === `assets/${SAMPLE_IMAGE_HASH}.png` ? SAMPLE_PNG : null),
      drafts: false,
    });
    expect(warnings).toEqual([]);
    await writeOutput(path.join(tmp, 'content', 'studies'), files, { format: 'markdown' });

    execFileSync('hugo', ['--source', tmp, '--destination', path.join(tmp, 'public'), '--quiet'], { stdio: 'pipe' });

    const home = await fsp.readFile(path.join(tmp, 'public', 'index.html'), 'utf8');
    const published = studies.filter((s) => s.status === 'published');
    for (const study of published) {
      expect(home).toContain(`<li>${goEscape(study.title)}</li>`);
      const page = await fsp.readFile(path.join(tmp, 'public', 'studies', study.slug, 'index.html'), 'utf8');
      expect(page).toContain(`<h1>${goEscape(study.title)}</h1>`);
      expect(page).toMatch(/<table>[\s\S]*<th>Metric<\/th>/);
      expect(page).toMatch(/<code class="language-go"/);
      // The Timeline block reads as a heading and a list of bold times, the marked one labelled.
      expect(page).toMatch(
        /<h4[^>]*>Timeline<\/h4>\s*<ul>\s*<li><strong>14:02<\/strong> Alert fired for p99 &gt; 1 s<\/li>/,
      );
      expect(page).toContain('<li><strong>14:05</strong> <em>Detected:</em> On-call paged</li>');
      expect(existsSync(path.join(tmp, 'public', 'studies', study.slug, `${SAMPLE_IMAGE_HASH}.png`))).toBe(true);
    }
    const draft = studies.find((s) => s.status === 'draft')!;
    expect(home).not.toContain(goEscape(draft.title));
  });
});
