// TipTap JSON (one study section) → mdast, ready for mdast-util-to-markdown. Each node's and
// mark's Markdown form is in its module (rich-text/blocks/, rich-text/marks/); this is the walk,
// plus the inline machinery: ProseMirror's flat marks become mdast's nested phrasing nodes.
// Inside a section the four section titles are the file's H2s, so editor headings move one
// level down (rich-text/blocks/heading.ts).
import type { PhrasingContent, RootContent } from 'mdast';
import type { MdastWriteState } from '../rich-text/block-module';
import { blockModule, markModule } from '../rich-text/block-registry';
import { markNames } from '../rich-text/node-names';
import type { RichTextDoc, RichTextNode } from '../schemas/rich-text';
import { steppedHeadings } from '../rich-text/heading-steps';

export interface DocToMdastContext {
  /** Maps an image's stored src to the src written in Markdown; null drops the image. */
  imageSrc(src: string): string | null;
  warn(message: string): void;
}

type Block = RootContent;

const children = (node: RichTextNode): RichTextNode[] => node.content ?? [];

export function docToMdast(doc: RichTextDoc, ctx: DocToMdastContext): Block[] {
  const state: MdastWriteState = {
    imageSrc: (src) => ctx.imageSrc(src),
    warn: (message) => ctx.warn(message),
    blocks: (nodes) => blocksToMdast(nodes, state),
    inline: (node, where) => inline(node, state, where),
    textOf,
  };
  // A section's headings never skip a level (heading-steps.ts).
  return blocksToMdast(steppedHeadings(doc).content ?? [], state);
}

function blocksToMdast(nodes: RichTextNode[], state: MdastWriteState): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const write = blockModule(node.type)?.toMdast;
    if (!write) {
      state.warn(`A "${node.type}" block has no Markdown form; its text was kept as a paragraph.`);
      out.push({ type: 'paragraph', children: [{ type: 'text', value: textOf(node) }] });
      continue;
    }
    out.push(...write(node, state));
  }
  return out;
}

// ---- Inline content: ProseMirror's flat marks → mdast's nested phrasing nodes ----

interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}
interface InlineItem {
  leaf: PhrasingContent;
  marks: MarkJSON[];
}

// When two marks start at the same place and run equally far, the earlier one wraps the later.
const MARK_ORDER: readonly string[] = markNames;
const markKey = (m: MarkJSON): string =>
  `${m.type}:${m.type === 'link' ? String(m.attrs?.href ?? '') + '\u0000' + String(m.attrs?.title ?? '') : ''}`;

/**
 * `flow`: a paragraph, where a line break is Markdown's `\` + newline.
 * `line`: a heading or table cell, which must stay on one line, so a break is `<br>`.
 */
function inline(node: RichTextNode, state: MdastWriteState, where: 'flow' | 'line'): PhrasingContent[] {
  const items: InlineItem[] = [];
  for (const child of children(node)) {
    const marks = ((child.marks ?? []) as MarkJSON[]).flatMap((m): MarkJSON[] => {
      if (m.type === 'code') return []; // code is the leaf itself (it excludes every other mark)
      const module = markModule(m.type);
      if (!module) {
        state.warn(`A "${m.type}" mark has no Markdown form; its text was kept without it.`);
        return [];
      }
      const problem = module.markdownProblem?.(m) ?? null;
      if (problem !== null) state.warn(problem);
      return problem === null ? [m] : [];
    });
    if (child.type === 'text') {
      const code = (child.marks ?? []).some((m) => m.type === 'code');
      const value = child.text ?? '';
      if (value === '') continue;
      // Adjacent runs with the same marks are one run (ProseMirror merges them too); two
      // inline code spans side by side would otherwise fuse their backtick fences.
      const last = items[items.length - 1];
      const kind = code ? 'inlineCode' : 'text';
      if (last && last.leaf.type === kind && sameMarks(last.marks, marks))
        (last.leaf as { value: string }).value += value;
      else items.push({ leaf: code ? { type: 'inlineCode', value } : { type: 'text', value }, marks });
    } else {
      const write = blockModule(child.type)?.toPhrasing;
      if (write) {
        const leaf = write(child, state, where);
        // A break carries no marks in Markdown.
        if (leaf) items.push({ leaf, marks: isBreak(leaf) ? [] : marks });
      } else {
        state.warn(`An inline "${child.type}" has no Markdown form; its text was kept.`);
        items.push({ leaf: { type: 'text', value: textOf(child) }, marks });
      }
    }
  }
  // A break at the end of a paragraph means nothing in Markdown (and a trailing `\` would
  // come back as a literal backslash), so trailing breaks are dropped, in every block alike.
  while (items.length > 0 && isBreak(items[items.length - 1]!.leaf)) items.pop();
  return escapeUnderscores(nest(items));
}

// mdast-util-to-markdown leaves an underscore inside a word bare (`snake_case`), but may then
// encode the neighbouring letter as a character reference next to a mark (`a_&#x61;**`),
// after which the underscore reads as an emphasis delimiter. Writing every underscore in
// text as `\_` (a verbatim escape) avoids that.
function escapeUnderscores(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'text' && node.value.includes('_')) {
      return node.value
        .split('_')
        .flatMap((part, i): PhrasingContent[] => [
          ...(i > 0 ? [{ type: 'verbatim' as const, value: '\\_' }] : []),
          ...(part ? [{ type: 'text' as const, value: part }] : []),
        ]);
    }
    if ('children' in node) {
      return [{ ...node, children: escapeUnderscores(node.children as PhrasingContent[]) } as PhrasingContent];
    }
    return [node];
  });
}

const isBreak = (leaf: PhrasingContent): boolean =>
  leaf.type === 'break' || (leaf.type === 'html' && leaf.value === '<br>');

function sameMarks(a: MarkJSON[], b: MarkJSON[]): boolean {
  const keys = (marks: MarkJSON[]) => marks.map(markKey).sort().join('\u0001');
  return keys(a) === keys(b);
}

function nest(items: InlineItem[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (item.marks.length === 0) {
      out.push(item.leaf);
      i++;
      continue;
    }
    // Open the mark that runs furthest from here, so marks split as little as possible.
    let best: MarkJSON | null = null;
    let bestEnd = i;
    for (const mark of [...item.marks].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type))) {
      let end = i + 1;
      while (end < items.length && items[end]!.marks.some((m) => markKey(m) === markKey(mark))) end++;
      if (end > bestEnd) {
        best = mark;
        bestEnd = end;
      }
    }
    const key = markKey(best!);
    const inner = nest(
      items.slice(i, bestEnd).map((it) => ({ leaf: it.leaf, marks: it.marks.filter((m) => markKey(m) !== key) })),
    );
    out.push(wrap(best!, inner));
    i = bestEnd;
  }
  return out;
}

function wrap(mark: MarkJSON, inner: PhrasingContent[]): PhrasingContent {
  const wrapped = markModule(mark.type)?.toMdast(mark, inner);
  if (!wrapped) throw new Error(`unreachable: mark ${mark.type} is filtered out before nesting`);
  return wrapped;
}

function textOf(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return children(node).map(textOf).join(' ');
}
