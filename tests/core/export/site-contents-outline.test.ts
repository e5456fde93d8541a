// A study page's table of contents and heading links, from the headings alone: the outline a
// reader scans (h2s, the h3s under them, deeper ones left out), the text each entry shows, and
// ids that stay short, unique and usable as CSS selectors.
import { describe, expect, it } from 'vitest';
import {
  anchoredHeading,
  anchorHeadings,
  contentsHtml,
  headingText,
  HeadingIds,
  MIN_CONTENTS_HEADINGS,
  type PageHeading,
} from '../../../src/core/pure/export/site-contents';

const hd = (level: number, id: string, text = id): PageHeading => ({ level, id, text });
/** The contents' list as nested text: "a[b,c]". */
const outline = (html: string) =>
  html
    .replace(/^.*?<p class="contents-title">Contents<\/p><ol>/, '')
    .replace(/<\/ol><\/div><\/nav>$/, '')
    .replace(/<a href="#([^"]*)">[^<]*<\/a>/g, '$1')
    .replace(/<li class="contents-orphan">/g, '*')
    .replace(/<ol>/g, '[')
    .replace(/<\/ol>/g, ']')
    .replace(/<li>/g, '')
    .replace(/<\/li>/g, ',');

describe('the table of contents', () => {
  it('nests each h2’s h3s under it and leaves deeper headings out', () => {
    const html = contentsHtml([
      hd(2, 'a'),
      hd(3, 'a1'),
      hd(4, 'deep'),
      hd(3, 'a2'),
      hd(2, 'b'),
      hd(2, 'c'),
      hd(3, 'c1'),
    ]);
    expect(outline(html)).toBe('a[a1,a2,],b,c[c1,],');
    expect(html).toMatch(/^<nav class="contents" aria-label="Contents"><div class="contents-inner">/);
  });

  it('keeps h3s that come before any h2 in an entry of their own', () => {
    expect(outline(contentsHtml([hd(3, 'x'), hd(3, 'y'), hd(2, 'a')]))).toBe('*[x,y,],a,');
    expect(outline(contentsHtml([hd(2, 'a'), hd(2, 'b'), hd(3, 'b1')]))).toBe('a,b[b1,],');
  });

  it('shows each heading’s text escaped, linking its id', () => {
    const html = contentsHtml([hd(2, 'a', 'A & <B>'), hd(2, 'b'), hd(2, 'c')]);
    expect(html).toContain('<li><a href="#a">A &amp; &lt;B&gt;</a></li>');
  });

  it(`starts at ${MIN_CONTENTS_HEADINGS} headings, whatever their levels`, () => {
    expect(contentsHtml([hd(2, 'a'), hd(3, 'b')])).toBe('');
    expect(contentsHtml([hd(2, 'a'), hd(5, 'b'), hd(6, 'c')])).not.toBe('');
    // Only deeper headings: an empty list, no stray item end.
    expect(outline(contentsHtml([hd(4, 'a'), hd(5, 'b'), hd(6, 'c')]))).toBe('');
  });
});

describe('heading text and ids', () => {
  it('reads a heading as its text: tags dropped, a line break a space, entities decoded', () => {
    expect(headingText(' A<br>B<br/>C<BR />D <em>e</em>  &amp;&lt;&gt;&quot;&#39;&nbsp; ')).toBe(
      'A B C D e &<>"\'&nbsp;',
    );
  });

  it('makes short, unique, selector-safe ids, avoiding the page’s own', () => {
    const ids = new HeadingIds(['problem']);
    expect(ids.next('Problem')).toBe('problem-2');
    expect(ids.next('Problem')).toBe('problem-3');
    expect(ids.next('2024 plan')).toBe('h-2024-plan');
    expect(ids.next('plan 2024')).toBe('plan-2024');
    expect(ids.next('camelCase')).toBe('camelcase');
    expect(ids.next('!!!')).toBe('section');
    expect(ids.next('???')).toBe('section-2');
    const long = ids.next(`${'a'.repeat(59)} b`);
    expect(long).toBe('a'.repeat(59));
    ids.reserve('kept');
    expect(ids.next('Kept')).toBe('kept-2');
  });

  it('puts the anchor beside the heading, named after it', () => {
    expect(anchoredHeading(3, 'x', ' class="c"', 'In<b>ner</b>', 'Inner "q"')).toBe(
      '<div class="heading heading-3"><h3 id="x" class="c">In<b>ner</b></h3>' +
        '<a class="heading-anchor" href="#x" aria-label="Link to this section: Inner &quot;q&quot;">#</a></div>',
    );
  });

  it('anchors h2 to h6 only, and names an empty heading "Section"', () => {
    const out: PageHeading[] = [];
    const html = anchorHeadings('<h1>Top</h1><h2></h2><h6>Six</h6><h7>No</h7>', new HeadingIds([]), out);
    expect(out).toEqual([hd(2, 'section', 'Section'), hd(6, 'six', 'Six')]);
    expect(html.startsWith('<h1>Top</h1><div class="heading heading-2"><h2 id="section"></h2>')).toBe(true);
    expect(html.endsWith('<h7>No</h7>')).toBe(true);
  });
});
