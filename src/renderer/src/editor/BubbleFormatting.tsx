// The small formatting bar over a text selection: the table's bubble commands (Bold, Italic,
// Link…). Shown only for a non-empty text selection — never over a selected image or block
// (a NodeSelection) — placed by floating-ui above the selection, or below it where the sticky
// formatting toolbar would be under it.
import type { Editor } from '@tiptap/core';
import { isTextSelection } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import { bubbleCommands } from './editor-commands';
import { ariaKeyShortcut, CommandIcon, commandTip } from './command-tip';
import { toolbarClearance } from './floating';

const shouldShow = ({ editor, element }: { editor: Editor; element: HTMLElement }): boolean => {
  const { selection } = editor.state;
  const focused = editor.view.hasFocus() || element.contains(document.activeElement);
  return (
    focused &&
    editor.isEditable &&
    isTextSelection(selection) &&
    !selection.empty &&
    editor.state.doc.textBetween(selection.from, selection.to).trim().length > 0
  );
};

const options = {
  placement: 'top' as const,
  offset: 8,
  flip: () => ({ padding: { top: toolbarClearance() } }),
  shift: { padding: 8 },
};

export function BubbleFormatting({ editor, section }: { editor: Editor; section: string }) {
  return (
    <BubbleMenu editor={editor} className="bubble-menu" updateDelay={100} shouldShow={shouldShow} options={options}>
      <div role="toolbar" aria-label={`${section} selection formatting`} className="bubble-toolbar">
        {bubbleCommands.map((command) => (
          <button
            key={command.id}
            type="button"
            className="tool-button"
            aria-label={command.label}
            aria-keyshortcuts={ariaKeyShortcut(command.shortcut)}
            data-tip={commandTip(command)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => command.run(editor)}
          >
            <CommandIcon command={command} />
          </button>
        ))}
      </div>
    </BubbleMenu>
  );
}
