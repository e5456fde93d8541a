// How a ProseMirror key name ("Mod-Shift-8") is shown to a person ("Ctrl+Shift+8" or "⌘⇧8"),
// and whether a keyboard event is that key (for shortcuts handled outside the editors).
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const macNames: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' };
const otherNames: Record<string, string> = { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Ctrl: 'Ctrl' };

export function shortcutLabel(key: string): string {
  const parts = key.split('-').map((part, i, all) => {
    if (i === all.length - 1) return part.length === 1 ? part.toUpperCase() : part;
    return (isMac ? macNames : otherNames)[part] ?? part;
  });
  return parts.join(isMac ? '' : '+');
}

/** The key's name; with Alt held, the letter key itself (macOS types "π" for Option-P). */
function keyName(event: KeyboardEvent): string {
  if (event.altKey && /^Key[A-Z]$/.test(event.code)) return event.code.slice(3).toLowerCase();
  return event.key.toLowerCase();
}

/** True when `event` is `key` (e.g. "Mod-f"): the modifiers must match exactly. */
export function matchesShortcut(event: KeyboardEvent, key: string): boolean {
  const parts = key.split('-');
  const name = parts.pop()!.toLowerCase();
  const mod = parts.includes('Mod');
  const wantMeta = mod && isMac;
  const wantCtrl = (mod && !isMac) || parts.includes('Ctrl');
  return (
    keyName(event) === name &&
    event.metaKey === wantMeta &&
    event.ctrlKey === wantCtrl &&
    event.altKey === parts.includes('Alt') &&
    event.shiftKey === parts.includes('Shift')
  );
}
