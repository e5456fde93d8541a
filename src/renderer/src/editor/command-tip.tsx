// A command's icon and the tooltip text its buttons show (its name and shortcut), and the
// shortcut in aria-keyshortcuts' own spelling, for assistive technology.
import type { EditorCommand } from './editor-commands';
import { commandIcons } from './command-icons';
import { shortcutLabel } from './shortcut-keys';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function CommandIcon({ command }: { command: EditorCommand }) {
  const Icon = commandIcons[command.id];
  return Icon ? <Icon aria-hidden="true" size={18} strokeWidth={2} /> : <span>{command.label}</span>;
}

export function commandTip(command: EditorCommand): string {
  return command.shortcut ? `${command.label} (${shortcutLabel(command.shortcut)})` : command.label;
}

/** `Mod-Alt-3` → `Control+Alt+3` (`Meta+Alt+3` on macOS). */
export function ariaKeyShortcut(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const names: Record<string, string> = {
    Mod: isMac ? 'Meta' : 'Control',
    Alt: 'Alt',
    Shift: 'Shift',
    Ctrl: 'Control',
  };
  return key
    .split('-')
    .map((part, i, all) =>
      i === all.length - 1 ? (part.length === 1 ? part.toUpperCase() : part) : (names[part] ?? part),
    )
    .join('+');
}
