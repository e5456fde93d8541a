// A block written as several Markdown blocks — a decision record is a `### Decision: …` heading
// and everything up to the next heading of level 3 or less — is read by one module: the import
// walk hands its reader the siblings and skips those it took. The module here stands in for
// the decision record of the structured-blocks issue, added to the real registry for this file.
import { describe, expect, it, vi } from 'vitest';
import type { Heading, RootContent } from 'mdast';
import { blockReader, type BlockModule } from '../../../src/core/pure/rich-text/block-module';
import type * as Registry from '../../../src/core/pure/rich-text/block-registry';
import { markdownToMdast } from '../../../src/core/pure/markdown/markdown-syntax';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';

vi.mock('../../../src/core/pure/rich-text/block-registry', async (importOriginal) => {
  const real = await importOriginal<typeof Registry>();
  const title = (node: Heading) => node.children.map((c) => ('value' in c ? c.value : '')).join('');
  const record: BlockModule = {
    fromMdast: [
      blockReader('heading', (node, state, { nodes, index }) => {
        if (node.depth !== 3 || !title(node).startsWith('Decision: ')) return null;
        let end = index + 1;
        while (end < nodes.length && !(nodes[end]!.type === 'heading' && (nodes[end] as Heading).depth <= 3)) end++;
        const body = state.blocks(nodes.slice(index + 1, end) as RootContent[]);
        return {
          blocks: [{ type: 'decisionRecord', attrs: { title: title(node).slice('Decision: '.length) }, content: body }],
          took: end - index - 1,
        };
      }),
    ],
  };
  return { ...real, blockModules: { ...real.blockModules, decisionRecord: record } };
});

function read(markdown: string) {
  const warnings: string[] = [];
  const blocks = mdastToBlocks(markdownToMdast(markdown).children, {
    source: markdown,
    definitions: new Map(),
    images: [],
    warn: (w) => warnings.push(w),
  });
  return { blocks, warnings };
}

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('a block that spans several Markdown blocks', () => {
  it('takes the blocks up to the next heading of its level, which is read as usual', () => {
    const { blocks, warnings } = read(
      [
        'Before.',
        '',
        '### Decision: Move to ECS',
        '',
        'Context.',
        '',
        '#### Considered options',
        '',
        '1. Stay',
        '',
        '### Afterwards',
        '',
        'After.',
        '',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(blocks).toEqual([
      para('Before.'),
      {
        type: 'decisionRecord',
        attrs: { title: 'Move to ECS' },
        content: [
          para('Context.'),
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Considered options' }] },
          { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [para('Stay')] }] },
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Afterwards' }] },
      para('After.'),
    ]);
  });

  it('runs to the end of the section when no heading follows, and leaves other headings alone', () => {
    const { blocks } = read('### Plain\n\n### Decision: Keep\n\nWhy.\n\n- a\n');
    expect(blocks).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plain' }] },
      {
        type: 'decisionRecord',
        attrs: { title: 'Keep' },
        content: [para('Why.'), { type: 'bulletList', content: [{ type: 'listItem', content: [para('a')] }] }],
      },
    ]);
  });
});
