// What an imported Markdown file's HTML and line breaks become in a section: `<br>` is a line
// break, `<u>…</u>` underlines, other HTML is kept as visible text (with a warning for a block
// of it), and a soft line break inside a paragraph is a space.
import { describe, expect, it } from 'vitest';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';
import { markdownToMdast } from '../../../src/core/pure/markdown/markdown-syntax';
import { canonicalDoc } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';

function imported(markdown: string): { blocks: RichTextNode[]; warnings: string[] } {
  const warnings: string[] = [];
  const tree = markdownToMdast(markdown);
  const blocks = mdastToBlocks(tree.children, {
    source: markdown,
    definitions: new Map(),
    images: [],
    warn: (message) => warnings.push(message),
  });
  return { blocks, warnings };
}
const inline = (markdown: string): RichTextNode[] | undefined => imported(markdown).blocks[0]?.content;
const t = (text: string, underline = 0): RichTextNode => ({
  type: 'text',
  text,
  ...(underline > 0 ? { marks: Array.from({ length: underline }, () => ({ type: 'underline' })) } : {}),
});
const br: RichTextNode = { type: 'hardBreak' };

describe('HTML and line breaks in an imported paragraph', () => {
  it('reads <br> in any of its spellings as a line break, and a broken tag as text', () => {
    expect(inline('a<br>b<BR />c<br/>d< br>e')).toEqual([t('a'), br, t('b'), br, t('c'), br, t('d< br>e')]);
  });

  it('underlines the text between <u> and </u>, in any case', () => {
    expect(inline('a <u>x</u> b')).toEqual([t('a '), t('x', 1), t(' b')]);
    expect(inline('a <U> x </U> b')).toEqual([t('a '), t(' x ', 1), t(' b')]);
  });

  it('keeps a <u> or </u> without its pair, and other inline HTML, as the text written', () => {
    expect(inline('a <u>x')).toEqual([t('a '), t('<u>'), t('x')]);
    expect(inline('a </u> b')).toEqual([t('a '), t('</u>'), t(' b')]);
    expect(inline('a <span>x</span> b')).toEqual([t('a '), t('<span>'), t('x'), t('</span>'), t(' b')]);
  });

  it('reads a soft line break, with the spaces around it, as one space', () => {
    expect(inline('a \n  b\tc')).toEqual([t('a b\tc')]);
    expect(inline('line one\r\nline two')).toEqual([t('line one line two')]);
  });

  it('keeps a block of HTML as visible text, line by line, and says so', () => {
    const { blocks, warnings } = imported('<div>\nhi\n\n</div>\n\nafter');
    expect(blocks[0]).toEqual({ type: 'paragraph', content: [t('<div>'), br, t('hi')] });
    expect(warnings).toEqual(['Raw HTML was kept as visible text.', 'Raw HTML was kept as visible text.']);
    expect(imported('<div>\nhi\n</div>').blocks).toEqual([
      { type: 'paragraph', content: [t('<div>'), br, t('hi'), br, t('</div>')] },
    ]);
  });

  // Found by mutation testing (2026-12-01): the inner text had two underline marks and the
  // whole file was refused ("Invalid collection of marks for node text: underline,underline").
  it('reads <u> nested in <u> as underlined once, a document the editor can load', () => {
    const { blocks } = imported('a <u>x <u>y</u> z</u> b');
    expect(() => canonicalDoc({ type: 'doc', content: blocks })).not.toThrow();
  });

  it('ends an underline at the </u> that closes its own <u>, not at a nested one', () => {
    const underlined = (inline('a <u>x <u>y</u> z</u> b') ?? []).map((node) => [
      node.text,
      (node.marks ?? []).some((mark) => mark.type === 'underline'),
    ]);
    expect(underlined).toEqual([
      ['a ', false],
      ['x ', true],
      ['y', true],
      [' z', true],
      [' b', false],
    ]);
  });
});
