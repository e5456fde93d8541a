// Every shortcut the Keyboard shortcuts list shows, derived from the two tables that bind
// them (the section editors' commands and the window's app keys), so none can be left out.
import { appKeyLabels, appKeys, desktopMenuOnly, type AppCommand } from '../../../core/pure/app-keys';
import { editorCommands } from './editor-commands';

export interface ListedShortcut {
  id: string;
  label: string;
  /** ProseMirror-style key name. */
  shortcut: string;
  /** Answered by the desktop app's menu only (a browser keeps the key for itself). */
  desktopOnly: boolean;
}

const appCommands = Object.keys(appKeys) as AppCommand[];

/** In a section editor: the editor command table's shortcuts, in its order. */
export const editorShortcuts: readonly ListedShortcut[] = editorCommands.flatMap(({ id, label, shortcut }) =>
  shortcut ? [{ id, label, shortcut, desktopOnly: false }] : [],
);

/** Anywhere in the window: every app key. */
export const windowShortcuts: readonly ListedShortcut[] = appCommands.map((id) => ({
  id,
  label: appKeyLabels[id],
  shortcut: appKeys[id],
  desktopOnly: desktopMenuOnly.has(id),
}));
