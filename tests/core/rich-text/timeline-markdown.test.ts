// The Timeline block in Markdown: the exact text export writes (golden), its reading back,
// hand-written forms, escapes that keep entry text from reading as a marker, and a fast-check
// round trip over entries full of Markdown-special characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docToMdast } from '../../../src/core/pure/markdown/doc-to-mdast';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';
import { markdownToMdast, mdastToMarkdown } from '../../../src/core/pure/markdown/markdown-syntax';
import { canonicalDoc, markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { inlineArb, textArb } from '../../fixtures/markdown/study-arbitraries';
import { doc, t } from '../../helpers/rich-text-nodes';
import { entry, timeline } from '../../helpers/timeline-nodes';

function toMarkdown(section: RichTextDoc, warnings: string[] = []): string {
  return mdastToMarkdown({
    type: 'root',
    children: docToMdast(section, { imageSrc: (s) => s, warn: (w) => warnings.push(w) }),
  });
}
function read(markdown: string, warnings: string[] = []): RichTextDoc {
  const blocks = mdastToBlocks(markdownToMdast(markdown).children, {
    source: markdown,
    definitions: new Map(),
    images: [],
    warn: (w) => warnings.push(w),
  });
  return canonicalDoc(doc(...blocks));
}

const incident = doc(
  { type: 'paragraph', content: [t('Before.')] },
  timeline(
    entry('14:02', '', t('Alert fired for p99 > 1 s')),
    entry('14:05', 'detection', t('On-call '), t('paged', 'bold')),
    entry('14:20', 'mitigation', t('Rolled back')),
    entry('2026-03-02 15:10', 'resolution', t('Fixed')),
  ),
  { type: 'paragraph', content: [t('After.')] },
);

describe('Timeline in Markdown', () => {
  it('is written as a #### Timeline heading and a list of bold times, marked entries with an italic label', () => {
    expect(toMarkdown(incident)).toBe(
      [
        'Before.',
        '',
        '#### Timeline',
        '',
        '- **14:02** Alert fired for p99 > 1 s',
        '- **14:05** _Detected:_ On-call **paged**',
        '- **14:20** _Mitigated:_ Rolled back',
        '- **2026-03-02 15:10** _Resolved:_ Fixed',
        '',
        'After.',
        '',
      ].join('\n'),
    );
  });

  it('reads its own Markdown back to the same editor JSON', () => {
    expect(read(toMarkdown(incident))).toEqual(canonicalDoc(incident));
  });

  it('reads a hand-written timeline, labels in any case, and keeps a time with markup as its text', () => {
    const warnings: string[] = [];
    const back = read('#### Timeline\n\n* **Day 1** first\n* **[Day 2](x)** _resolved:_ done\n', warnings);
    expect(back).toEqual(
      canonicalDoc(doc(timeline(entry('Day 1', '', t('first')), entry('Day 2', 'resolution', t('done'))))),
    );
    expect(warnings.join()).toMatch(/timeline time/i);
  });

  it('leaves a #### Timeline heading that is not followed by such a list a plain heading', () => {
    for (const md of [
      '#### Timeline\n\nJust prose.\n',
      '#### Timeline\n\n- **14:02** ok\n- no time here\n',
      '#### Timeline\n\n1. **14:02** numbered\n',
      '#### Timeline\n\n- [ ] **14:02** a task\n',
      '### Timeline\n\n- **14:02** under an H2\n',
    ]) {
      const back = read(md);
      expect(back.content?.[0], md).toMatchObject({ type: 'heading' });
      expect(
        back.content?.some((n) => n.type === 'timeline'),
        md,
      ).toBe(false);
    }
  });

  it('escapes entry text that would otherwise read as a marker or as the time', () => {
    const tricky = doc(
      timeline(
        entry('14:02', '', t('Detected:', 'italic'), t(' not marked')),
        entry('14:03', '', t('_Resolved:_ literal underscores')),
        entry('**', '', t('**bold-looking** text')),
        entry('', 'mitigation', t('no time yet')),
        entry('a_b *c*', ''),
      ),
    );
    const markdown = toMarkdown(tricky);
    expect(markdown).toContain('- **14:02** *Detected:* not marked');
    expect(markdown).toContain('- **&#x20;** _Mitigated:_ no time yet');
    expect(read(markdown)).toEqual(markdownNormalForm(tricky));
  });

  it('normalises hostile attrs the same way on every path', () => {
    const hostile = doc(
      timeline(
        { type: 'timelineEntry', attrs: { time: ` ${'9'.repeat(60)}\n`, kind: 'constructor' }, content: [t('x')] },
        { type: 'timelineEntry', attrs: { time: 42, kind: ['detection'] } },
      ),
    );
    const back = read(toMarkdown(hostile));
    expect(back.content?.[0]?.content?.map((e) => e.attrs)).toEqual([
      { time: '9'.repeat(40), kind: '' },
      { time: '', kind: '' },
    ]);
    expect(back).toEqual(markdownNormalForm(hostile));
  });

  const timeArb = fc.oneof(
    fc.constantFrom('14:02', '2026-03-02 14:02', 'Day 2', ''),
    textArb.map((s) => s.slice(0, 50)),
  );
  // Text that looks like a label, italic or not, is what the escapes are for.
  const labelLikeArb = fc.option(
    fc
      .tuple(fc.constantFrom('Detected:', 'resolved:', '_Mitigated:_', 'Detected: '), fc.constantFrom([], ['italic']))
      .map(([text, marks]) => [t(text, ...marks), t(' then')]),
    { nil: [] },
  );
  const entryArb = fc
    .tuple(
      timeArb,
      fc.constantFrom('', 'detection', 'mitigation', 'resolution'),
      labelLikeArb,
      fc.option(inlineArb(true), { nil: [] }),
    )
    .map(([time, kind, label, content]) => entry(time, kind, ...label, ...content));
  const sectionArb = fc
    .tuple(
      fc.array(
        fc.array(entryArb, { minLength: 1, maxLength: 4 }).map((e) => timeline(...e)),
        { minLength: 1, maxLength: 2 },
      ),
      fc.boolean(),
    )
    .map(([timelines, withList]) =>
      doc(
        ...timelines,
        ...(withList
          ? [
              {
                type: 'bulletList',
                content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('x', 'bold'), t(' y')] }] }],
              },
            ]
          : []),
      ),
    );

  it('goes through Markdown and back as the normal form says, for any entries (fast-check)', () => {
    fc.assert(
      fc.property(sectionArb, (section) => {
        const markdown = toMarkdown(section);
        expect(read(markdown), markdown).toEqual(markdownNormalForm(section));
      }),
      { numRuns: Number(process.env.MARKDOWN_PROPERTY_RUNS ?? 300) },
    );
  });
});
