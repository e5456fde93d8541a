// How each node and mark enters the editor schema: its TipTap extension, or a StarterKit part
// with its options, in tables typed by the name unions like the block modules (block-registry.ts),
// so a block cannot have a schema without a module or the reverse. Kept apart from the modules
// because TipTap is slow to load and only the editor and the schema checks need it.
import type { AnyExtension } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import type { StarterKitOptions } from '@tiptap/starter-kit';
import { safeHref } from '../safe-url';
import { Callout } from './blocks/callout-node';
import { Timeline, TimelineEntry } from './blocks/timeline-node';
import { DecisionRecord } from './blocks/decision-record-node';
import type { MarkName, NodeName } from './node-names';

/** A node or mark StarterKit provides, enabled with these options (StarterKit keeps its order). */
export interface StarterKitPart<K extends keyof StarterKitOptions = keyof StarterKitOptions> {
  starterKit: K;
  options?: Exclude<StarterKitOptions[K], false>;
}

/** Its own TipTap extension, or a StarterKit part. */
export type SchemaSource = AnyExtension | StarterKitPart;

const kit = <K extends keyof StarterKitOptions>(
  starterKit: K,
  options?: Exclude<StarterKitOptions[K], false>,
): StarterKitPart => ({ starterKit, ...(options ? { options } : {}) }) as StarterKitPart;

// The extensions that are not StarterKit parts come in this order, after StarterKit's own:
// the order of nodes in the editor schema, which the stored files were written with.
export const blockSchema = {
  doc: kit('document'),
  text: kit('text'),
  hardBreak: kit('hardBreak'),
  paragraph: kit('paragraph'),
  heading: kit('heading', { levels: [2, 3, 4] }),
  blockquote: kit('blockquote'),
  bulletList: kit('bulletList'),
  orderedList: kit('orderedList'),
  listItem: kit('listItem'),
  codeBlock: kit('codeBlock'),
  horizontalRule: kit('horizontalRule'),
  table: Table.configure({ resizable: true }),
  tableCell: TableCell,
  tableHeader: TableHeader,
  tableRow: TableRow,
  image: Image.configure({ inline: false, allowBase64: false }),
  taskList: TaskList,
  taskItem: TaskItem.configure({ nested: true }),
  callout: Callout,
  timeline: Timeline,
  timelineEntry: TimelineEntry,
  decisionRecord: DecisionRecord,
} satisfies Record<NodeName, SchemaSource>;

export const markSchema = {
  link: kit('link', {
    openOnClick: false,
    autolink: true,
    // TipTap checks the href it then stores and renders (a pasted <a>'s attribute as the
    // DOM holds it, entities decoded), so this is the same exact-string rule as the exports.
    isAllowedUri: (url) => safeHref(url) !== null,
  }),
  bold: kit('bold'),
  italic: kit('italic'),
  strike: kit('strike'),
  underline: kit('underline'),
  code: kit('code'),
} satisfies Record<MarkName, SchemaSource>;
