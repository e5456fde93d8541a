// Help → Keyboard shortcuts: every shortcut of the command tables (the section editors' and the
// window's app keys), in one modal list, derived from the entries that bind them
// (shortcut-list.ts). Opened by the "Keyboard shortcuts" button, its window keys
// (window-commands.ts), or (in Electron) the Help menu through requestUi.
import { useEffect, useRef, type ReactNode } from 'react';
import { shortcutLabel } from './shortcut-keys';
import { editorShortcuts, windowShortcuts, type ListedShortcut } from './shortcut-list';
import { onUiRequest, requestUi } from './ui-requests';
import '../styles/keyboard.css';

export function KeyboardShortcutsButton() {
  return (
    <button type="button" className="link-button" onClick={() => requestUi({ kind: 'show-shortcuts' })}>
      Keyboard shortcuts
    </button>
  );
}

function Rows({ shortcuts }: { shortcuts: readonly ListedShortcut[] }) {
  return shortcuts.map((command) => (
    <tr key={command.id}>
      <th scope="row">
        {command.label}
        {command.desktopOnly ? <span className="shortcut-note"> (desktop app)</span> : null}
      </th>
      <td>
        <kbd>{shortcutLabel(command.shortcut)}</kbd>
      </td>
    </tr>
  ));
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
      <ShortcutTable caption="In a section">
        <Rows shortcuts={editorShortcuts} />
        <tr>
          <th scope="row">Insert a block by name</th>
          <td>
            <kbd>/</kbd>
          </td>
        </tr>
      </ShortcutTable>
      <ShortcutTable caption="Anywhere in the window">
        <Rows shortcuts={windowShortcuts} />
      </ShortcutTable>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

function ShortcutTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <table className="shortcuts-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Keys</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
