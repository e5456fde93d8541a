// Hand-written decision records that bend the form: nothing is dropped without a word, and what
// is read is what the next export writes (review of issue 12, defects 04, 09, 12, 13).
import { describe, expect, it } from 'vitest';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown } from '../../helpers/through-markdown';

interface Attrs {
  title: string;
  chosen: number | null;
  options: { title: string; points: { text: string }[] }[];
  consequences: { text: string }[];
}
const attrsOf = (node: RichTextNode | undefined): Attrs => node?.attrs as unknown as Attrs;

describe('a hand-written decision record', () => {
  it('keeps "#### Considered options" over a bullet list as a heading and a list, stable on the next trip', () => {
    const blocks = fromMarkdown('### Decision: T\n\n#### Considered options\n\n- **A** (chosen)\n- **B**\n');
    expect(blocks.map((b) => b.type)).toEqual(['decisionRecord', 'heading', 'bulletList']);
    expect(JSON.stringify(blocks[1])).toContain('Considered options');
    expect(attrsOf(blocks[0]).options).toEqual([]);
    const { back, markdown } = throughMarkdown({ type: 'doc', content: blocks });
    expect(back, markdown).toEqual(markdownNormalForm({ type: 'doc', content: blocks }));
  });

  it('keeps "#### Consequences" followed by a paragraph as a heading and ends the record there', () => {
    const blocks = fromMarkdown('### Decision: T\n\nctx\n\n#### Consequences\n\nNone yet.\n');
    expect(blocks.map((b) => b.type)).toEqual(['decisionRecord', 'heading', 'paragraph']);
    expect(JSON.stringify(blocks[2])).toContain('None yet.');
  });

  it('says so when two options are marked "(chosen)", and keeps the first', () => {
    const warnings: string[] = [];
    const [rec] = fromMarkdown(
      '### Decision: T\n\n#### Considered options\n\n1. **A** (chosen)\n2. **B** (chosen)\n',
      warnings,
    );
    expect(attrsOf(rec).chosen).toBe(0);
    expect(warnings.join(' ')).toMatch(/more than one option/);
  });

  it('reads "(chosen)" after a title that is not bold as the chosen mark', () => {
    const [rec] = fromMarkdown('### Decision: T\n\n#### Considered options\n\n1. A\n2. B (chosen)\n');
    expect(attrsOf(rec).options.map((o) => o.title)).toEqual(['A', 'B']);
    expect(attrsOf(rec).chosen).toBe(1);
  });

  it('keeps the alt text of an image in a point and says the image was dropped', () => {
    const warnings: string[] = [];
    const [rec] = fromMarkdown(
      '### Decision: T\n\n#### Consequences\n\n- Good: latency ![p99 graph](https://x.test/g.png) fell\n',
      warnings,
    );
    expect(attrsOf(rec).consequences[0]!.text).toBe('latency p99 graph fell');
    expect(warnings.join(' ')).toMatch(/image .*left out and its alt text kept/i);
  });

  it('says so when a field is longer than the record keeps', () => {
    const warnings: string[] = [];
    const [rec] = fromMarkdown(`### Decision: ${'a'.repeat(600)}\n\n- Status: accepted\n`, warnings);
    expect(attrsOf(rec).title).toHaveLength(500);
    expect(warnings.join(' ')).toMatch(/longer than .* was cut/);
  });
});
