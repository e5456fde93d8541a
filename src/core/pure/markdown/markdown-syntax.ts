// The Markdown dialect Casebook reads and writes: CommonMark + GFM tables, strikethrough and
// task lists (GFM alerts, `> [!NOTE]`, are read and written in doc-to-mdast / mdast-to-doc),
// parsed and printed by mdast (micromark / mdast-util-to-markdown).
//
// Why mdast rather than @tiptap/markdown: mdast-util-to-markdown escapes by construct
// ("unsafe" patterns per context), picks longer fences for code holding ``` and longer
// backtick runs for inline code holding backticks, escapes `|` in table cells, and runs in
// plain Node. That is what a lossless round trip needs; the TipTap JSON ↔ mdast mapping is
// ours: each node's both ways in its module (rich-text/blocks/), walked by doc-to-mdast.ts and
// mdast-to-doc.ts.
//
// GFM autolink literals are deliberately NOT enabled: with them, plain text such as
// "www.example.com" in a paragraph would come back as a link, breaking the round trip.
import type { Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

/** An underlined run: Markdown has no syntax for it, so it is written as `<u>…</u>`. */
export interface UnderlineNode {
  type: 'underline';
  children: PhrasingContent[];
  position?: Paragraph['position'];
}

/**
 * Markdown written exactly as given (an escape such as `\_`). Unlike an mdast `html` node,
 * the serializer does not treat it as HTML, which it would move off the start of a line.
 */
export interface VerbatimNode {
  type: 'verbatim';
  value: string;
  position?: Paragraph['position'];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    underline: UnderlineNode;
    verbatim: VerbatimNode;
  }
  interface RootContentMap {
    underline: UnderlineNode;
    verbatim: VerbatimNode;
  }
}

const verbatimHandler = Object.assign((node: VerbatimNode) => node.value, {
  peek: (node: VerbatimNode) => node.value.charAt(0),
}) as unknown as Handle;

function underline(node: UnderlineNode, _parent: unknown, state: Parameters<Handle>[2], info: Parameters<Handle>[3]) {
  const exit = state.enter('phrasing');
  const tracker = state.createTracker(info);
  let value = tracker.move('<u>');
  value += tracker.move(state.containerPhrasing(node, { ...tracker.current(), before: value, after: '<' }));
  value += tracker.move('</u>');
  exit();
  return value;
}
const underlineHandler = Object.assign(underline, { peek: () => '<' }) as unknown as Handle;

const toMarkdownOptions: Options = {
  bullet: '-',
  fences: true,
  rule: '-',
  emphasis: '*',
  strong: '*',
  listItemIndent: 'one',
  extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmTaskListItemToMarkdown()],
  handlers: { underline: underlineHandler, verbatim: verbatimHandler },
  // A line starting with `|` would read back as a table row without a header (see
  // mdast-to-doc.ts), so a leading pipe in text is escaped.
  // `<` is always escaped in text: `<` + inline code starting with "`a@b.co>" would otherwise
  // read as an e-mail autolink (backticks are allowed in its local part).
  unsafe: [
    { character: '|', atBreak: true },
    { character: '<', inConstruct: 'phrasing' },
    // A line holding only `<u>` would start an HTML block, where nothing after it is escaped:
    // a line break right after it is written as a character reference.
    { character: '\n', before: '<u>' },
    { character: '\r', before: '<u>' },
  ],
};

export function mdastToMarkdown(tree: Nodes): string {
  return toMarkdown(tree, toMarkdownOptions);
}

export function markdownToMdast(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfmTable(), gfmStrikethrough(), gfmTaskListItem()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
}
