// What a section looks like after a trip through Markdown, stated once so the round-trip
// tests compare against a written-down rule rather than against whatever import returns.
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
//   4. hard breaks at the end of a paragraph or heading removed (Markdown ignores them there);
//   4b. a task item whose text is a single space reads back empty (an empty GFM task needs
//      text after `[ ]`, so export writes an encoded space);
//   5. tables: cell alignment is the column's (taken from the first row); the first row is a
//      header row only if all its cells are headers, every other row holds ordinary cells.
//   6. in a table cell, inline code loses one backslash from an odd run of backslashes right
//      before a pipe: GFM reads `\|` in a cell as an escaped pipe, even inside code, so
//      `\|` in code cannot be written there (cellCodeText);
import { calloutKind } from '../rich-text/callout';
import { richTextSchema } from '../rich-text/known-types';
import { isEmptyTaskText } from './mdast-to-doc';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';

/** The JSON as the editor would hold it. Throws on node or mark types the editor lacks. */
export function canonicalDoc(doc: RichTextDoc): RichTextDoc {
  const node = richTextSchema().nodeFromJSON(doc);
  node.check();
  return node.toJSON() as RichTextDoc;
}

export function markdownNormalForm(doc: RichTextDoc): RichTextDoc {
  const normal = normalizeNode(canonicalDoc(doc) as RichTextNode);
  return canonicalDoc(normal as RichTextDoc);
}

const CONTAINERS_NEEDING_BLOCK = new Set(['doc', 'blockquote', 'callout', 'tableCell', 'tableHeader']);

function normalizeNode(node: RichTextNode): RichTextNode {
  if (node.type === 'table') return normalizeTable(node);
  const out: RichTextNode = { ...node };
  if (node.attrs) out.attrs = resetAttrs(node.type, node.attrs);
  if (node.marks) {
    out.marks = node.marks.map((m) =>
      m.type === 'link' ? { type: 'link', attrs: { href: m.attrs?.href, title: m.attrs?.title || null } } : m,
    );
  }
  if (node.content) {
    let content = node.content.map(normalizeNode).filter((c) => !(c.type === 'paragraph' && !c.content?.length));
    if (node.type === 'paragraph' || node.type === 'heading') {
      while (content.length && content[content.length - 1]!.type === 'hardBreak') content = content.slice(0, -1);
    }
    if (node.type === 'taskItem' && content[0] && isEmptyTaskText(content[0]))
      content = [{ type: 'paragraph' }, ...content.slice(1)];
    if ((node.type === 'listItem' || node.type === 'taskItem') && content[0]?.type !== 'paragraph')
      content = [{ type: 'paragraph' }, ...content];
    if (CONTAINERS_NEEDING_BLOCK.has(node.type) && content.length === 0) content = [{ type: 'paragraph' }];
    if (content.length > 0) out.content = content;
    else delete out.content;
  }
  return out;
}

function resetAttrs(type: string, attrs: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'image':
      return { src: attrs.src, alt: attrs.alt || null, title: attrs.title || null };
    case 'orderedList':
      return { start: attrs.start };
    case 'callout':
      return { kind: calloutKind(attrs.kind) };
    case 'tableCell':
    case 'tableHeader':
      return { align: attrs.align ?? null };
    default:
      return attrs;
  }
}

/** What inline code in a GFM table cell reads back as (see rule 6 above). */
export function cellCodeText(value: string): string {
  return value.replace(/(?<!\\)((?:\\\\)*)\\\|/g, '$1|');
}

function inCell(node: RichTextNode): RichTextNode {
  if (node.type === 'text' && node.marks?.some((m) => m.type === 'code'))
    return { ...node, text: cellCodeText(node.text ?? '') };
  return node.content ? { ...node, content: node.content.map(inCell) } : node;
}

function normalizeTable(table: RichTextNode): RichTextNode {
  const rows = table.content ?? [];
  const first = rows[0]?.content ?? [];
  const headerRow = first.length > 0 && first.every((c) => c.type === 'tableHeader');
  const align = first.map((c) => c.attrs?.align ?? null);
  return {
    type: 'table',
    content: rows.map((row, r) => ({
      type: 'tableRow',
      content: (row.content ?? []).map((cell, i) =>
        normalizeNode({
          ...inCell(cell),
          type: r === 0 && headerRow ? 'tableHeader' : 'tableCell',
          attrs: { align: align[i] ?? null },
        }),
      ),
    })),
  };
}
