// A link target is judged on the very string that is written, as a browser parses it. Link
// targets hiding javascript:, data:, vbscript: or file: behind Unicode spaces, invisible
// characters, control characters, mixed case or character references never come out of any
// writer — site, preview, Markdown export, Markdown import, the editor's link rules — as a
// target a browser would follow somewhere unsafe; and the publish check reports every one.
//   CASEBOOK_URL_RUNS=20000 npx vitest run tests/core/security/links-are-safe-as-written.test.ts
import type { Nodes } from 'mdast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docFindings } from '../../../src/core/pure/checks/doc-findings';
import { siteExport } from '../../../src/core/node/export/site-export';
import { studyPreviewHtml } from '../../../src/core/node/export/study-preview';
import { studyToMarkdown } from '../../../src/core/node/markdown/markdown-export';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { markdownToMdast } from '../../../src/core/pure/markdown/markdown-syntax';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { richTextSchema } from '../../../src/core/pure/rich-text/known-types';
import { safeHref } from '../../../src/core/pure/safe-url';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { sectionKeys } from '../../../src/core/pure/schemas/study';
import { unsafeLinksIn, unsafeUrl } from '../../helpers/browser-url';
import { makeStudy, readSampleAsset, sampleSite } from '../../site/sample-site';

const RUNS = Number(process.env.CASEBOOK_URL_RUNS ?? 200);

// Every code point that is Unicode white space, an invisible format character or a control
// character, in every plane.
const ODD_CHARS: string[] = [];
for (let c = 0; c <= 0x10ffff; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCodePoint(c);
  if (/[\p{White_Space}\p{Cf}\p{Cc}]/u.test(ch)) ODD_CHARS.push(ch);
}

/** The nine variants of the audit: a Unicode space before javascript:. */
const AUDIT_SPACES = ['\u00a0', '\ufeff', '\u2028', '\u2029', '\u3000', '\u1680', '\u2003', '\u205f', '\u202f'];

const PAYLOADS = {
  javascript: 'javascript:window.__pwned=1',
  data: 'data:text/html,<script>window.__pwned=1</script>',
  vbscript: 'vbscript:msgbox(1)',
  file: 'file:///etc/passwd',
  protocolRelative: '//evil.example/x',
  backslashes: '\\\\evil.example\\x',
  slashBackslash: '/\\evil.example/x',
};

interface Hostile {
  /** The target as stored or as a browser's DOM hands it over. */
  href: string;
  /** The same target written in Markdown, some odd characters as character references. */
  markdown: string;
}

const hostileHref: fc.Arbitrary<Hostile> = fc
  .record({
    payload: fc.constantFrom(...Object.values(PAYLOADS)),
    upper: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    inserts: fc.array(
      fc.record({ at: fc.nat(), ch: fc.constantFrom(...ODD_CHARS, ...AUDIT_SPACES), asReference: fc.boolean() }),
      { maxLength: 4 },
    ),
  })
  .map(({ payload, upper, inserts }) => {
    // Case variations in the scheme, then odd characters anywhere (front and end included).
    const chars = [...payload].map((ch, i) => (i < upper.length && upper[i] ? ch.toUpperCase() : ch));
    const md = chars.map((ch) => (/[<>\\]/.test(ch) ? `\\${ch}` : ch));
    for (const { at, ch, asReference } of inserts) {
      const i = at % (chars.length + 1);
      chars.splice(i, 0, ch);
      md.splice(i, 0, asReference ? `&#x${ch.codePointAt(0)!.toString(16)};` : ch);
    }
    return { href: chars.join(''), markdown: md.join('') };
  });

const link = (href: string): RichTextNode => ({
  type: 'text',
  text: 'click',
  marks: [{ type: 'link', attrs: { href } }],
});
const docWith = (href: string): RichTextDoc => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [link(href)] },
    { type: 'image', attrs: { src: href, alt: 'picture' } },
  ],
});

function studyWith(href: string) {
  const doc = docWith(href);
  return makeStudy({ title: 'Links', id: 'links', problem: doc, decisions: doc, tradeoffs: doc, lessons: doc });
}

function siteProblems(href: string): string[] {
  const { files } = siteExport({
    site: sampleSite(),
    studies: [studyWith(href)],
    readAsset: readSampleAsset,
    drafts: true,
  });
  return files.filter((f) => f.path.endsWith('.html')).flatMap((f) => unsafeLinksIn(String(f.contents)));
}

function previewProblems(href: string): string[] {
  return unsafeLinksIn(studyPreviewHtml({ site: sampleSite(), study: studyWith(href), readAsset: readSampleAsset }));
}

/** Every link and image target in Markdown, as a CommonMark reader (ours) reads it back. */
function markdownTargets(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') out.push(node.url);
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(markdownToMdast(markdown));
  return out;
}

function markdownExportProblems(href: string): string[] {
  const { markdown } = studyToMarkdown(studyWith(href), { readAsset: readSampleAsset, warn: () => {} });
  return markdownTargets(markdown)
    .map(unsafeUrl)
    .filter((p): p is string => p !== null);
}

function storedLinks(doc: RichTextDoc): string[] {
  const out: string[] = [];
  const visit = (node: RichTextNode): void => {
    for (const mark of node.marks ?? []) if (mark.type === 'link') out.push(String(mark.attrs?.href));
    if (node.type === 'image') out.push(String(node.attrs?.src));
    node.content?.forEach(visit);
  };
  visit(doc as RichTextNode);
  return out;
}

