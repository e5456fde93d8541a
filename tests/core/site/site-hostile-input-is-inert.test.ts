// Hostile text in any field (titles, summaries, sections, tags, categories, alt text, code
// language, site settings) comes out of the site export as inert text: no script, no event
// handler, no javascript:/data: link, no element the renderer does not itself produce.
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { escapeHtml, richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { hostileSite, hostileStudies, readSampleAsset } from '../../site/sample-site';
import { htmlPages, startTags } from '../../site/site-files';
import { unsafeLinksIn } from '../../helpers/browser-url';
import { withoutThemeScripts } from '../../helpers/site-scripts';

// Every element and attribute the site's templates and the rich-text renderer produce.
const ALLOWED_TAGS = new Set(
  'html head meta title link body a header nav main div footer p h1 h2 h3 h4 h5 h6 section ul ol li article time span strong em u s code pre br hr blockquote figure figcaption dl dt dd img table thead tbody tr th td aside svg rect line form label input button'.split(
    ' ',
  ),
);
const ALLOWED_ATTRS = new Set(
  'lang charset name content property rel href type title class id aria-label aria-labelledby aria-hidden datetime src alt loading tabindex scope colspan rowspan start role decoding viewbox preserveaspectratio focusable x y width height x1 y1 x2 y2 vector-effect action method data-search data-root for placeholder autocomplete enterkeyhint maxlength aria-current dir'.split(
    ' ',
  ),
);

/** JSON-LD is the one inline script: data (never run), that parses as JSON and holds no `<`. */
function withoutJsonLd(html: string, problems: string[]): string {
  return html.replace(/<script type="application\/ld\+json">([^]*?)<\/script>/g, (_, json: string) => {
    if (json.includes('<')) problems.push('JSON-LD holding <');
    try {
      JSON.parse(json);
    } catch {
      problems.push('JSON-LD that does not parse');
    }
    return '';
  });
}

function problemsIn(page: string): string[] {
  const problems: string[] = [];
  const html = withoutJsonLd(withoutThemeScripts(page), problems);
  for (const tag of startTags(html)) {
    // The one script a page loads: the site's own, deferred (site-script.ts).
    const siteScript =
      tag.name === 'script' &&
      /^((\.\.\/)*|https?:\/\/[^\s"<>]*\/)assets\/site\.js$/.test(tag.attrs.get('src') ?? '') &&
      [...tag.attrs.keys()].sort().join(' ') === 'defer src';
    if (siteScript) continue;
    if (!ALLOWED_TAGS.has(tag.name)) problems.push(`element <${tag.name}>`);
    for (const [name, value] of tag.attrs) {
      if (!ALLOWED_ATTRS.has(name)) problems.push(`attribute ${name} on <${tag.name}>`);
      if (
        (name === 'href' || name === 'src') &&
        /^\s*(javascript|data|vbscript):/i.test(value.replace(/[\t\n\r]/g, ''))
      ) {
        problems.push(`${name}="${value}"`);
      }
    }
  }
  // Every target as written, read the way a browser reads it.
  problems.push(...unsafeLinksIn(html));
  // The hostile strings are there — as text, never as markup (the key results figure is the
  // one SVG the theme draws).
  const withoutFigures = html
    .replace(/<svg class="metric-bars" role="img" aria-label="[^"<>]*"/g, '')
    .replace(/<script src="((\.\.\/)*|https?:\/\/[^\s"<>]*\/)assets\/site\.js" defer><\/script>/g, '');
  if (/<(script|svg|iframe|object|embed)/i.test(withoutFigures)) problems.push('raw markup');
  return problems;
}

describe('hostile input in the site export', () => {
  const { files } = siteExport({
    site: hostileSite(),
    studies: hostileStudies(),
    readAsset: readSampleAsset,
    drafts: false,
  });
  const pages = htmlPages(files);

  it('produces only the elements and attributes the theme itself uses, and only safe links', () => {
    expect(pages.length).toBeGreaterThan(8);
    for (const page of pages) expect(problemsIn(page.html), page.path).toEqual([]);
  });

  it('keeps the hostile text visible as text', () => {
    const study = pages.find((p) => p.path === 'hostile-0/index.html')!;
    expect(study.html).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt; title 0</h1>');
    expect(study.html).toContain('link &lt;script&gt;'); // the unsafe link's text, without the link
    expect(study.html).toContain(
      'aria-label="&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;: 0 \u2192 0 &lt;script&gt;window.__pwned = &quot;script, no change"',
    );
  });

  it('escapes the feed and the sitemap too', () => {
    const feed = String(files.find((f) => f.path === 'feed.xml')!.contents);
    expect(feed).not.toMatch(/<script|<svg|<iframe/i);
    expect(feed).toContain('&lt;script&gt;');
  });

  it('the problem checker itself notices an unsafe page (so the test above can fail)', () => {
    expect(problemsIn('<p><a href="javascript:alert(1)">x</a><img src="x" onerror="y"></p>')).not.toEqual([]);
    expect(problemsIn('<script>alert(1)</script>')).not.toEqual([]);
  });

  it('drops unsafe link targets but keeps their text', () => {
    const html = richTextToHtml({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: ['JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '//evil.com'].map((href) => ({
            type: 'text',
            text: 'click',
            marks: [{ type: 'link', attrs: { href } }],
          })),
        },
      ],
    });
    expect(html).toBe('<p>clickclickclickclick</p>');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });
});
