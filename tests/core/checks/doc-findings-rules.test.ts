// A section's own problems (images, links, decision records) one rule at a time: which node
// gets which finding, with which message, id and editor position (checked against ProseMirror's
// own positions, leaf blocks and text before the node included), and what hostile attributes
// (a number where a string belongs, a link mark without attributes) are read as.
import { describe, expect, it } from 'vitest';
import { docFindings } from '../../../src/core/pure/checks/doc-findings';
import { richTextSchema } from '../../../src/core/pure/rich-text/known-types';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { doc, p, t } from '../../helpers/rich-text-nodes';

const image = (attrs: Record<string, unknown>): RichTextNode => ({ type: 'image', attrs });
const linked = (text: string, attrs?: Record<string, unknown>): RichTextNode => ({
  type: 'text',
  text,
  marks: [attrs === undefined ? { type: 'link' } : { type: 'link', attrs }],
});

const findings = (section: RichTextDoc) => docFindings(section, 'lessons');

describe('images', () => {
  it('an image without a source, or with a source that is not a string, has none', () => {
    for (const src of [undefined, '', '   ', 42, { href: 'x.png' }]) {
      expect(findings(doc(image({ src, alt: 'A graph' }))).map((f) => [f.rule, f.severity, f.message])).toEqual([
        ['image-src', 'error', 'An image in Lessons has no source; add the picture again or remove it.'],
      ]);
    }
  });

  it('an image the site cannot show is an error quoting its source, cut at 40 characters', () => {
    const src = `javascript:alert(1)//${'x'.repeat(40)}`;
    expect(findings(doc(image({ src, alt: 'A graph' }))).map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'image-src',
        'error',
        `An image in Lessons points to "${src.slice(0, 39)}…", which the site cannot show; use an image from the workspace or an http(s) address.`,
      ],
    ]);
    expect(findings(doc(image({ src: 'assets/graph.png', alt: 'A graph' })))).toEqual([]);
  });
});

describe('links', () => {
  it('a link without a target (none, blank, not a string, no attributes at all) is an error quoting its text', () => {
    for (const node of [
      linked('the runbook', { href: '' }),
      linked('the runbook', { href: 7 }),
      linked('the runbook'),
    ]) {
      expect(findings(doc(p(node))).map((f) => [f.rule, f.message])).toEqual([
        ['link-empty', 'The link "the runbook" in Lessons has no target; add an address or remove the link.'],
      ]);
    }
  });

  it('quotes a link text of 40 characters whole and cuts a longer one', () => {
    const forty = 'a'.repeat(40);
    const message = (text: string) => findings(doc(p(linked(text, { href: ' ' }))))[0]!.message;
    expect(message(forty)).toContain(`"${forty}"`);
    expect(message(`${forty}b`)).toContain(`"${'a'.repeat(39)}…"`);
  });

  it('other marks are not links, whatever attributes they carry', () => {
    const bold: RichTextNode = { type: 'text', text: 'bold', marks: [{ type: 'bold', attrs: { href: '' } }] };
    expect(findings(doc(p(t('plain'), bold, t('code', 'code'))))).toEqual([]);
  });
});

describe('where a finding points', () => {
  it('its path and the editor position of its node, past leaf blocks, empty blocks and text before it', () => {
    const section = doc(
      image({ src: 'assets/a.png', alt: 'One' }),
      { type: 'horizontalRule' },
      { type: 'paragraph' },
      p(t('See '), t('also', 'bold'), linked('nothing', { href: '' })),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(linked('bad', { href: 'vbscript:x' }))] }] },
    );
    const found = findings(section);
    expect(found.map((f) => [f.id, f.path])).toEqual([
      ['link-empty:lessons:3.2', [3, 2]],
      ['link-unsafe:lessons:4.0.0.0', [4, 0, 0, 0]],
    ]);
    const pm = richTextSchema().nodeFromJSON(section);
    expect(pm.resolve(found[0]!.pos!).parent.type.name).toBe('paragraph');
    expect(pm.textBetween(found[0]!.pos!, found[0]!.pos! + 'nothing'.length)).toBe('nothing');
    expect(pm.textBetween(found[1]!.pos!, found[1]!.pos! + 3)).toBe('bad');
  });

  it('several findings on one node get ids of their own: the first plain, then #1', () => {
    const record: RichTextNode = {
      type: 'decisionRecord',
      attrs: { title: 'Queue', status: 'accepted', chosen: 0, options: [{ title: 'Kafka' }, { title: 'SQS' }] },
      content: [p(t('Context.'))],
    };
    // Two options without points: one rule twice on the record at [1].
    expect(findings(doc(p(t('Intro.')), record)).map((f) => f.id)).toEqual([
      'decision-option-points:lessons:1',
      'decision-option-points:lessons:1#1',
    ]);
  });

  it('a node that is not a decision record is not checked as one, whatever attributes it carries', () => {
    const paragraph: RichTextNode = { ...p(t('Text.')), attrs: { status: 'accepted', options: [], chosen: null } };
    expect(findings(doc(paragraph))).toEqual([]);
  });
});