function markdownImportProblems(markdown: string): string[] {
  const parsed = parseMarkdownStudy(`# Imported\n\n[click](<${markdown}>) and ![i](<${markdown}>)\n`, 'x.md');
  if (!parsed.ok) return [];
  return sectionKeys.flatMap((key) => {
    const doc = parsed.study[key]!;
    const stored = storedLinks(doc)
      .map(unsafeUrl)
      .filter((p): p is string => p !== null);
    return [...stored, ...unsafeLinksIn(richTextToHtml(doc, { resolveImage: (src) => src }))];
  });
}

// The editor's own link rules, from its schema: the <a href> a paste or drop parses, and the
// href it draws. getAttribute returns the attribute as the DOM holds it (references decoded).
const linkSpec = () => richTextSchema().marks.link!.spec;
function editorAccepts(href: string): boolean {
  const rule = linkSpec().parseDOM![0]!;
  const element = { getAttribute: (name: string) => (name === 'href' ? href : null) };
  const getAttrs = rule.getAttrs as (dom: unknown) => false | null | Record<string, unknown>;
  return getAttrs(element) !== false;
}
function editorDraws(href: string): string {
  const mark = richTextSchema().marks.link!.create({ href });
  const dom = linkSpec().toDOM!(mark, true) as unknown as [string, Record<string, string>];
  return dom[1].href ?? '';
}

function checkReportsUnsafe(href: string): boolean {
  return docFindings(docWith(href), 'problem').some((f) => f.rule === 'link-unsafe' && f.severity === 'error');
}

describe('link targets are judged as written, the way a browser reads them', () => {
  it('the oracle itself notices unsafe targets (so the tests below can fail)', () => {
    expect(unsafeUrl('javascript:alert(1)')).not.toBeNull();
    expect(unsafeUrl('//evil.example/x')).not.toBeNull();
    expect(unsafeUrl('\\\\evil.example\\x')).not.toBeNull();
    expect(unsafeLinksIn('<a href="JaVaScRiPt&#58;x">')).not.toEqual([]);
    expect(unsafeLinksIn('<a href="javascript:x">')).not.toEqual([]);
    expect(unsafeLinksIn('<a href="https://example.com/?a=1&amp;b=2">')).toEqual([]);
  });

  it.each(AUDIT_SPACES.map((s) => [`U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, s]))(
    'a target starting with %s before javascript: is no link anywhere',
    (_name, space) => {
      const href = `${space}javascript:window.__pwned=1`;
      expect(siteProblems(href)).toEqual([]);
      expect(
        siteExport({ site: sampleSite(), studies: [studyWith(href)], readAsset: readSampleAsset, drafts: true })
          .files.filter((f) => f.path.endsWith('.html'))
          .some((f) => /<a href="[^"]*javascript/i.test(String(f.contents))),
      ).toBe(false);
      expect(previewProblems(href)).toEqual([]);
      expect(markdownExportProblems(href)).toEqual([]);
      expect(editorAccepts(href)).toBe(false);
      expect(editorDraws(href)).toBe('');
      expect(checkReportsUnsafe(href)).toBe(true);
      // Imported Markdown, the space written as a character reference as in the audit.
      const reference = `&#x${space.codePointAt(0)!.toString(16)};`;
      const parsed = parseMarkdownStudy(`# T\n\n[x](${reference}javascript:window.__pwned=1)\n`, 'x.md');
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(storedLinks(parsed.study.problem!)).toEqual([]);
        expect(parsed.warnings.join('\n')).toMatch(/is not http, https, mailto or relative/);
      }
      expect(markdownImportProblems(`${reference}javascript:window.__pwned=1`)).toEqual([]);
    },
  );

  it('keeps safe targets exactly as written', () => {
    const safe = [
      'https://example.com/dash?a=1&b="2"',
      'http://example.com',
      'mailto:team@example.com',
      'notes/setup.html#step-2',
      '../other-study/index.html',
      '/root/page',
      '#top',
      '?q=1',
      'https://example.com/a b',
    ];
    for (const href of safe) {
      expect(safeHref(href)).toBe(href);
      const html = richTextToHtml(docWith(href), { resolveImage: (src) => src });
      expect(html).toContain(`<a href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">click</a>`);
      expect(editorAccepts(href)).toBe(true);
      expect(checkReportsUnsafe(href)).toBe(false);
    }
    expect(safeHref(' https://example.com')).toBeNull(); // written as checked: no silent trim
  });

  it('no writer produces a target a browser would follow somewhere unsafe (property)', () => {
    fc.assert(
      fc.property(hostileHref, ({ href, markdown }) => {
        const browserUnsafe = unsafeUrl(href) !== null;
        expect(siteProblems(href)).toEqual([]);
        expect(previewProblems(href)).toEqual([]);
        expect(unsafeLinksIn(richTextToHtml(docWith(href), { resolveImage: (src) => src }))).toEqual([]);
        expect(markdownExportProblems(href)).toEqual([]);
        expect(markdownImportProblems(markdown)).toEqual([]);
        // The editor keeps a pasted target only if it is safe as it stands, and draws no other.
        if (editorAccepts(href)) expect(unsafeUrl(href)).toBeNull();
        const drawn = editorDraws(href);
        if (drawn !== '') expect(drawn).toBe(href);
        expect(unsafeUrl(drawn)).toBeNull();
        // Whatever a browser would find unsafe, the publish check reports.
        if (browserUnsafe) expect(checkReportsUnsafe(href)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
