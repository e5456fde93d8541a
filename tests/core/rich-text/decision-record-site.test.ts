// The decision record's smaller shapes on the site (heading levels, the Y-statement's quoted
// downside, what a blank field leaves out), the plain text it gives search and counts, and the
// normal form its Markdown trip keeps (trimmed fields, following blocks taken into the context).
import { describe, expect, it } from 'vitest';
import { emptyDecision } from '../../../src/core/pure/rich-text/blocks/decision-attrs';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { docToPlainText, type RichTextDoc, type RichTextNode } from '../../../src/core/pure/schemas/rich-text';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const para = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const record = (attrs: Record<string, unknown>, content: RichTextNode[] = [{ type: 'paragraph' }]): RichTextNode => ({
  type: 'decisionRecord',
  attrs,
  content,
});

describe('a smaller decision record on the site', () => {
  it('shows what it has, at heading levels that stop at h6 (golden)', () => {
    const html = richTextToHtml(
      doc(
        record({
          title: ' ',
          status: 'rejected',
          date: ' ',
          deciders: ' ',
          supersededBy: 'ADR-9',
          meta: [{ key: 'K', value: 'V' }],
          consequences: [{ kind: 'bad', text: 'x' }],
        }),
      ),
      { headingOffset: 4 },
    );
    expect(html).toBe(
      '<section class="decision decision-is-rejected" aria-label="Decision"><h6 class="decision-title">Decision</h6>' +
        '<dl class="decision-meta"><div><dt>Status</dt><dd><span class="decision-status decision-status-rejected">Rejected</span></dd></div>' +
        '<div><dt>Superseded by</dt><dd>ADR-9</dd></div><div><dt>K</dt><dd>V</dd></div></dl>' +
        '<div class="decision-context"></div>' +
        '<h6>Consequences</h6><ul class="decision-points"><li class="decision-point decision-bad"><span class="decision-point-kind">Bad:</span> x</li></ul></section>',
    );
  });

  it('puts the title at h2 and its parts at h3 with no offset, leaving out what is blank (golden)', () => {
    const html = richTextToHtml(
      doc(record({ title: ' T ', supersededBy: '  ', options: [{ title: 'A', description: '  ' }] })),
    );
    expect(html).toBe(
      '<section class="decision decision-is-proposed" aria-label="Decision: T"><h2 class="decision-title">Decision: T</h2>' +
        '<p class="decision-y">Options considered: <em>A</em>; none chosen yet.</p>' +
        '<dl class="decision-meta"><div><dt>Status</dt><dd><span class="decision-status decision-status-proposed">Proposed</span></dd></div></dl>' +
        '<div class="decision-context"></div>' +
        '<h3>Considered options</h3><ol class="decision-options"><li class="decision-option"><p class="decision-option-title"><strong>A</strong></p></li></ol>' +
        '</section>',
    );
  });

  it('starts a new record with two untitled options', () => {
    expect(richTextToHtml(doc(record({ ...emptyDecision() })))).toContain(
      '<p class="decision-y">Options considered: <em>Option 1</em> and <em>Option 2</em>; none chosen yet.</p>',
    );
  });

  it('names many options in one sentence', () => {
    const options = ['A', 'B', 'C', 'D'].map((title) => ({ title }));
    const y = (chosen: number | null) =>
      richTextToHtml(doc(record({ options, chosen }))).match(/<p class="decision-y">(.*?)<\/p>/)?.[1];
    expect(y(null)).toBe('Options considered: <em>A</em>, <em>B</em>, <em>C</em> and <em>D</em>; none chosen yet.');
    expect(y(0)).toBe('Chose <em>A</em> over <em>B</em>, <em>C</em> and <em>D</em>.');
  });

  it('quotes the first bad point of the chosen option, as a clause or as a downside', () => {
    const y = (...bad: string[]) =>
      richTextToHtml(
        doc(
          record({
            options: [
              { title: 'A', points: [{ kind: 'good', text: 'cheap' }, ...bad.map((text) => ({ kind: 'bad', text }))] },
            ],
            chosen: 0,
          }),
        ),
      ).match(/<p class="decision-y">(.*?)<\/p>/)?.[1];
    expect(y('There is a risk!!', 'ignored')).toBe('Chose <em>A</em>, accepting that There is a risk.');
    expect(y('vendor <lock-in>.')).toBe('Chose <em>A</em>, accepting the downside: vendor &lt;lock-in&gt;.');
    expect(y(' v1.2 breaks. ')).toBe('Chose <em>A</em>, accepting the downside: v1.2 breaks.');
    expect(y('   ')).toBe('Chose <em>A</em>.');
    expect(y()).toBe('Chose <em>A</em>.');
  });

  it('gives search and counts every line of text it holds, and no blank one', () => {
    const text = docToPlainText(
      doc(
        record(
          {
            title: 'T',
            date: 'D',
            deciders: ' ',
            supersededBy: 'S',
            meta: [{ key: 'K', value: 'V' }],
            options: [{ title: 'O', description: 'Desc', points: [{ kind: 'bad', text: 'P' }] }],
            consequences: [{ kind: 'good', text: 'C' }],
          },
          [para('ctx')],
        ),
      ),
    );
    expect(text).toBe('Decision: T\nD\nS\nK\nV\nO\nDesc\nP\nC\nctx');
  });
});

describe("a decision record's normal form", () => {
  it('trims every field and names an untitled option, as reading its Markdown does', () => {
    const [normal] = markdownNormalForm(
      doc(
        record({
          title: ' t ',
          date: ' d ',
          deciders: ' a ',
          supersededBy: ' s ',
          meta: [{ key: ' k ', value: ' v ' }],
          options: [{ title: ' ', description: ' x ', points: [{ kind: 'bad', text: ' p ' }] }],
          consequences: [{ kind: 'good', text: ' c ' }],
        }),
      ),
    ).content!;
    expect(normal!.attrs).toEqual({
      title: 't',
      status: 'proposed',
      date: 'd',
      deciders: 'a',
      supersededBy: 's',
      meta: [{ key: 'k', value: 'v' }],
      options: [{ title: 'Option 1', description: 'x', points: [{ kind: 'bad', text: 'p' }] }],
      chosen: null,
      consequences: [{ kind: 'good', text: 'c' }],
    });
  });

  it('takes the blocks after a record without lists into its context, up to a heading', () => {
    const list: RichTextNode = { type: 'bulletList', content: [{ type: 'listItem', content: [para('li')] }] };
    const heading: RichTextNode = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'h' }] };
    const joined = markdownNormalForm(doc(record({ title: 't' }), para('c'), list, heading, para('p')));
    expect(joined.content!.map((b) => b.type)).toEqual(['decisionRecord', 'heading', 'paragraph']);
    expect(joined.content![0]!.content).toEqual(markdownNormalForm(doc(para('c'), list)).content);
    const own = markdownNormalForm(doc(record({ title: 't' }, [para('own')]), para('c')));
    expect(own.content![0]!.content).toEqual([para('own'), para('c')]);
    for (const lists of [{ options: [{ title: 'A' }] }, { consequences: [{ kind: 'good', text: 'c' }] }]) {
      const kept = markdownNormalForm(doc(record({ title: 't', ...lists }), para('after')));
      expect(kept.content!.map((b) => b.type)).toEqual(['decisionRecord', 'paragraph']);
    }
  });
});
