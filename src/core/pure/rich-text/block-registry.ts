// Every node and mark the rich text can hold, each with its module (block-module.ts), in tables
// typed by the name unions of node-names.ts: a name without a module, or a module without a
// name, does not compile, and tests/core/rich-text/block-registry.test.ts walks every entry.
//
// Adding a block: its name in node-names.ts; its module in blocks/ (site HTML, Markdown both
// ways, normal form, probe sample) with its entry here; its TipTap extension (for a node of
// our own, a `<name>-node.ts` beside the module) with its entry in block-schema.ts; its editor
// command in renderer/editor/editor-commands.ts and, if it needs one, its editor view.
import type { BlockModule, MarkModule } from './block-module';
import type { MarkName, NodeName } from './node-names';
import { blockquote } from './blocks/blockquote';
import { callout } from './blocks/callout';
import { codeBlock } from './blocks/code-block';
import { decisionRecord } from './blocks/decision-record';
import { doc, hardBreak, text } from './blocks/document';
import { heading } from './blocks/heading';
import { horizontalRule } from './blocks/horizontal-rule';
import { image } from './blocks/image';
import { bulletList, listItem, orderedList } from './blocks/lists';
import { paragraph } from './blocks/paragraph';
import { table, tableCell, tableHeader, tableRow } from './blocks/table';
import { taskItem, taskList } from './blocks/task-list';
import { timeline, timelineEntry } from './blocks/timeline';
import { bold, code, italic, strike, underline } from './marks/basic-marks';
import { link } from './marks/link';

export const blockModules = {
  doc,
  text,
  hardBreak,
  paragraph,
  heading,
  blockquote,
  bulletList,
  orderedList,
  listItem,
  codeBlock,
  horizontalRule,
  table,
  tableCell,
  tableHeader,
  tableRow,
  image,
  taskList,
  taskItem,
  callout,
  timeline,
  timelineEntry,
  decisionRecord,
} satisfies Record<NodeName, BlockModule>;

export const markModules = {
  link,
  bold,
  italic,
  strike,
  underline,
  code,
} satisfies Record<MarkName, MarkModule>;

// Types in a document are its own (hostile) strings, so they are looked up in Maps: a type
// named `constructor` or `__proto__` finds no module rather than an Object member.
const blocks = new Map<string, BlockModule>(Object.entries(blockModules));
const marks = new Map<string, MarkModule>(Object.entries(markModules));

export const blockModule = (type: string): BlockModule | undefined => blocks.get(type);
export const markModule = (type: string): MarkModule | undefined => marks.get(type);
