// Help → Keyboard shortcuts: every shortcut of the command tables (the section editors' and the
// window's), in one modal list, from the same entries that bind them. Opened by the "Keyboard
// shortcuts" button, its window keys (window-commands.ts), or (in Electron) the Help menu
// through requestUi.
import { useEffect, useRef } from 'react';
import { editorCommands } from './editor-commands';
import { shortcutLabel } from './shortcut-keys';
import { onUiRequest, requestUi } from './ui-requests';
import { windowCommands } from './window-commands';

const listed = [
  ...editorCommands.flatMap(({ id, label, shortcut }) => (shortcut ? [{ id, label, shortcut }] : [])),
  ...windowCommands,
];

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
    return onUiRequest('show-shortcuts', () => {
      if (!dialog.current?.open) dialog.current?.showModal();
    });
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
                <kbd>{shortcutLabel(command.shortcut)}</kbd>
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
