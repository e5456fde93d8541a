// A study page's headings: each with a unique, stable id and a named link to itself, and a
// table of contents from three headings on, whatever text the headings hold.
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import {
  anchorHeadings,
  contentsHtml,
  HeadingIds,
  type PageHeading,
} from '../../../src/core/pure/export/site-contents';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { doc, makeStudy, readSampleAsset, sampleSite } from '../../site/sample-site';
import { decodeEntities, startTags } from '../../site/site-files';

const h = (level: number, text: string): RichTextNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const para = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function studyPage(fields: Parameters<typeof makeStudy>[0]): string {
  const study = makeStudy(fields);
  const { files } = siteExport({
    site: sampleSite(),
    studies: [study],
    readAsset: readSampleAsset,
    drafts: false,
  });
  const page = files.find((f) => f.path === `${study.slug}/index.html`);
  return String(page!.contents);
}

const ids = (html: string) => startTags(html).flatMap((t) => (t.attrs.has('id') ? [t.attrs.get('id')!] : []));
const headingIds = (html: string) =>
  startTags(html).flatMap((t) => (/^h[2-6]$/.test(t.name) && t.attrs.has('id') ? [t.attrs.get('id')!] : []));
const anchors = (html: string) =>
  [...html.matchAll(/<a class="heading-anchor" href="#([^"]*)" aria-label="([^"]*)">/g)].map((m) => ({
    target: m[1]!,
    name: decodeEntities(m[2]!),
  }));

describe('heading ids and anchor links', () => {
  it('gives every heading a unique id from its text, and a link named after it', () => {
    const html = studyPage({
      title: 'Ids',
      problem: doc(h(2, 'Rollout plan'), para('a'), h(3, 'Rollout plan'), h(2, 'Rollout  Plan!')),
      decisions: doc(h(2, 'Rollout plan'), h(2, 'Problem')),
    });
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length); // unique on the page
    expect(headingIds(html)).toEqual([
      'problem',
      'rollout-plan',
      'rollout-plan-2',
      'rollout-plan-3',
      'decisions',
      'rollout-plan-4',
      'problem-2', // a heading may not take a section's id
      'lessons',
    ]);
    const links = anchors(html);
    expect(links.map((l) => l.target)).toEqual(headingIds(html));
    expect(links[0]).toEqual({ target: 'problem', name: 'Link to this section: Problem' });
    expect(links[2]).toEqual({ target: 'rollout-plan-2', name: 'Link to this section: Rollout plan' });
  });

  it('never gives a heading the id of the header’s search box', () => {
    const html = studyPage({ title: 'Search id', problem: doc(h(2, 'Site search q')) });
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    expect(headingIds(html)).toContain('site-search-q-2');
  });

  it('keeps ids stable: the same headings give the same ids in another export', () => {
    const fields = { title: 'Stable', problem: doc(h(2, 'Á café — naïve'), h(3, '2024 plan'), h(2, '🎉')) };
    expect(headingIds(studyPage(fields))).toEqual(headingIds(studyPage(fields)));
    expect(headingIds(studyPage(fields))).toEqual([
      'problem',
      'a-cafe-naive',
      'h-2024-plan',
      'section',
      'decisions',
      'lessons',
    ]);
  });

  it('escapes hostile heading text in the id, the link name and the contents', () => {
    const evil = `"><img src=x onerror=alert(1)> </h3><script>alert(1)</script> & 'q'`;
    const html = studyPage({ title: 'Hostile', problem: doc(h(2, evil), h(3, evil), h(2, 'x'.repeat(500))) });
    expect(html).not.toMatch(/<script>alert|<img src=x/i);
    for (const id of headingIds(html)) expect(id).toMatch(/^[a-z][a-z0-9-]{0,62}$/);
    const links = anchors(html);
    expect(links[1]!.name).toBe(`Link to this section: ${evil.replace(/\s+/g, ' ').trim()}`);
    const contents = html.match(/<nav class="contents"[\s\S]*?<\/nav>/)![0];
    expect(decodeEntities(contents)).toContain(evil.replace(/\s+/g, ' ').trim());
  });

  it('finds headings of structured blocks too (a decision record), keeping their classes', () => {
    const out: PageHeading[] = [];
    const html = anchorHeadings(
      '<h3 class="decision-title">Decision: Use &lt;Kafka&gt;</h3><h4>Consequences</h4>',
      new HeadingIds([]),
      out,
    );
    expect(out).toEqual([
      { level: 3, id: 'decision-use-kafka', text: 'Decision: Use <Kafka>' },
      { level: 4, id: 'consequences', text: 'Consequences' },
    ]);
    expect(html).toContain('<h3 id="decision-use-kafka" class="decision-title">Decision: Use &lt;Kafka&gt;</h3>');
  });
});

describe('table of contents', () => {
  it('is shown from three headings, named "Contents", linking each h2 and the h3s under it', () => {
    const html = studyPage({
      title: 'Toc',
      problem: doc(h(2, 'Background'), h(3, 'Deep detail')),
      tradeoffs: doc(),
    });
    const nav = html.match(/<nav class="contents" aria-label="Contents">[\s\S]*?<\/nav>/)![0];
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(['problem', 'background', 'decisions', 'lessons']);
    // Every link of the contents leads to a heading of the page.
    for (const t of targets) expect(headingIds(html)).toContain(t);
  });

  it('is left out for a study with fewer than three headings', () => {
    const html = studyPage({ title: 'Short', problem: doc(para('Only text.')), decisions: doc(), lessons: doc() });
    expect(html).not.toContain('aria-label="Contents"');
    expect(
      contentsHtml([
        { level: 2, id: 'a', text: 'A' },
        { level: 2, id: 'b', text: 'B' },
      ]),
    ).toBe('');
  });

  it('lists Key results first when the study has metrics', () => {
    const html = studyPage({
      title: 'Metrics',
      metrics: [{ label: 'Latency', before: 2, after: 1, unit: 'ms', better: 'lower' }],
    });
    const nav = html.match(/<nav class="contents"[\s\S]*?<\/nav>/)![0];
    expect([...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual([
      'key-results',
      'problem',
      'decisions',
      'lessons',
    ]);
  });
});

describe('the Updated line', () => {
  const updated = (fields: Partial<Parameters<typeof makeStudy>[0]>) =>
    /Updated <time datetime="([^"]+)">/.exec(studyPage({ title: 'U', ...fields }))?.[1] ?? null;
  it('shows the day of the last edit when it is after the publication date', () => {
    expect(updated({ date: '2026-01-15', updatedAt: '2026-03-02T08:00:00.000Z' })).toBe('2026-03-02');
  });
  it('is left out for an edit the same day, before it, or for an undated study', () => {
    expect(updated({ date: '2026-01-15', updatedAt: '2026-01-15T23:00:00.000Z' })).toBeNull();
    expect(updated({ date: '2026-01-15', updatedAt: '2026-01-02T10:00:00.000Z' })).toBeNull();
    expect(updated({ date: null, updatedAt: '2026-03-02T08:00:00.000Z' })).toBeNull();
  });
});
