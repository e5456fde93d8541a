// What one node or mark type brings with it, wherever Casebook uses rich text: its site HTML,
// its Markdown (mdast) form both ways, its normal form after a Markdown round trip, and its
// sample in the render-cache probe. One module per block (rich-text/blocks/, rich-text/marks/),
// collected in block-registry.ts. Its place in the editor schema (a TipTap extension) is in
// block-schema.ts: TipTap and ProseMirror take hundreds of milliseconds to load, which the
// site renderer and the Markdown export (and their workers) need not pay.
//
// The serializers own the walk and hand each module a small state with what it may call back
// (render the children, convert nested blocks, warn), so modules never import the serializers.
import type { Definition, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { RichTextNode } from '../schemas/rich-text';
import type { ImageSize } from '../image-size';

export type Mark = NonNullable<RichTextNode['marks']>[number];

// ---- Site HTML (rich-text/html.ts) ----

export interface HtmlRenderOptions {
  /** Added to the editor's heading level: the site renders editor H2 as h3 under section h2s. */
  headingOffset?: number;
  /** Where an image's stored `src` should point in the output, or null to leave the image out. */
  resolveImage?(src: string): string | null;
  /** The pixel size of the image at a resolved URL, when known: the page reserves its place. */
  imageSize?(url: string): ImageSize | null;
  /** Highlighted, already-escaped HTML for a code block, or null for plain escaped text. */
  highlight?(code: string, language: string): string | null;
}

export interface HtmlState {
  options: HtmlRenderOptions;
  /** The HTML of the node's own children. */
  inner(): string;
  /** The HTML of another node's children (a table renders its cells itself). */
  childrenOf(node: RichTextNode): string;
}

// ---- Markdown export: TipTap JSON → mdast (markdown/doc-to-mdast.ts) ----

export interface MdastWriteState {
  /** Maps an image's stored src to the src written in Markdown; null drops the image. */
  imageSrc(src: string): string | null;
  warn(message: string): void;
  blocks(nodes: RichTextNode[]): RootContent[];
  /** `flow`: a paragraph (a break is `\` + newline); `line`: a heading or cell (a break is `<br>`). */
  inline(node: RichTextNode, where: 'flow' | 'line'): PhrasingContent[];
  /** The node's text, for a block that has no Markdown form where it stands. */
  textOf(node: RichTextNode): string;
}

// ---- Markdown import: mdast → TipTap JSON (markdown/mdast-to-doc.ts) ----

export interface MdastReadState {
  /** The whole file's text, to re-read pipe rows that the parser took for a paragraph. */
  source: string;
  definitions: Map<string, Definition>;
  /** Relative image paths met, in order (import copies them into the workspace). */
  images: string[];
  warn(message: string): void;
  blocks(nodes: RootContent[]): RichTextNode[];
  phrasing(nodes: PhrasingContent[], marks: Mark[]): RichTextNode[];
  /** The source text of a parsed node, or null when it has no position. */
  sourceOf(node: Nodes): string | null;
  /** The text a node holds, markup left out. */
  plain(node: Nodes): string;
  /** Parses Markdown text (the same dialect as the file). */
  parse(markdown: string): Root;
}

type MdastNodeOf<T extends Nodes['type']> = Extract<Nodes, { type: T }>;

/** The container's blocks and where the one being read stands among them. */
export interface MdastSiblings {
  nodes: readonly RootContent[];
  index: number;
}

/**
 * What a reader made of a block: editor blocks, or, for a block written as several Markdown
 * blocks (a record under its heading, up to the next heading), also how many of the siblings
 * after it were taken with it.
 */
export type MdastRead = RichTextNode[] | { blocks: RichTextNode[]; took: number };

/** Reads one kind of mdast block; null means "not mine" and the next reader is asked. */
export interface MdastBlockReader {
  mdast: Nodes['type'];
  /** Asked after every reader that may decline (a plain quote after a GFM alert). */
  fallback?: boolean;
  read(node: Nodes, state: MdastReadState, siblings: MdastSiblings): MdastRead | null;
}

export function blockReader<T extends Nodes['type']>(
  mdast: T,
  read: (node: MdastNodeOf<T>, state: MdastReadState, siblings: MdastSiblings) => MdastRead | null,
  fallback = false,
): MdastBlockReader {
  return { mdast, fallback, read: read as MdastBlockReader['read'] };
}

/** Reads one kind of mdast phrasing node inside the marks already open around it. */
export interface MdastPhrasingReader {
  mdast: Nodes['type'];
  read(node: Nodes, marks: Mark[], state: MdastReadState): RichTextNode[];
}

export function phrasingReader<T extends PhrasingContent['type']>(
  mdast: T,
  read: (node: MdastNodeOf<T>, marks: Mark[], state: MdastReadState) => RichTextNode[],
): MdastPhrasingReader {
  return { mdast, read: read as MdastPhrasingReader['read'] };
}

// ---- Normal form after a Markdown round trip (markdown/rich-text-normal-form.ts) ----

export interface NormalForm {
  /** The attributes Markdown carries (the rest reset to their defaults). */
  attrs?(attrs: Record<string, unknown>): Record<string, unknown>;
  /** The node's children after they were normalized and empty paragraphs removed. */
  content?(content: RichTextNode[]): RichTextNode[];
  /** Replaces the whole rule for this node (children included). */
  node?(node: RichTextNode, normalize: (child: RichTextNode) => RichTextNode): RichTextNode;
}

export interface BlockModule {
  /** The site's HTML; without one a node renders as its children, so no text is lost. */
  html?(node: RichTextNode, state: HtmlState): string;
  /** Markdown blocks; without one the node is written by its parent (a list item by its list). */
  toMdast?(node: RichTextNode, state: MdastWriteState): RootContent[];
  /** Markdown inside a paragraph, heading or cell (a hard break, an image). */
  toPhrasing?(node: RichTextNode, state: MdastWriteState, where: 'flow' | 'line'): PhrasingContent | null;
  fromMdast?: readonly MdastBlockReader[];
  fromPhrasing?: readonly MdastPhrasingReader[];
  normalForm?: NormalForm;
  /**
   * Blocks for the render-cache probe (site-study-body.ts), a document whose HTML changes
   * whenever the renderer's would. Together they hold every node and mark (a test checks).
   */
  probe?: readonly RichTextNode[];
}

export interface MarkModule {
  /** The site's open and close tags around the text, or null to drop the mark (an unsafe link). */
  html(mark: Mark): [open: string, close: string] | null;
  /**
   * The mdast node wrapping `children`; null when the mark is not a wrapper (inline code is
   * the text itself) or cannot be written (the caller warns and keeps the text).
   */
  toMdast(mark: Mark, children: PhrasingContent[]): PhrasingContent | null;
  /** Why this mark cannot be written to Markdown (its text is then kept without it), or null. */
  markdownProblem?(mark: Mark): string | null;
  fromPhrasing?: readonly MdastPhrasingReader[];
  normalForm?(attrs: Record<string, unknown> | undefined): Record<string, unknown> | undefined;
  /** Text nodes carrying the mark, for the render-cache probe. */
  probe: readonly RichTextNode[];
}
