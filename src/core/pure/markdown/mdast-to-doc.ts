// mdast (one study section) → TipTap JSON blocks. The inverse of doc-to-mdast.ts: each node's
// and mark's reading is in its module (rich-text/blocks/, rich-text/marks/); this is the walk,
// plus the leniency a hand-written file needs: `<u>…</u>` and `<br>` become underline and hard
// breaks, other raw HTML is kept as visible text, reference definitions are set aside.
import type { Definition, Nodes, PhrasingContent, RootContent } from 'mdast';
import type {
  Mark,
  MdastBlockReader,
  MdastPhrasingReader,
  MdastRead,
  MdastReadState,
  MdastSiblings,
} from '../rich-text/block-module';
import { blockModules, markModules } from '../rich-text/block-registry';
import { textRun } from '../rich-text/blocks/document';
import type { RichTextNode } from '../schemas/rich-text';

import { markdownToMdast } from './markdown-syntax';

export { normalizeLabel } from './reference-label';

export interface MdastToDocContext {
  /** The whole file's text, to re-read pipe rows that the parser took for a paragraph. */
  source: string;
  definitions: Map<string, Definition>;
  /** Relative image paths met, in order (import copies them into the workspace). */
  images: string[];
  warn(message: string): void;
}

// Readers by mdast type, in table order, those that may decline first. In a Map: an mdast
// type is the parser's, but a Map never answers with an Object member.
const blockReaders = new Map<string, MdastBlockReader[]>();
const phrasingReaders = new Map<string, MdastPhrasingReader>();
for (const module of Object.values(blockModules) as { fromMdast?: readonly MdastBlockReader[] }[]) {
  for (const reader of module.fromMdast ?? []) {
    blockReaders.set(reader.mdast, [...(blockReaders.get(reader.mdast) ?? []), reader]);
  }
}
for (const readers of blockReaders.values()) readers.sort((a, b) => Number(!!a.fallback) - Number(!!b.fallback));
for (const module of [...Object.values(blockModules), ...Object.values(markModules)]) {
  for (const reader of module.fromPhrasing ?? []) phrasingReaders.set(reader.mdast, reader);
}

function readState(ctx: MdastToDocContext): MdastReadState {
  const state: MdastReadState = {
    source: ctx.source,
    definitions: ctx.definitions,
    images: ctx.images,
    warn: (message) => ctx.warn(message),
    blocks: (nodes) => blocks(nodes, state),
    phrasing: (nodes, marks) => phrasing(nodes, marks, state),
    sourceOf: (node) => sourceOf(node, ctx.source),
    parse: markdownToMdast,
    plain,
  };
  return state;
}

export function mdastToBlocks(nodes: RootContent[], ctx: MdastToDocContext): RichTextNode[] {
  return blocks(nodes, readState(ctx));
}

function blocks(nodes: RootContent[], state: MdastReadState): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const read = readBlock(node, state, { nodes, index });
    if (Array.isArray(read)) out.push(...read);
    else if (read) {
      out.push(...read.blocks);
      index += read.took;
    } else if (node.type === 'html') out.push(rawHtml(node.value, state));
    else if (node.type !== 'definition') {
      state.warn(`Markdown "${node.type}" has no place in a case study; its text was kept.`);
      out.push(paragraph(textRun(plain(node), [])));
    }
  }
  return out;
}

function readBlock(node: RootContent, state: MdastReadState, siblings: MdastSiblings): MdastRead | null {
  for (const reader of blockReaders.get(node.type) ?? []) {
    const read = reader.read(node, state, siblings);
    if (read) return read;
  }
  return null;
}

const paragraph = (content: RichTextNode[] = []): RichTextNode =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };

/** Raw HTML in a hand-written file is kept as visible text, line by line. */
function rawHtml(value: string, state: MdastReadState): RichTextNode {
  state.warn('Raw HTML was kept as visible text.');
  const content: RichTextNode[] = [];
  value.split('\n').forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    if (line !== '') content.push({ type: 'text', text: line });
  });
  return paragraph(content);
}

function phrasing(nodes: PhrasingContent[], marks: Mark[], state: MdastReadState): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const reader = phrasingReaders.get(node.type);
    if (reader) out.push(...reader.read(node, marks, state));
    else if (node.type === 'text') out.push(...textRun(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), marks));
    else if (node.type === 'html') {
      const tag = node.value.trim().toLowerCase();
      if (/^<br\s*\/?>$/.test(tag)) {
        out.push({ type: 'hardBreak' });
        continue;
      }
      // Underline is written as `<u>…</u>` (Markdown has none); the tags arrive as siblings.
      if (tag === '<u>') {
        const close = matchingClose(nodes, i);
        if (close > i) {
          // Nested <u> pairs underline once: a mark twice is a document the editor refuses.
          const underlined = marks.some((mark) => mark.type === 'underline')
            ? marks
            : [...marks, { type: 'underline' }];
          out.push(...phrasing(nodes.slice(i + 1, close), underlined, state));
          i = close;
          continue;
        }
      }
      out.push(...textRun(node.value, marks));
    } else out.push(...textRun(plain(node), marks));
  }
  return out;
}

function matchingClose(nodes: PhrasingContent[], open: number): number {
  let depth = 0;
  for (let j = open; j < nodes.length; j++) {
    const n = nodes[j]!;
    if (n.type !== 'html') continue;
    const tag = n.value.trim().toLowerCase();
    if (tag === '<u>') depth++;
    else if (tag === '</u>' && --depth === 0) return j;
  }
  return -1;
}

function sourceOf(node: Nodes, source: string): string | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : source.slice(start, end);
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}
