// The formatting toolbar above the four sections, rendered from the command table: one quiet
// row of icons (names and shortcuts in tooltips), the rarer blocks in its "More" menu. It acts
// on the section the author last worked in; its own state (which marks are on, what the cursor
// is in) comes from a useEditorState selector, so only the toolbar re-renders as they type.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Ellipsis, Type } from 'lucide-react';
import { toolbarCommands, toolbarMoreCommands, toolbarRowCommands } from './editor-commands';
import { ariaKeyShortcut, CommandIcon, commandTip } from './command-tip';
import { MenuButton } from './MenuButton';
import { shortcutLabel } from './shortcut-keys';
import { useWritingFont } from './writing-font';
import '../styles/editor-chrome.css';
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
  // As many of the row's commands as fit in one line; the rest join the "More" menu.
  const row = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(toolbarRowCommands.length);
  useLayoutEffect(() => {
    const element = row.current;
    if (!element) return;
    const measure = () => {
      const step = (element.querySelector('button')?.offsetWidth ?? 32) + 2;
      const slots = Math.floor(element.clientWidth / step) - 2; // "More" and the font toggle
      setFit(Math.max(0, Math.min(toolbarRowCommands.length, slots)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);
  const inRow = toolbarRowCommands.slice(0, fit);
  const inMore = [...toolbarRowCommands.slice(fit), ...toolbarMoreCommands];
  // The row's buttons, then "More": one Tab stop, arrows between them.
  const focus = useToolbarFocus(inRow.length + 1);
  const [font, setFont] = useWritingFont();

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
      <div className="editor-toolbar-row" ref={row}>
        <div role="toolbar" aria-label="Formatting" className="editor-toolbar" onKeyDown={focus.onKeyDown}>
          {inRow.map((command, index) => (
            <button
              key={command.id}
              type="button"
              data-tool=""
              tabIndex={focus.tabIndexOf(index)}
              onFocus={() => focus.setCurrent(index)}
              className="tool-button"
              aria-label={command.label}
              aria-keyshortcuts={ariaKeyShortcut(command.shortcut)}
              aria-pressed={command.isActive ? (state?.active[command.id] ?? false) : undefined}
              data-tip={commandTip(command)}
              disabled={disabled}
              // Keep the editor's selection: the button acts on it, focus stays in the text.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setProblem(null);
                if (editor) command.run(editor);
              }}
            >
              <CommandIcon command={command} />
            </button>
          ))}
          <span data-tool-wrap="">
            <MenuButton
              label="More"
              title="More blocks and formatting"
              className="tool-button"
              tabIndex={focus.tabIndexOf(inRow.length)}
              onFocus={() => focus.setCurrent(inRow.length)}
              disabled={disabled}
              actions={inMore.map((command) => ({
                id: command.id,
                label: command.label,
                hint: command.shortcut ? shortcutLabel(command.shortcut) : undefined,
                icon: <CommandIcon command={command} />,
                run: () => {
                  setProblem(null);
                  if (!editor) return;
                  // Back in the text first, as if the button had kept it there: TipTap would
                  // otherwise focus it a frame later, after a block had focused a field of its own.
                  editor.view.focus();
                  command.run(editor);
                },
              }))}
            >
              <Ellipsis aria-hidden="true" size={18} />
            </MenuButton>
          </span>
        </div>
        <button
          type="button"
          className="tool-button writing-font-toggle"
          aria-label="Serif body text"
          aria-pressed={font === 'serif'}
          data-tip="Serif body text (on this computer)"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setFont(font === 'serif' ? 'sans' : 'serif')}
        >
          <Type aria-hidden="true" size={18} />
        </button>
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
