// The one table of editor commands. The toolbar, the bubble menu, the "/" slash menu, the
// section editors' keyboard shortcuts and the Keyboard shortcuts list all render from it. A
// block's or mark's commands are its entry in `blockCommands` / `markCommands`, typed by the
// names of the block registry (core/pure/rich-text/block-registry.ts), so a new block without
// a command does not compile. `label` is the accessible name of every control that shows the
// command. Keys the whole window answers (find, quick open…) are in window-commands.ts.
import type { Editor } from '@tiptap/core';
import { calloutKinds, calloutLabels, type CalloutKind } from '../../../core/pure/rich-text/blocks/callout';
import type { MarkName, NodeName } from '../../../core/pure/rich-text/node-names';
import { focusNextDecisionTitle } from './decision/decision-focus';
import { requestUi } from './ui-requests';

export interface EditorCommand {
  id: string;
  label: string;
  /** Extra words the slash menu matches ("ul", "todo", "alert"…). */
  keywords: readonly string[];
  /** ProseMirror key name (`Mod-b`), registered on every section editor. */
  shortcut?: string;
  run(editor: Editor): boolean;
  isActive?(editor: Editor): boolean;
  inToolbar: boolean;
  inSlashMenu: boolean;
  inBubble: boolean;
}

type Entry = Omit<EditorCommand, 'inToolbar' | 'inSlashMenu' | 'inBubble' | 'keywords'> &
  Partial<Pick<EditorCommand, 'inToolbar' | 'inSlashMenu' | 'inBubble' | 'keywords'>>;

function entry(e: Entry): EditorCommand {
  return { keywords: [], inToolbar: false, inSlashMenu: false, inBubble: false, ...e };
}

const heading = (level: 2 | 3 | 4, key: string): EditorCommand =>
  entry({
    id: `heading${level}`,
    label: `Heading ${level}`,
    keywords: ['title', 'subheading', `h${level}`],
    shortcut: key,
    run: (e) => e.chain().focus().toggleHeading({ level }).run(),
    isActive: (e) => e.isActive('heading', { level }),
    inToolbar: true,
    inSlashMenu: true,
  });

const callout = (kind: CalloutKind, inToolbar: boolean): EditorCommand =>
  entry({
    id: inToolbar ? 'callout' : `callout-${kind}`,
    label: inToolbar ? 'Callout' : `${calloutLabels[kind]} callout`,
    keywords: ['callout', 'alert', 'admonition', kind],
    run: (e) => e.chain().focus().toggleCallout(kind).run(),
    isActive: (e) => (inToolbar ? e.isActive('callout') : e.isActive('callout', { kind })),
    inToolbar,
    inSlashMenu: true,
  });

// Nodes an author never inserts on their own: the document, its text and line breaks (Shift-
// Enter), and the parts a list or table makes.
type Part =
  'doc' | 'text' | 'hardBreak' | 'listItem' | 'taskItem' | 'tableRow' | 'tableHeader' | 'tableCell' | 'timelineEntry';

