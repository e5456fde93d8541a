// Links, emphasis and strike-through through Markdown: an imported link keeps its target and
// title (a reference link its definition's), an unsafe one keeps its text unlinked with a
// warning; an exported link writes its title only when it has one.
import type { Definition } from 'mdast';
import { describe, expect, it } from 'vitest';
import { docToMdast } from '../../../src/core/pure/markdown/doc-to-mdast';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';
import { markdownToMdast, mdastToMarkdown } from '../../../src/core/pure/markdown/markdown-syntax';
import type { RichTextNode } from '../../../src/core/pure/schemas/rich-text';

function imported(markdown: string): { inline: RichTextNode[] | undefined; warnings: string[] } {
  const warnings: string[] = [];
  const tree = markdownToMdast(markdown);
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);
  const blocks = mdastToBlocks(tree.children, {
    source: markdown,
    definitions,
    images: [],
    warn: (m) => warnings.push(m),
  });
  return { inline: blocks[0]?.content, warnings };
}

function exported(content: RichTextNode[]): { markdown: string; warnings: string[] } {
  const warnings: string[] = [];
  const blocks = docToMdast(
    { type: 'doc', content: [{ type: 'paragraph', content }] },
    { imageSrc: (src) => src, warn: (m) => warnings.push(m) },
  );
  return { markdown: mdastToMarkdown({ type: 'root', children: blocks }), warnings };
}

const linked = (text: string, href: string, title: string | null): RichTextNode => ({
  type: 'text',
  text,
  marks: [{ type: 'link', attrs: { href, title } }],
});
const t = (text: string, mark?: string): RichTextNode => ({
  type: 'text',
  text,
  ...(mark ? { marks: [{ type: mark }] } : {}),
});

describe('links from Markdown', () => {
  it('keeps the target and title of a link, an empty title as none', () => {
    expect(imported('a [x](https://x.io "T") b').inline).toEqual([t('a '), linked('x', 'https://x.io', 'T'), t(' b')]);
    expect(imported('a [x](https://x.io "") b').inline).toEqual([t('a '), linked('x', 'https://x.io', null), t(' b')]);
    expect(imported('a [x](https://x.io) b').inline).toEqual([t('a '), linked('x', 'https://x.io', null), t(' b')]);
  });

  it('takes a reference link’s target and title from its definition, whatever the label’s case and spaces', () => {
    const { inline } = imported('see [the docs][Docs Ref] now\n\n[docs  ref]: https://d.io "Dt"');
    expect(inline).toEqual([t('see '), linked('the docs', 'https://d.io', 'Dt'), t(' now')]);
    expect(imported('see [docs] now\n\n[docs]: https://d.io').inline).toEqual([
      t('see '),
      linked('docs', 'https://d.io', null),
      t(' now'),
    ]);
  });

  it('keeps the text of an unsafe link, unlinked, and says so', () => {
    const { inline, warnings } = imported('a [x](javascript:alert(1)) b');
    expect(inline).toEqual([t('a '), t('x'), t(' b')]);
    expect(warnings).toEqual([
      'The link to "javascript:alert(1)" is not http, https, mailto or relative; it was kept as plain text.',
    ]);
  });

  it('reads emphasis, strong and strike-through as italic, bold and strike', () => {
    expect(imported('*it* ~~gone~~ **b**').inline).toEqual([
      t('it', 'italic'),
      t(' '),
      t('gone', 'strike'),
      t(' '),
      t('b', 'bold'),
    ]);
  });
});

describe('links to Markdown', () => {
  it('writes a link’s title only when it has one', () => {
    expect(exported([linked('x', 'https://x.io', 'T')]).markdown).toBe('[x](https://x.io "T")\n');
    expect(exported([linked('x', 'https://x.io', '')]).markdown).toBe('[x](https://x.io)\n');
    expect(exported([linked('x', 'https://x.io', null)]).markdown).toBe('[x](https://x.io)\n');
  });

  it('keeps the text of an unsafe link without the link, and says so', () => {
    const { markdown, warnings } = exported([linked('x', 'javascript:alert(1)', null)]);
    expect(markdown).toBe('x\n');
    expect(warnings).toEqual([
      'The link to "javascript:alert(1)" is not http, https, mailto or relative; its text was kept without the link.',
    ]);
  });

  it('writes strike-through and emphasis', () => {
    expect(exported([t('gone', 'strike'), t(' '), t('it', 'italic')]).markdown).toBe('~~gone~~ *it*\n');
  });
});
