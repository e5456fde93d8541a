// Markdown export: the front matter of design.md, one page bundle per study with its images
// beside it, drafts only on request, and no path that could leave the output folder.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { describe, expect, it } from 'vitest';
import { markdownExport } from '../../../src/core/node/markdown/markdown-export';
import { parseMarkdownStudy } from '../../../src/core/node/markdown/markdown-study-parse';
import { markdownToMdast } from '../../../src/core/pure/markdown/markdown-syntax';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { emptyDoc } from '../../../src/core/pure/schemas/rich-text';
import type { Study } from '../../../src/core/pure/schemas/study';
import { SAMPLE_IMAGE_HASH, SAMPLE_PNG, sampleStudies } from '../../fixtures/markdown/sample-workspace';

const base: Study = {
  schemaVersion: STUDY_FORMAT,
  id: 'k3f9a2',
  slug: 'when-nobody-owns-the-cloud-bill',
  title: 'When Nobody Owns the Cloud Bill',
  summary: 'How strategic consolidation and right-sizing reduced IT monthly costs',
  status: 'published',
  outcome: 'succeeded',
  categories: ['Optimization & Migration Wins'],
  tags: ['aws', 'cost'],
  featured: false,
  metrics: [],
  authors: ['Dana Kim'],
  cover: null,
  language: null,
  conflictCount: 0,
  conflicts: [],
  date: '2026-04-02',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-04-02T08:30:00.000Z',
  problem: emptyDoc(),
  decisions: emptyDoc(),
  tradeoffs: emptyDoc(),
  lessons: emptyDoc(),
};

const exportOf = (studies: Study[], drafts = false, readAsset = (_: string): Uint8Array | null => null) =>
  markdownExport({ site: defaultSiteSettings(), studies, readAsset, drafts });

describe('markdownExport', () => {
  it('writes the front matter and the four sections of design.md', () => {
    const { files } = exportOf([base]);
    expect(files.map((f) => f.path)).toEqual(['when-nobody-owns-the-cloud-bill/index.md']);
    expect(files[0]!.contents).toBe(
      [
        '---',
        'title: "When Nobody Owns the Cloud Bill"',
        'summary: "How strategic consolidation and right-sizing reduced IT monthly costs"',
        'date: 2026-04-02',
        'slug: "when-nobody-owns-the-cloud-bill"',
        'categories: ["Optimization & Migration Wins"]',
        'tags: ["aws", "cost"]',
        'authors: ["Dana Kim"]',
        'featured: false',
        'outcome: succeeded',
        'draft: false',
        'casebook_id: "k3f9a2"',
        'created: "2026-03-01T10:00:00.000Z"',
        'updated: "2026-04-02T08:30:00.000Z"',
        '---',
        '## Problem',
        '',
        '## Decisions',
        '',
        '## Tradeoffs',
        '',
        '## Lessons',
        '',
      ].join('\n'),
    );
  });

  it('leaves out date and outcome when unset, and keeps any title intact', () => {
    const title = 'Quotes "x", colons: y, ---, a\nnew line, tab\t, emoji 🎉 and \\backslash';
    const { files } = exportOf([{ ...base, title, date: null, outcome: null }]);
    const md = files[0]!.contents as string;
    expect(md).not.toMatch(/^date:/m);
    expect(md).not.toMatch(/^outcome:/m);
    const back = parseMarkdownStudy(md, 'x/index.md');
    expect(back.ok && back.study.title).toBe(title);
  });

  it('leaves drafts out unless asked, and marks them draft: true', () => {
    const draft = { ...base, id: 'd1', slug: 'a-draft', status: 'draft' as const };
    expect(exportOf([base, draft]).files.map((f) => f.path)).toEqual(['when-nobody-owns-the-cloud-bill/index.md']);
    const withDrafts = exportOf([base, draft], true).files;
    expect(withDrafts.map((f) => f.path)).toContain('a-draft/index.md');
    expect(withDrafts.find((f) => f.path === 'a-draft/index.md')!.contents).toMatch(/^draft: true$/m);
  });

  it('copies each image beside index.md once, under its content-addressed name', () => {
    const studies = sampleStudies().slice(0, 2);
    studies[0]!.lessons = studies[0]!.problem; // the same image twice in one study
    const { files, warnings } = exportOf(studies, false, (rel) =>
      rel === `assets/${SAMPLE_IMAGE_HASH}.png` ? SAMPLE_PNG : null,
    );
    expect(warnings).toEqual([]);
    expect(files.filter((f) => f.path === `cloud-bill/${SAMPLE_IMAGE_HASH}.png`)).toHaveLength(1);
    expect(files.find((f) => f.path === `cloud-bill/${SAMPLE_IMAGE_HASH}.png`)!.contents).toEqual(SAMPLE_PNG);
    expect(files.find((f) => f.path === 'cloud-bill/index.md')!.contents).toContain(
      `![A chart](${SAMPLE_IMAGE_HASH}.png)`,
    );
  });

  it('never produces a path outside the output folder, and reports what it left out', () => {
    const image = (src: string) => ({ type: 'doc' as const, content: [{ type: 'image', attrs: { src, alt: 'x' } }] });
    const { files, warnings, studies } = exportOf(
      [
        { ...base, slug: '../escape' },
        { ...base, id: 'b', slug: 'ok', problem: image('assets/../../etc/passwd'), decisions: image('/etc/passwd') },
        { ...base, id: 'c', slug: 'swapped', problem: image(`assets/${'b'.repeat(64)}.png`) },
      ],
      false,
      () => new Uint8Array([1]), // not the PNG its name promises
    );
    for (const f of files) {
      expect(f.path).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|\\/);
    }
    expect(files.map((f) => f.path).sort()).toEqual([
      'escape-when-nobody-owns-the-cloud-bill/index.md',
      'ok/index.md',
      'swapped/index.md',
    ]);
    expect(studies).toBe(3);
    expect(warnings.join('\n')).toMatch(
      /the slug "\.\.\/escape" is not a safe folder name; it was exported as "escape-/,
    );
    expect(warnings.join('\n')).toMatch(/assets\/\.\.\/\.\.\/etc\/passwd/);
    expect(warnings.join('\n')).toMatch(/"\/etc\/passwd"/);
    expect(warnings.join('\n')).toMatch(/is not the picture it was stored as/);
  });

  it('leaves out SVG images, as the site does, with a warning naming the file', () => {
    const svg = `assets/${'d'.repeat(64)}.svg`;
    const problem = { type: 'doc' as const, content: [{ type: 'image', attrs: { src: svg, alt: 'diagram' } }] };
    const { files, warnings } = exportOf([{ ...base, problem }], false, () =>
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    );
    expect(files.map((f) => f.path)).toEqual(['when-nobody-owns-the-cloud-bill/index.md']);
    expect(files[0]!.contents).not.toContain('.svg');
    expect(warnings).toEqual([
      `"When Nobody Owns the Cloud Bill": the SVG image ${svg} can carry scripts (use a PNG, JPEG or WebP instead); it was left out.`,
    ]);
  });

  it('exports every study when two share a slug, renaming the second and saying so', () => {
    const second = { ...base, id: 'other', title: 'Same Slug, Other Study' };
    const { files, warnings, studies } = exportOf([base, second]);
    expect(studies).toBe(2);
    expect(files.map((f) => f.path)).toEqual([
      'when-nobody-owns-the-cloud-bill/index.md',
      'when-nobody-owns-the-cloud-bill-2/index.md',
    ]);
    expect(files[1]!.contents).toContain('title: "Same Slug, Other Study"');
    expect(files[1]!.contents).toMatch(/^slug: "when-nobody-owns-the-cloud-bill-2"$/m);
    expect(warnings).toEqual([
      '"Same Slug, Other Study": the slug "when-nobody-owns-the-cloud-bill" is used by another study in this export; it was exported as "when-nobody-owns-the-cloud-bill-2".',
    ]);
  });

  it('reports an image missing from the workspace and leaves it out', () => {
    const problem = {
      type: 'doc' as const,
      content: [{ type: 'image', attrs: { src: `assets/${'c'.repeat(64)}.png` } }],
    };
    const { files, warnings } = exportOf([{ ...base, problem }]);
    expect(files).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/missing from the workspace/);
  });
});

