// The in-app Preview: a study's published page as one self-contained document that can
// neither load nor run nor navigate anything — and that never leaks into the site export.
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { SITE_CSS } from '../../../src/core/pure/export/site-theme';
import { studyPreviewHtml } from '../../../src/core/node/export/study-preview';
import {
  hostileSite,
  hostileStudies,
  makeStudy,
  PNG_ASSET,
  PNG_BYTES,
  readSampleAsset,
  sampleSite,
  sampleStudies,
} from '../../site/sample-site';

const cloudBill = () => sampleStudies().find((s) => s.id === 'cloud-bill')!;
const preview = (study = cloudBill(), site = sampleSite()) =>
  studyPreviewHtml({ site, study, readAsset: readSampleAsset });

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

describe('study preview', () => {
  it('is the study page: title as the heading, summary, meta line and the four sections', () => {
    const html = preview();
    expect(html).toContain('<h1>When Nobody Owns the Cloud Bill</h1>');
    expect(html).toContain('How strategic consolidation and right-sizing reduced monthly costs');
    expect(html).toMatch(/<h2 id="problem">Problem<\/h2>/);
    expect(html).toMatch(/<h2 id="decisions">Decisions<\/h2>/);
    expect(html).toContain('We decided things.');
    expect(html).toContain('Optimization &amp; Migration Wins'); // category in the meta line
    expect(html).toContain('class="hljs-'); // code highlighted as on the site
  });

  it('shows a draft, marked as one', () => {
    const html = preview(makeStudy({ title: 'Half Written', status: 'draft' }));
    expect(html).toContain('<h1>Half Written</h1>');
    expect(html).toContain('<span class="badge draft">Draft</span>');
  });

  it('stands alone: site CSS inlined, images as data: URIs, no other file referenced', () => {
    const html = preview();
    expect(html).toContain(SITE_CSS);
    expect(html).not.toMatch(/<link\b/);
    const png = `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`;
    expect(html).toContain(`<img src="${png}" alt="Cost chart"`);
    const sources = [...html.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src).toMatch(/^(data:image\/png;base64,|https?:)/);
  });

  it('shows the site logo as the published header does, embedded, and none that the export would leave out', () => {
    const png = `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`;
    // The header's logo: a data: URL (its site path loads nothing in the frame), sized as on the site.
    expect(preview(cloudBill(), sampleSite({ logo: PNG_ASSET }))).toContain(
      `<img class="site-logo" src="${png}" alt="" width="32" height="32">`,
    );
    // Drawn in the box the site's branding gives it (32 px high, square corners), not as a study image.
    expect(preview(cloudBill(), sampleSite({ logo: PNG_ASSET }))).toContain(
      '.site-logo { height: 2rem; width: auto; border-radius: 0; }',
    );
    // A logo whose file is missing: no broken image, the site title alone (as the export does).
    const missing = preview(cloudBill(), sampleSite({ logo: `assets/${'0'.repeat(64)}.png` }));
    expect(missing).not.toContain('site-logo');
    expect(missing).toContain('When Nobody Owns the Cloud Bill');
  });

  it('carries the site’s accent and body font as its pages do, but no font file it could not load', () => {
    const branded = preview(cloudBill(), sampleSite({ accent: '#0b6e4f', font: 'serif' }));
    expect(branded).toMatch(/:root \{ --accent: #[0-9a-f]{6};/);
    expect(branded).toContain('--font-body: ui-serif');
    const inter = preview(cloudBill(), sampleSite({ font: 'inter' }));
    expect(inter).not.toContain('@font-face');
    expect(inter).not.toContain('"Inter"');
  });

  it('has no link that could navigate: every <a> has lost its target', () => {
    const html = preview();
    expect(html).toContain('>the dashboard</a>'); // the link text stays…
    expect(html).not.toMatch(/\shref=/); // …its target does not (head links included)
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('leaves SVG images out, as the site does', () => {
    const svg = `assets/${'b'.repeat(64)}.svg`;
    const study = makeStudy({
      title: 'Diagrams',
      problem: { type: 'doc', content: [{ type: 'image', attrs: { src: svg, alt: 'Diagram' } }] },
    });
    const html = studyPreviewHtml({ site: sampleSite(), study, readAsset: () => new TextEncoder().encode('<svg/>') });
    expect(html).not.toContain('image/svg');
    expect(html).not.toContain('alt="Diagram"');
  });

  it('is valid HTML and inert for hostile input in every field', async () => {
    for (const study of hostileStudies()) {
      const html = studyPreviewHtml({ site: hostileSite(), study, readAsset: readSampleAsset });
      expect(html).not.toMatch(/<script/i);
      // Tags only, their attribute values blanked: escaped text that looks like markup is not markup.
      const tags = html.replace(/="[^"]*"/g, '=""');
      expect(tags).not.toMatch(/<[a-z][\w-]*\b[^>]*\son\w+=/i); // no event handler
      expect(tags).not.toMatch(/<[a-z][\w-]*\b[^>]*\shref=/i); // no link target
      expect(html).not.toMatch(/<iframe/i);
      const report = await validator.validateString(html, `${study.id}.html`);
      const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`));
      expect(errors).toEqual([]);
    }
  });

  it('never leaks into the site export (nor the export into it), in either order', () => {
    const exportPage = () =>
      String(
        siteExport({
          site: sampleSite(),
          studies: sampleStudies(),
          readAsset: readSampleAsset,
          drafts: false,
        }).files.find((f) => f.path === 'when-nobody-owns-the-cloud-bill/index.html')!.contents,
      );
    expect(preview()).toContain('data:image/png');
    expect(exportPage()).toContain('src="../assets/img/');
    expect(exportPage()).not.toContain('data:image/png');
    expect(preview()).toContain('data:image/png');
    expect(preview()).not.toContain('assets/img/');
  });
});
