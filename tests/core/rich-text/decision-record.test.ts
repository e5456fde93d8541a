// The decision record block: the issue's Markdown exactly (golden, both ways), its site HTML
// (golden), the Y-statement, hostile attrs, lenient reading of hand-written records, and the
// text it gives to search and counts.
import { describe, expect, it } from 'vitest';
import { decisionAttrs, LIMITS } from '../../../src/core/pure/rich-text/blocks/decision-attrs';
import { yStatement } from '../../../src/core/pure/rich-text/blocks/decision-record-html';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { canonicalDoc, markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { docToPlainText, type RichTextDoc, type RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { ISSUE_RECORD, ISSUE_RECORD_DOC, ISSUE_RECORD_MARKDOWN } from '../../fixtures/decision-record';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const record = (attrs: Record<string, unknown>, content: RichTextNode[] = [{ type: 'paragraph' }]): RichTextNode => ({
  type: 'decisionRecord',
  attrs,
  content,
});
const para = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('decision record Markdown', () => {
  it("writes the issue's record exactly as the issue shows it", () => {
    const warnings: string[] = [];
    expect(toMarkdown(ISSUE_RECORD_DOC, warnings)).toBe(ISSUE_RECORD_MARKDOWN);
    expect(warnings).toEqual([]);
  });

  it("reads the issue's Markdown back into the same editor JSON", () => {
    const warnings: string[] = [];
    expect(canonicalDoc(doc(...fromMarkdown(ISSUE_RECORD_MARKDOWN, warnings)))).toEqual(canonicalDoc(ISSUE_RECORD_DOC));
    expect(warnings).toEqual([]);
  });

  it('ends a record at the next ### heading and keeps what follows as ordinary blocks', () => {
    const md = `${ISSUE_RECORD_MARKDOWN}\nAfter the record.\n\n### Next part\n\nPlain text.\n`;
    const blocks = fromMarkdown(md);
    expect(blocks.map((b) => b.type)).toEqual(['decisionRecord', 'paragraph', 'heading', 'paragraph']);
    const two = fromMarkdown('### Decision: A\n\n- Status: proposed\n\nWhy A.\n\n### Decision: B\n\nWhy B.\n');
    expect(two.map((b) => b.type)).toEqual(['decisionRecord', 'decisionRecord']);
    expect(docToPlainText(doc(two[0]!))).toContain('Why A.');
    expect(docToPlainText(doc(two[0]!))).not.toContain('Why B.');
  });

  it('keeps unknown metadata lines in order and reads a MADR "superseded by" status', () => {
    const md = '### Decision: Old\n\n- Status: superseded by ADR-0005\n- Ticket: OPS-1\n- Cost: high\n';
    const [read] = fromMarkdown(md);
    expect(read?.attrs).toMatchObject({
      title: 'Old',
      status: 'superseded',
      supersededBy: 'ADR-0005',
      meta: [
        { key: 'Ticket', value: 'OPS-1' },
        { key: 'Cost', value: 'high' },
      ],
    });
    expect(toMarkdown(doc(read!))).toBe(
      '### Decision: Old\n\n- Status: superseded\n- Superseded by: ADR-0005\n- Ticket: OPS-1\n- Cost: high\n',
    );
  });

  it('reads an unknown status as proposed, with a warning, and markup in a title as its text', () => {
    const warnings: string[] = [];
    const [read] = fromMarkdown('### Decision: Use *Postgres*\n\n- Status: maybe\n', warnings);
    expect(read?.attrs).toMatchObject({ title: 'Use Postgres', status: 'proposed' });
    expect(warnings.join('\n')).toMatch(/status "maybe" is unknown/);
    expect(warnings.join('\n')).toMatch(/Formatting in a decision record's title was dropped/);
  });

  it('keeps at most the bounded number of options and points from a long file, and says so', () => {
    const options = Array.from(
      { length: 25 },
      (_, i) => `${i + 1}. **O${i}**\n${' '.repeat(`${i + 1}. `.length)}- Good: g`,
    ).join('\n');
    const consequences = Array.from({ length: 40 }, (_, i) => `- Bad: c${i}`).join('\n');
    const md = `### Decision: Many\n\n- Status: proposed\n\n#### Considered options\n\n${options}\n\n#### Consequences\n\n${consequences}\n`;
    const warnings: string[] = [];
    const a = decisionAttrs(fromMarkdown(md, warnings)[0]!.attrs);
    expect(a.options).toHaveLength(LIMITS.options);
    expect(a.consequences).toHaveLength(LIMITS.points);
    expect(warnings).toEqual([
      `Only the first ${LIMITS.options} options of a decision were kept.`,
      `Only the first ${LIMITS.points} points of each list in a decision were kept.`,
    ]);
  });

  it('keeps at most the bounded number of other detail lines, and says so', () => {
    const lines = Array.from({ length: LIMITS.meta + 3 }, (_, i) => `- Key ${i}: value ${i}`).join('\n');
    const warnings: string[] = [];
    const a = decisionAttrs(fromMarkdown(`### Decision: Many details\n\n${lines}\n`, warnings)[0]!.attrs);
    expect(a.meta.map((m) => m.key)).toEqual(Array.from({ length: LIMITS.meta }, (_, i) => `Key ${i}`));
    expect(warnings).toEqual([`Only the first ${LIMITS.meta} other lines of a decision record's details were kept.`]);
    // Exactly at the bound: all kept, nothing said.
    const atBound = Array.from({ length: LIMITS.meta }, (_, i) => `- Key ${i}: v`).join('\n');
    const none: string[] = [];
    fromMarkdown(`### Decision: Enough\n\n${atBound}\n`, none);
    expect(none).toEqual([]);
  });

  it('leaves a ### heading that is not a decision alone', () => {
    expect(fromMarkdown('### Decisions we made\n\ntext\n').map((b) => b.type)).toEqual(['heading', 'paragraph']);
  });

  it('keeps special characters in every field through the trip', () => {
    const sample = doc(
      record(
        {
          title: 'Use `a|b` *not* _c_ <d> & #e',
          status: 'deprecated',
          date: '1. March',
          deciders: '- Ana, [Bo](x)',
          meta: [{ key: 'Ticket #', value: '> quoted' }],
          options: [
            { title: '**bold**', description: '(chosen) is not chosen', points: [{ kind: 'bad', text: 'Good: no' }] },
            { title: '', description: '1. not a list', points: [] },
          ],
          chosen: null,
          consequences: [{ kind: 'good', text: '#### Consequences' }],
        },
        [para('#### Considered options')],
      ),
    );
    const { back } = throughMarkdown(sample);
    expect(back).toEqual(markdownNormalForm(sample));
    expect(decisionAttrs(back.content![0]!.attrs).options[1]!.title).toBe('Option 2');
  });
});

describe('decision record attrs from a hostile file', () => {
  it('turns anything into a bounded record with a known status', () => {
    const long = 'x'.repeat(10_000);
    const a = decisionAttrs({
      title: long,
      status: 'constructor',
      date: 42,
      options: Array.from({ length: 50 }, () => ({ title: long, points: Array(100).fill({ kind: 'evil', text: 1 }) })),
      chosen: 99,
      meta: [{ key: 'Status', value: 'x' }, { key: '__proto__', value: 'y' }, 'junk'],
      consequences: 'not a list',
    });
    expect(a.title).toHaveLength(LIMITS.line);
    expect(a.status).toBe('proposed');
    expect(a.date).toBe('');
    expect(a.options).toHaveLength(LIMITS.options);
    expect(a.options[0]!.points).toHaveLength(LIMITS.points);
    expect(a.options[0]!.points[0]).toEqual({ kind: 'good', text: '' });
    expect(a.chosen).toBeNull();
    expect(a.meta).toEqual([{ key: '__proto__', value: 'y' }]);
    expect(a.consequences).toEqual([]);
    expect(decisionAttrs(JSON.parse('{"__proto__": {"title": "inherited"}}')).title).toBe('');
    expect(decisionAttrs(null).options).toEqual([]);
  });

  it('escapes every field on the site', () => {
    const html = richTextToHtml(
      doc(
        record({
          title: '<script>alert(1)</script>',
          deciders: '"><img src=x>',
          meta: [{ key: '<b>', value: '<i>' }],
          options: [{ title: '<u>', points: [{ kind: 'bad', text: '<svg onload=x>' }] }],
          chosen: 0,
        }),
      ),
    );
    expect(html).not.toMatch(/<(script|img|b|i|u|svg)[ >]/);
    expect(html).toContain('aria-label="Decision: &lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('decision record on the site', () => {
  it("renders the issue's record as a named section with a Y-statement and a Chosen badge (golden)", () => {
    expect(richTextToHtml(ISSUE_RECORD_DOC, { headingOffset: 1 })).toBe(
      [
        '<section class="decision decision-is-accepted" aria-label="Decision: Move from Kubernetes to ECS">',
        '<h3 class="decision-title">Decision: Move from Kubernetes to ECS</h3>',
        '<p class="decision-y">Chose <em>Move to ECS on Fargate</em> over <em>Stay on self-managed Kubernetes</em>, accepting that it is tied to one cloud vendor.</p>',
        '<dl class="decision-meta"><div><dt>Status</dt><dd><span class="decision-status decision-status-accepted">Accepted</span></dd></div><div><dt>Date</dt><dd>2026-03-02</dd></div><div><dt>Deciders</dt><dd>Platform team, Dana Kim</dd></div></dl>',
        '<div class="decision-context"><p>Two years of operating our own control plane cost more than it gave us.</p></div>',
        '<h4>Considered options</h4><ol class="decision-options">',
        '<li class="decision-option"><p class="decision-option-title"><strong>Stay on self-managed Kubernetes</strong></p><p class="decision-option-description">Keep the cluster and hire for it.</p><ul class="decision-points"><li class="decision-point decision-good"><span class="decision-point-kind">Good:</span> no migration</li><li class="decision-point decision-bad"><span class="decision-point-kind">Bad:</span> the on-call load stays</li></ul></li>',
        '<li class="decision-option decision-option-chosen"><p class="decision-option-title"><strong>Move to ECS on Fargate</strong> <span class="decision-chosen-badge">Chosen</span></p><ul class="decision-points"><li class="decision-point decision-good"><span class="decision-point-kind">Good:</span> no control plane to run</li><li class="decision-point decision-bad"><span class="decision-point-kind">Bad:</span> it is tied to one cloud vendor</li></ul></li>',
        '</ol>',
        '<h4>Consequences</h4><ul class="decision-points"><li class="decision-point decision-good"><span class="decision-point-kind">Good:</span> pages fell from 40 to 3 a month</li><li class="decision-point decision-bad"><span class="decision-point-kind">Bad:</span> the deploy tooling had to be rewritten</li></ul>',
        '</section>',
      ].join(''),
    );
  });

  it('says something sensible in the Y-statement for every shape of record', () => {
    const y = (attrs: Record<string, unknown>) => yStatement(decisionAttrs(attrs)).replace(/<\/?em>/g, '*');
    const opt = (title: string, bad?: string) => ({ title, points: bad ? [{ kind: 'bad', text: bad }] : [] });
    expect(y({ options: [] })).toBe('');
    expect(y({ options: [opt('A'), opt('B')], chosen: null })).toBe(
      'Options considered: *A* and *B*; none chosen yet.',
    );
    expect(y({ options: [opt('A')], chosen: 0 })).toBe('Chose *A*.');
    expect(y({ options: [opt('A'), opt('B'), opt('C')], chosen: 2 })).toBe('Chose *C* over *A* and *B*.');
    expect(y({ options: [opt('A'), opt('B', 'we pay more.')], chosen: 1 })).toBe(
      'Chose *B* over *A*, accepting that we pay more.',
    );
    expect(y({ options: [opt('A', 'slow'), opt('B', 'tied to one vendor')], chosen: 1 })).toBe(
      'Chose *B* over *A*, accepting the downside: tied to one vendor.',
    );
    expect(y({ options: [opt(''), opt('')], chosen: 0 })).toBe('Chose *Option 1* over *Option 2*.');
  });

  it('shows every word of the record (plain text includes the text held in attrs)', () => {
    const text = docToPlainText(doc(ISSUE_RECORD));
    for (const phrase of ['Move from Kubernetes to ECS', 'Keep the cluster', 'no migration', 'Dana Kim', 'rewritten'])
      expect(text).toContain(phrase);
  });
});