// Casebook writes three bits of raw HTML (<u>, </u>, <br>); all text is escaped. A line holding
// only an open or closing tag starts a CommonMark HTML block, inside which nothing is escaped:
// text around an underline that put <u> or </u> alone on a line published the text as HTML.
describe('markdownExport: raw HTML only where Casebook writes it', () => {
  const text = (value: string, underline = false) => ({
    type: 'text',
    text: value,
    ...(underline ? { marks: [{ type: 'underline' }] } : {}),
  });
  const payload = '<img src=x onerror=alert(1)>';
  const cases: Record<string, object[]> = {
    'underline starting with a line break': [text(`\n${payload}\n`, true)],
    'underline starting with spaces and a line break': [text(`  \r\n${payload}`, true)],
    'underline ending with a blank line, then text': [text('a'), text('b\n\n', true), text(`\n${payload}`)],
    'underline ending with a line break inside a list item': [text('b\n', true), text(`\n${payload}`)],
  };
  for (const [name, content] of Object.entries(cases)) {
    it(`${name}: every HTML node read back is <u>, </u> or <br>`, () => {
      const paragraph = { type: 'paragraph', content };
      const problem = {
        type: 'doc',
        content: [paragraph, { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph] }] }],
      } as Study['problem'];
      const { files } = exportOf([{ ...base, problem }]);
      const markdown = String(files.find((f) => f.path.endsWith('index.md'))!.contents);
      const html: string[] = [];
      const visit = (node: { type: string; value?: string; children?: unknown[] }): void => {
        if (node.type === 'html') html.push(node.value ?? '');
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      visit(markdownToMdast(markdown.replace(/^---\n[\s\S]*?\n---\n/, '')));
      expect(
        html.filter((value) => !/^(<u>|<\/u>|<br>)$/.test(value)),
        markdown,
      ).toEqual([]);
    });
  }
});
