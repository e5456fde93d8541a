// The keys Casebook binds outside the section editors, declared once: the desktop menu's
// commands (main/menu.ts makes their accelerators from here) and the keys the whole window
// answers (renderer/.../window-commands.ts). The section editors' keys are in the editor
// command table (editor-commands.ts); a test checks that no key is bound twice across both.
// Keys are ProseMirror-style names: `Mod` is Cmd on macOS and Ctrl elsewhere.
export const appKeys = {
  newStudy: 'Mod-n',
  openWorkspace: 'Mod-o',
  // Not Mod-e: that is Inline code in the section editors.
  exportWorkspace: 'Mod-Shift-e',
  find: 'Mod-f',
  replace: 'Mod-h',
  shortcuts: 'Mod-/',
  // Mod-P anywhere in the window: the browser's Print is not what an author wants here.
  quickOpen: 'Mod-p',
  // The open study's Properties panel (status, outcome, date, categories…).
  properties: 'Mod-Alt-p',
  // Only the title and the sections on screen; Esc or the same key leaves.
  focusMode: 'Mod-Shift-f',
  // The browser's Save Page is never what an author means: save the pending edits now.
  saveNow: 'Mod-s',
} as const;

export type AppCommand = keyof typeof appKeys;

/** What each key does, as the Keyboard shortcuts list (and the window command) names it. */
export const appKeyLabels = {
  newStudy: 'New case study',
  openWorkspace: 'Open workspace',
  exportWorkspace: 'Export the workspace',
  find: 'Find',
  replace: 'Find and replace',
  shortcuts: 'Keyboard shortcuts',
  quickOpen: 'Quick open',
  properties: 'Properties',
  focusMode: 'Focus mode',
  saveNow: 'Save now',
} as const satisfies Record<AppCommand, string>;

/** Keys only the desktop app's menu answers (a browser keeps Ctrl+N and Ctrl+O for itself). */
export const desktopMenuOnly: ReadonlySet<AppCommand> = new Set(['newStudy', 'openWorkspace', 'exportWorkspace']);

const acceleratorNames = new Map([
  ['Mod', 'CmdOrCtrl'],
  ['Alt', 'Alt'],
  ['Shift', 'Shift'],
  ['Ctrl', 'Ctrl'],
]);

/** The Electron accelerator of a key name: `Mod-Shift-e` → `CmdOrCtrl+Shift+E`. */
export function menuAccelerator(key: string): string {
  const parts = key.split('-');
  const name = parts.pop()!;
  const modifiers = parts.map((part) => {
    const known = acceleratorNames.get(part);
    if (!known) throw new Error(`Unknown modifier "${part}" in the key "${key}".`);
    return known;
  });
  return [...modifiers, name.length === 1 ? name.toUpperCase() : name].join('+');
}
