// The formatting toolbar above the four sections, rendered from the command table. It acts on
// the section the author last worked in; its own state (which marks are on, what the cursor is
// in) comes from a useEditorState selector, so only the toolbar re-renders as they type.
import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { toolbarCommands } from './editor-commands';
import { shortcutLabel } from './shortcut-keys';
import { commandIcons } from './command-icons';
import { ContextControls, readContext } from './ContextControls';
import { insertImageFiles } from './image-upload';
import { LinkPopover } from './LinkPopover';
import { useActiveEditor } from './section-registry';
import { useToolbarFocus } from './toolbar-focus';
import { onUiRequest } from './ui-requests';

function readActive(editor: Editor): Record<string, boolean> {
  const active: Record<string, boolean> = {};
  for (const command of toolbarCommands) if (command.isActive) active[command.id] = command.isActive(editor);
  return active;
}

export function EditorToolbar({ readOnly }: { readOnly: boolean }) {
  const editor = useActiveEditor();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? { active: readActive(e), context: readContext(e) } : null),
  });
  const [linkEditor, setLinkEditor] = useState<Editor | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const imageTarget = useRef<Editor | null>(null);
  const focus = useToolbarFocus(toolbarCommands.length);

  useEffect(() => {
    const offs = [
      onUiRequest('edit-link', (request) => setLinkEditor(request.editor)),
      onUiRequest('pick-image', (request) => {
        imageTarget.current = request.editor;
        fileInput.current?.click();
      }),
      onUiRequest('problem', (request) => setProblem(request.message)),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  const disabled = readOnly || !editor;
  return (
    <div className="editor-toolbar-wrap">
      <div role="toolbar" aria-label="Formatting" className="editor-toolbar" onKeyDown={focus.onKeyDown}>
        {toolbarCommands.map((command, index) => (
          <button
            key={command.id}
            type="button"
            tabIndex={focus.tabIndexOf(index)}
            onFocus={() => focus.setCurrent(index)}
            className="tool-button"
            aria-label={command.label}
            aria-pressed={command.isActive ? (state?.active[command.id] ?? false) : undefined}
            title={command.shortcut ? `${command.label} (${shortcutLabel(command.shortcut)})` : command.label}
            disabled={disabled}
            // Keep the editor's selection: the button acts on it, focus stays in the text.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setProblem(null);
              if (editor) command.run(editor);
            }}
          >
            {commandIcons[command.id] ?? command.label}
          </button>
        ))}
      </div>
      {editor && state && !readOnly ? <ContextControls editor={editor} context={state.context} /> : null}
      {linkEditor && !linkEditor.isDestroyed ? (
        <LinkPopover editor={linkEditor} onClose={() => setLinkEditor(null)} />
      ) : null}
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml"
        multiple
        hidden
        aria-label="Image file"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          const target = imageTarget.current;
          if (target && !target.isDestroyed && files.length > 0) void insertImageFiles(target, files);
        }}
      />
      {problem ? (
        <p className="editor-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
