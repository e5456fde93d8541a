// Headings inside a section. The four section titles are the Markdown file's H2s and the
// site's h2s, so editor headings move one level down: editor H2 → `###` and <h3>, H3 → `####`,
// H4 → `#####` (and back on import).
//
// A plain heading whose text is a structured block's heading ("Decision: …" at `###`,
// "Timeline", "Considered options" or "Consequences" at `####`) is written escaped
// (`Decision\: …`, `&#x54;imeline`), and the structured readers go by the text as written
// (headingSource), so such a heading reads back as a heading, never as a block.
import type { Heading, PhrasingContent } from 'mdast';
import { blockReader, type BlockModule, type MdastReadState } from '../block-module';
import { positiveInt } from '../html-escape';
import { docToPlainText, type RichTextNode } from '../../schemas/rich-text';
import { withoutTrailingBreaks } from './paragraph';
import { withoutImages } from './image';

/** Section heading levels: `###` → editor H2, `####` → H3, `#####`/`######` → H4; H1/H2 → H2. */
function editorHeadingLevel(depth: number): number {
  return Math.min(4, Math.max(2, depth - 1));
}

/** Headings that start a structured block, as written: `###` "Decision: …", `####` names. */
const DECISION = /^decision:/i;
const SUBHEADINGS = new Set(['timeline', 'considered options', 'consequences']);

/**
 * The heading's text as written in the file (opening `#`s, closing sequence and outer spaces
 * left out), or its plain text when the node has no position.
 */
export function headingSource(node: Heading, state: MdastReadState): string {
  const source = state.sourceOf(node);
  if (source === null) return state.plain(node).trim();
  return source
    .replace(/^[ \t]*#{1,6}(?=[ \t]|$)/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .trim();
}

/** The heading's text as written starts a decision record (`### Decision: …`). */
export const startsDecision = (node: Heading, state: MdastReadState): boolean =>
  node.depth === 3 && DECISION.test(headingSource(node, state));

/** The `####` heading is written as `name` (a structured block's part), case aside. */
export const isSubheading = (node: Heading, state: MdastReadState, name: string): boolean =>
  node.depth === 4 && headingSource(node, state).toLowerCase() === name.toLowerCase();

const flat = (nodes: PhrasingContent[]): string =>
  nodes.map((n) => ('value' in n ? n.value : 'children' in n ? flat(n.children) : '')).join('');

/**
 * The heading's Markdown children, escaped where its text as written would start a structured
 * block: only a leading text node can make it one (marks put `*`, `_` or `[` first).
 */
function escapedHeading(children: PhrasingContent[], depth: number): PhrasingContent[] {
  const [first, ...rest] = children;
  if (first?.type !== 'text') return children;
  const value = first.value;
  const text = (v: string): PhrasingContent[] => (v ? [{ type: 'text', value: v }] : []);
  if (depth === 3 && DECISION.test(value.trimStart())) {
    const colon = value.indexOf(':');
    return [
      ...text(value.slice(0, colon)),
      { type: 'verbatim', value: '\\:' },
      ...text(value.slice(colon + 1)),
      ...rest,
    ];
  }
  if (depth === 4 && SUBHEADINGS.has(flat(children).trim().toLowerCase())) {
    const at = value.length - value.trimStart().length;
    if (at >= value.length) return children; // the name is in marks after it: written with `*` first
    // Stryker disable next-line MethodExpression: the names start with t or c (codes 54, 74, 43, 63: no hex letters)
    const code = value.charCodeAt(at).toString(16).toUpperCase();
    return [
      ...text(value.slice(0, at)),
      { type: 'verbatim', value: `&#x${code};` },
      ...text(value.slice(at + 1)),
      ...rest,
    ];
  }
  return children;
}

const PHRASING = new Set(['text', 'hardBreak', 'image']);

/**
 * The heading with any block inside it (only a hostile file puts one there: a decision record
 * would be a <section> in an <h3>) as its text, the text held in its attributes included.
 */
function phrasingOnly(node: RichTextNode): RichTextNode {
  const content = node.content ?? [];
  if (content.every((c) => PHRASING.has(c.type))) return node;
  const text = (c: RichTextNode) => docToPlainText(c).replace(/\s*\n\s*/g, ' ');
  return { ...node, content: content.map((c) => (PHRASING.has(c.type) ? c : { type: 'text', text: text(c) })) };
}

export const heading: BlockModule = {
  html: (node, { childrenOf, options }) => {
    const level = positiveInt(node.attrs?.level) ?? 2;
    const tag = `h${Math.min(6, Math.max(2, level + (options.headingOffset ?? 0)))}`;
    const html = childrenOf(phrasingOnly(node));
    return html ? `<${tag}>${html}</${tag}>` : '';
  },
  toMdast: (node, state) => {
    // A level that is not a positive whole number (a hand-edited file) is an H2, never a `#`.
    const level = Math.min(4, Math.max(2, positiveInt(node.attrs?.level) ?? 2));
    const depth = (level + 1) as 3 | 4 | 5;
    if (phrasingOnly(node) !== node) state.warn('A block inside a heading was written as its text.');
    // Stryker disable next-line StringLiteral: only 'flow' is told apart (document.ts), any other value is a line
    const children = state.inline(phrasingOnly(node), 'line');
    return [{ type: 'heading', depth, children: escapedHeading(children, depth) }];
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
