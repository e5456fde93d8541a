// Help → Keyboard shortcuts: every shortcut in the command table, in one modal list. Opened by
// the "Keyboard shortcuts" button, Mod-/, "?" outside a text field, or (in Electron) the Help
// menu through requestUi.
import { useEffect, useRef } from 'react';
import { editorCommands } from './editor-commands';
import { matchesShortcut, shortcutLabel } from './shortcut-keys';
import { onUiRequest, requestUi } from './ui-requests';

/** "?" opens the list only where it would not be typed into a field or a section. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

const listed = editorCommands.filter((c) => c.shortcut ?? c.globalShortcut);

export function KeyboardShortcutsButton() {
  return (
    <button type="button" className="link-button" onClick={() => requestUi({ kind: 'show-shortcuts' })}>
      Keyboard shortcuts
    </button>
  );
}

export function KeyboardShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const open = () => {
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    const onKey = (event: KeyboardEvent) => {
      if (matchesShortcut(event, 'Mod-/') || (event.key === '?' && !isTyping(event.target))) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey, true);
    const off = onUiRequest((request) => {
      if (request.kind === 'show-shortcuts') open();
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      off();
    };
  }, []);

  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((command) => (
            <tr key={command.id}>
              <th scope="row">{command.label}</th>
              <td>
                <kbd>{shortcutLabel((command.shortcut ?? command.globalShortcut)!)}</kbd>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Insert a block by name</th>
            <td>
              <kbd>/</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
