// What a section looks like after a trip through Markdown, stated once so the round-trip
// tests compare against a written-down rule rather than against whatever import returns.
// The rule for each node and mark is in its module (`normalForm`, rich-text/blocks/, marks/);
// the numbered list below is what they say together.
//
// markdownNormalForm(doc) =
//   1. the editor schema's own reading of the JSON (default attributes filled in, adjacent
//      text with the same marks merged, marks in schema order);
//   2. empty paragraphs removed (Markdown has none), then an empty paragraph put back where
//      the editor requires one: an empty doc, blockquote, callout or cell, a list or task item
//      not starting with a paragraph;
//   3. attributes Markdown cannot carry reset to their defaults: image width/height, link
//      target/rel/class, cell colwidth/colspan/rowspan, ordered-list type; empty alt/title → null;
//      an unknown callout kind → note;
//   3a. block ids (rich-text/block-ids.ts) removed: Markdown carries none (an imported
//      study gets new ones when it is saved);
//   3b. headings lowered where they would skip a level (rich-text/heading-steps.ts);
//   4. hard breaks at the end of a paragraph or heading removed (Markdown ignores them there);
//   4b. a task item whose text is a single space reads back empty (an empty GFM task needs
//      text after `[ ]`, so export writes an encoded space);
//   5. tables: cell alignment is the column's (taken from the first row); the first row is a
//      header row only if all its cells are headers, every other row holds ordinary cells.
//   6. in a table cell, inline code loses one backslash from an odd run of backslashes right
//      before a pipe: GFM reads `\|` in a cell as an escaped pipe, even inside code, so
//      `\|` in code cannot be written there (cellCodeText);
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { BLOCK_ID_ATTR } from '../rich-text/block-ids';
import { blockModule, markModule } from '../rich-text/block-registry';
import { richTextSchema } from '../rich-text/known-types';
import { steppedHeadings } from '../rich-text/heading-steps';

/**
 * The JSON as the editor would hold it. Throws on node or mark types the editor lacks. A block
 * without an id is left without one (not `id: null`): the store gives it one when it is saved.
 */
export function canonicalDoc(doc: RichTextDoc): RichTextDoc {
  const node = richTextSchema().nodeFromJSON(doc);
  node.check();
  return withoutNullIds(node.toJSON() as RichTextDoc);
}

function withoutNullIds(doc: RichTextDoc): RichTextDoc {
  const stack: RichTextNode[] = [doc as RichTextNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.attrs && Object.hasOwn(node.attrs, BLOCK_ID_ATTR) && node.attrs[BLOCK_ID_ATTR] === null) {
      const { [BLOCK_ID_ATTR]: _none, ...attrs } = node.attrs;
      if (Object.keys(attrs).length > 0) node.attrs = attrs;
      else delete node.attrs;
    }
    stack.push(...(node.content ?? []));
  }
  return doc;
}

export function markdownNormalForm(doc: RichTextDoc): RichTextDoc {
  const normal = normalizeNode(steppedHeadings(canonicalDoc(doc)) as RichTextNode);
  return canonicalDoc(normal as RichTextDoc);
}

function normalizeNode(node: RichTextNode): RichTextNode {
  const rule = blockModule(node.type)?.normalForm;
  if (rule?.node) return rule.node(node, normalizeNode);
  const out: RichTextNode = { ...node };
  if (node.attrs && rule?.attrs) out.attrs = rule.attrs(node.attrs);
  if (out.attrs && Object.hasOwn(out.attrs, BLOCK_ID_ATTR)) {
    const { [BLOCK_ID_ATTR]: _id, ...attrs } = out.attrs;
    if (Object.keys(attrs).length > 0) out.attrs = attrs;
    else delete out.attrs;
  }
  if (node.marks) {
    out.marks = node.marks.map((m) => {
      const markRule = markModule(m.type)?.normalForm;
      return markRule ? { type: m.type, attrs: markRule(m.attrs) } : m;
    });
  }
  if (node.content) {
    // Markdown has no empty paragraph; the rules put one back where the editor requires it.
    let content = node.content.map(normalizeNode).filter((c) => !(c.type === 'paragraph' && !c.content?.length));
    if (rule?.content) content = rule.content(content);
    if (content.length > 0) out.content = content;
    else delete out.content;
  }
  return out;
}
