// The handle beside the block under the pointer (or holding the caret): drag it to move the
// block (ProseMirror's own drag and drop, the block as a node selection), click it for the
// block menu (move, duplicate, delete, turn into). The keyboard has the same actions as keys
// (block-commands.ts) and the slash menu, so the handle itself is no Tab stop.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { GripVertical } from 'lucide-react';
import { blockActions } from './block-commands';
import { selectBlockAt } from './block-moves';
import { blockCommands } from './editor-commands';
import { CommandIcon } from './command-tip';
import { useAnchoredPosition } from './floating';
import { MenuButton, type MenuAction } from './MenuButton';
import { shortcutLabel } from './shortcut-keys';

interface Hovered {
  start: number;
  dom: HTMLElement;
}

/** The top-level block at a document position, with its element. */
function blockAt(editor: Editor, pos: number): Hovered | null {
  const { doc } = editor.state;
  const $pos = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size));
  const index = $pos.index(0);
  if (index >= doc.childCount) return null;
  const start = $pos.posAtIndex(index, 0);
  const dom = editor.view.nodeDOM(start);
  return dom instanceof HTMLElement ? { start, dom } : null;
}

// The handle sits at the block's top-left, which typing in the block never moves: no need to
// re-place it each time the block grows (a keystroke's worth of work in a long study).
const TOP_LEFT_ONLY = { elementResize: false } as const;

const turnInto = [
  ...blockCommands.paragraph,
  ...blockCommands.heading,
  ...blockCommands.bulletList,
  ...blockCommands.orderedList,
  ...blockCommands.taskList,
  ...blockCommands.blockquote,
  ...blockCommands.codeBlock,
];

export function BlockHandle({ editor }: { editor: Editor }) {
  const [block, setBlock] = useState<Hovered | null>(null);
  const handle = useRef<HTMLDivElement>(null);
  const menuOpen = useRef(false);
  useAnchoredPosition(block?.dom ?? null, handle, 'left-start', TOP_LEFT_ONLY);

  useEffect(() => {
    const view = editor.view;
    const show = (next: Hovered | null) =>
      setBlock((now) => (now?.dom === next?.dom && now?.start === next?.start ? now : next));
    const onMove = (event: MouseEvent) => {
      const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
      if (at) show(blockAt(editor, at.inside >= 0 ? at.inside : at.pos));
    };
    // The caret's block, while the author types (the pointer may be anywhere).
    const onSelection = () => {
      if (view.hasFocus()) show(blockAt(editor, editor.state.selection.from));
    };
    const onLeave = (event: MouseEvent) => {
      if (menuOpen.current || handle.current?.contains(event.relatedTarget as Node)) return;
      if (!view.hasFocus()) show(null);
    };
    view.dom.addEventListener('mousemove', onMove);
    view.dom.addEventListener('mouseleave', onLeave);
    editor.on('selectionUpdate', onSelection);
    editor.on('focus', onSelection);
    return () => {
      view.dom.removeEventListener('mousemove', onMove);
      view.dom.removeEventListener('mouseleave', onLeave);
      editor.off('selectionUpdate', onSelection);
      editor.off('focus', onSelection);
    };
  }, [editor]);

  if (!block || !editor.isEditable || !block.dom.isConnected) return null;

  // Every action first puts the selection on this block, then runs as from the keyboard.
  const onThisBlock = (run: (e: Editor) => boolean) => () => {
    menuOpen.current = false;
    editor.view.focus(); // now, not a frame later (see EditorToolbar)
    editor.view.dispatch(selectBlockAt(editor.state, block.start));
    run(editor);
  };
  const actions: MenuAction[] = [
    ...blockActions.map((command) => ({
      id: command.id,
      label: command.label,
      hint: command.shortcut ? shortcutLabel(command.shortcut) : undefined,
      run: onThisBlock(command.run),
    })),
    ...turnInto.map((command) => ({
      id: `turn-${command.id}`,
      label: `Turn into ${command.label.toLowerCase().replace(/^heading/, 'Heading')}`,
      icon: <CommandIcon command={command} />,
      run: onThisBlock(command.run),
    })),
  ];

  const onDragStart = (event: DragEvent) => {
    const view = editor.view;
    const node = editor.state.doc.nodeAt(block.start);
    if (!node) return;
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, block.start)));
    const slice = view.state.selection.content();
    const { dom, text } = view.serializeForClipboard(slice);
    event.dataTransfer.clearData();
    event.dataTransfer.setData('text/html', dom.innerHTML);
    event.dataTransfer.setData('text/plain', text);
    event.dataTransfer.effectAllowed = 'copyMove';
    event.dataTransfer.setDragImage(block.dom, 0, 0);
    // ProseMirror's drop handler moves what view.dragging holds (deleting it where it was).
    view.dragging = { slice, move: true };
  };

  return (
    <div ref={handle} className="block-handle" draggable onDragStart={onDragStart}>
      <MenuButton
        label="Block actions"
        title="Drag to move, click for actions"
        className="tool-button block-handle-button"
        tabIndex={-1}
        actions={actions}
        onOpen={() => (menuOpen.current = true)}
        onDismiss={() => {
          menuOpen.current = false;
          editor.commands.focus();
        }}
      >
        <GripVertical aria-hidden="true" size={16} />
      </MenuButton>
    </div>
  );
}