/** The commands that insert or toggle each block, in toolbar and slash-menu order. */
export const blockCommands = {
  paragraph: [
    entry({
      id: 'paragraph',
      label: 'Text',
      keywords: ['paragraph', 'plain', 'body'],
      shortcut: 'Mod-Alt-0',
      run: (e) => e.chain().focus().setParagraph().run(),
      isActive: (e) => e.isActive('paragraph'),
      inSlashMenu: true,
    }),
  ],
  heading: [heading(2, 'Mod-Alt-2'), heading(3, 'Mod-Alt-3'), heading(4, 'Mod-Alt-4')],
  bulletList: [
    entry({
      id: 'bulletList',
      label: 'Bullet list',
      keywords: ['unordered', 'ul'],
      shortcut: 'Mod-Shift-8',
      run: (e) => e.chain().focus().toggleBulletList().run(),
      isActive: (e) => e.isActive('bulletList'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  orderedList: [
    entry({
      id: 'orderedList',
      label: 'Numbered list',
      keywords: ['ordered', 'ol'],
      shortcut: 'Mod-Shift-7',
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      isActive: (e) => e.isActive('orderedList'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  taskList: [
    entry({
      id: 'taskList',
      label: 'Task list',
      keywords: ['todo', 'checkbox', 'checklist'],
      shortcut: 'Mod-Shift-9',
      run: (e) => e.chain().focus().toggleTaskList().run(),
      isActive: (e) => e.isActive('taskList'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  blockquote: [
    entry({
      id: 'blockquote',
      label: 'Quote',
      keywords: ['blockquote', 'citation'],
      shortcut: 'Mod-Shift-b',
      run: (e) => e.chain().focus().toggleBlockquote().run(),
      isActive: (e) => e.isActive('blockquote'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  codeBlock: [
    entry({
      id: 'codeBlock',
      label: 'Code block',
      keywords: ['pre', 'snippet', 'source'],
      shortcut: 'Mod-Alt-c',
      run: (e) => e.chain().focus().toggleCodeBlock().run(),
      isActive: (e) => e.isActive('codeBlock'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  // One toolbar button for any callout; the slash menu offers each kind.
  callout: [callout('note', true), ...calloutKinds.map((kind) => callout(kind, false))],
  table: [
    entry({
      id: 'table',
      label: 'Table',
      keywords: ['grid', 'rows', 'columns'],
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      isActive: (e) => e.isActive('table'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  image: [
    entry({
      id: 'image',
      label: 'Image',
      keywords: ['picture', 'photo', 'screenshot', 'figure'],
      run: (e) => {
        requestUi({ kind: 'pick-image', editor: e });
        return true;
      },
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  timeline: [
    entry({
      id: 'timeline',
      label: 'Timeline',
      keywords: ['incident', 'postmortem', 'events', 'chronology'],
      run: (e) => e.chain().focus().insertTimeline().run(),
      isActive: (e) => e.isActive('timeline'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  horizontalRule: [
    entry({
      id: 'horizontalRule',
      label: 'Divider',
      keywords: ['horizontal rule', 'hr', 'separator', 'line'],
      run: (e) => e.chain().focus().setHorizontalRule().run(),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
  decisionRecord: [
    entry({
      id: 'decisionRecord',
      label: 'Decision record',
      keywords: ['adr', 'madr', 'decision', 'options', 'architecture'],
      run: (e) => {
        if (!e.can().insertDecisionRecord()) return false;
        focusNextDecisionTitle();
        return e.chain().focus().insertDecisionRecord().run();
      },
      isActive: (e) => e.isActive('decisionRecord'),
      inToolbar: true,
      inSlashMenu: true,
    }),
  ],
} satisfies Record<Exclude<NodeName, Part>, readonly EditorCommand[]>;

export const markCommands = {
  bold: entry({
    id: 'bold',
    label: 'Bold',
    keywords: ['strong'],
    shortcut: 'Mod-b',
    run: (e) => e.chain().focus().toggleBold().run(),
    isActive: (e) => e.isActive('bold'),
    inToolbar: true,
    inBubble: true,
  }),
  italic: entry({
    id: 'italic',
    label: 'Italic',
    keywords: ['emphasis'],
    shortcut: 'Mod-i',
    run: (e) => e.chain().focus().toggleItalic().run(),
    isActive: (e) => e.isActive('italic'),
    inToolbar: true,
    inBubble: true,
  }),
  underline: entry({
    id: 'underline',
    label: 'Underline',
    shortcut: 'Mod-u',
    run: (e) => e.chain().focus().toggleUnderline().run(),
    isActive: (e) => e.isActive('underline'),
    inToolbar: true,
    inBubble: true,
  }),
  strike: entry({
    id: 'strike',
    label: 'Strikethrough',
    keywords: ['strike', 'delete'],
    shortcut: 'Mod-Shift-s',
    run: (e) => e.chain().focus().toggleStrike().run(),
    isActive: (e) => e.isActive('strike'),
    inToolbar: true,
    inBubble: true,
  }),
  code: entry({
    id: 'code',
    label: 'Inline code',
    keywords: ['monospace'],
    shortcut: 'Mod-e',
    run: (e) => e.chain().focus().toggleCode().run(),
    isActive: (e) => e.isActive('code'),
    inToolbar: true,
    inBubble: true,
  }),
  link: entry({
    id: 'link',
    label: 'Link',
    keywords: ['url', 'href'],
    shortcut: 'Mod-k',
    run: (e) => {
      requestUi({ kind: 'edit-link', editor: e });
      return true;
    },
    isActive: (e) => e.isActive('link'),
    inToolbar: true,
    inBubble: true,
  }),
} satisfies Record<MarkName, EditorCommand>;

const history: EditorCommand[] = [
  entry({
    id: 'undo',
    label: 'Undo',
    shortcut: 'Mod-z',
    run: (e) => e.chain().focus().undo().run(),
    inToolbar: true,
  }),
  entry({
    id: 'redo',
    label: 'Redo',
    shortcut: 'Mod-Shift-z',
    run: (e) => e.chain().focus().redo().run(),
    inToolbar: true,
  }),
];

// Text blocks, then marks, then the other blocks, then undo and redo.
const { paragraph, heading: headings, ...otherBlocks } = blockCommands;
export const editorCommands: readonly EditorCommand[] = [
  ...paragraph,
  ...headings,
  ...Object.values(markCommands),
  ...Object.values(otherBlocks).flat(),
  ...history,
];

/** Table editing, shown in the toolbar while the cursor is in a table. */
export const tableCommands: readonly EditorCommand[] = [
  ['addRowAfter', 'Add row', (e: Editor) => e.chain().focus().addRowAfter().run()],
  ['deleteRow', 'Delete row', (e: Editor) => e.chain().focus().deleteRow().run()],
  ['addColumnAfter', 'Add column', (e: Editor) => e.chain().focus().addColumnAfter().run()],
  ['deleteColumn', 'Delete column', (e: Editor) => e.chain().focus().deleteColumn().run()],
  ['toggleHeaderRow', 'Header row', (e: Editor) => e.chain().focus().toggleHeaderRow().run()],
  ['deleteTable', 'Delete table', (e: Editor) => e.chain().focus().deleteTable().run()],
].map(([id, label, run]) => entry({ id: id as string, label: label as string, run: run as (e: Editor) => boolean }));

export const toolbarCommands = editorCommands.filter((c) => c.inToolbar);
export const bubbleCommands = editorCommands.filter((c) => c.inBubble);
export const slashCommands = editorCommands.filter((c) => c.inSlashMenu);
