// Headings inside a section. The four section titles are the Markdown file's H2s and the
// site's h2s, so editor headings move one level down: editor H2 → `###` and <h3>, H3 → `####`,
// H4 → `#####` (and back on import).
import { blockReader, type BlockModule } from '../block-module';
import { positiveInt } from '../html-escape';
import { withoutTrailingBreaks } from './paragraph';
import { withoutImages } from './image';

/** Section heading levels: `###` → editor H2, `####` → H3, `#####`/`######` → H4; H1/H2 → H2. */
function editorHeadingLevel(depth: number): number {
  return Math.min(4, Math.max(2, depth - 1));
}

export const heading: BlockModule = {
  html: (node, { inner, options }) => {
    const level = positiveInt(node.attrs?.level) ?? 2;
    const tag = `h${Math.min(6, Math.max(2, level + (options.headingOffset ?? 0)))}`;
    const html = inner();
    return html ? `<${tag}>${html}</${tag}>` : '';
  },
  toMdast: (node, state) => {
    // A level that is not a positive whole number (a hand-edited file) is an H2, never a `#`.
    const level = Math.min(4, Math.max(2, positiveInt(node.attrs?.level) ?? 2));
    return [{ type: 'heading', depth: (level + 1) as 3 | 4 | 5, children: state.inline(node, 'line') }];
  },
  // The catch-all for headings: a block that starts at a heading of its own is asked first.
  fromMdast: [
    blockReader(
      'heading',
      (node, state) => {
        const content = withoutImages(state.phrasing(node.children, []), 'a heading', state);
        return [
          { type: 'heading', attrs: { level: editorHeadingLevel(node.depth) }, ...(content.length ? { content } : {}) },
        ];
      },
      true,
    ),
  ],
  normalForm: { content: withoutTrailingBreaks },
  probe: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Heading <&>' }] }],
};
