// How deep a Markdown file or a section nests, measured before anything recursive reads it: a
// file one level past the limit is refused at the line where it passes it, one at the limit is
// read. `<u>`…`</u>` pairs are flat in Markdown but nest in the editor, so they count as levels.
import { describe, expect, it } from 'vitest';
import { markdownToMdast } from '../../../src/core/pure/markdown/markdown-syntax';
import { findTooDeep } from '../../../src/core/pure/markdown/nesting-depth';

/** The depth of the deepest node: the smallest limit the file fits in. */
function depthOf(tree: unknown): number {
  let limit = 1;
  while (findTooDeep(tree, limit)) limit++;
  return limit;
}
const md = (markdown: string): number => depthOf(markdownToMdast(markdown));

describe('how deep a Markdown file nests', () => {
  it('counts the root, each quote and the text: refused one level past the limit, at its line', () => {
    const tree = markdownToMdast('fine\n\n> > deep');
    // root 1, quote 2, quote 3, paragraph 4, text 5
    expect(findTooDeep(tree, 5)).toBeNull();
    expect(findTooDeep(tree, 4)).toEqual({ depth: 5, line: 3 });
    expect(findTooDeep(markdownToMdast('\n\nfine'), 1)).toEqual({ depth: 2, line: 3 });
  });

  it('counts text inside <u>…</u> one level deeper, and back after the closing tag', () => {
    expect(md('a b c')).toBe(3);
    expect(md('a <u>b</u> c')).toBe(4);
    expect(md('a <u>b</u> <u>c</u> d')).toBe(4);
    expect(md('a <u><u>b</u></u> c')).toBe(5);
    expect(md('a <u>b</u> c <u><u>d</u></u>')).toBe(5);
    // Unclosed: everything after it in the paragraph is underlined.
    expect(md('a <u>b c')).toBe(4);
  });

  it('reads the tag as HTML does: any case, spaces around it', () => {
    expect(md('a <U>b</U> c')).toBe(4);
    expect(md('a <u>b\n</U>c <u>d')).toBe(4);
  });

  it('ignores a closing tag with nothing open, and text that only looks like a tag', () => {
    expect(md('a </u> <u>b</u>')).toBe(4);
    expect(md('a \\<u> b')).toBe(3);
    expect(md('a `<u>` b')).toBe(3);
  });
});

describe('how deep a rich-text document nests', () => {
  it('measures the content of a stored section, skipping entries that are not nodes', () => {
    const doc = {
      type: 'doc',
      content: [
        null,
        'stray',
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
        7,
      ],
    };
    expect(depthOf(doc)).toBe(4);
    expect(findTooDeep(doc, 3)).toEqual({ depth: 4, line: 1 });
    expect(findTooDeep({ type: 'doc', content: 'not a list' }, 1)).toBeNull();
    expect(findTooDeep({ type: 'doc', content: ['stray', 7, null] }, 1)).toBeNull();
    expect(findTooDeep({ type: 'doc', children: 'not a list', content: [{ type: 'paragraph' }] }, 1)).toEqual({
      depth: 2,
      line: 1,
    });
  });
});
