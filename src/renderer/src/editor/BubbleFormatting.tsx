// The small formatting bar over a text selection: the table's bubble commands (Bold, Italic,
// Link…). Shown by TipTap's bubble-menu plugin only while there is a non-empty text selection.
import type { Editor } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import { bubbleCommands } from './editor-commands';
import { shortcutLabel } from './shortcut-keys';
import { commandIcons } from './command-icons';

export function BubbleFormatting({ editor, section }: { editor: Editor; section: string }) {
  return (
    <BubbleMenu editor={editor} className="bubble-menu" updateDelay={100}>
      <div role="toolbar" aria-label={`${section} selection formatting`} className="bubble-toolbar">
        {bubbleCommands.map((command) => (
          <button
            key={command.id}
            type="button"
            className="tool-button"
            aria-label={command.label}
            title={command.shortcut ? `${command.label} (${shortcutLabel(command.shortcut)})` : command.label}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => command.run(editor)}
          >
            {commandIcons[command.id] ?? command.label}
          </button>
        ))}
      </div>
    </BubbleMenu>
  );
}
