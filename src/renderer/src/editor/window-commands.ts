// Commands the whole window answers, whatever has focus; their keys are declared with the
// desktop menu's in core/pure/app-keys.ts, so no two can clash. useWindowShortcuts binds them and the Keyboard shortcuts list shows them (with the section
// editors' shortcuts from editor-commands.ts). Each opens a piece of UI through requestUi; a
// key whose UI is not on screen (no study open) is left to the browser.
import { useEffect } from 'react';
import { appKeyLabels, appKeys } from '../../../core/pure/app-keys';
import { matchesShortcut } from './shortcut-keys';
import { requestUi, type UiRequest } from './ui-requests';

export interface WindowCommand {
  id: string;
  /** The accessible name of the row in the Keyboard shortcuts list. */
  label: string;
  /** ProseMirror-style key name (`Mod-f`). */
  shortcut: string;
  /** A key without modifiers that runs it too, where it would not be typed into a field or section. */
  plainKey?: string;
  request: Exclude<UiRequest, { editor: unknown } | { kind: 'problem' }>;
}

export const windowCommands: readonly WindowCommand[] = [
  { id: 'find', label: appKeyLabels.find, shortcut: appKeys.find, request: { kind: 'find', replace: false } },
  {
    id: 'replace',
    label: appKeyLabels.replace,
    shortcut: appKeys.replace,
    request: { kind: 'find', replace: true },
  },
  {
    id: 'shortcuts',
    label: appKeyLabels.shortcuts,
    shortcut: appKeys.shortcuts,
    plainKey: '?',
    request: { kind: 'show-shortcuts' },
  },
  { id: 'quick-open', label: appKeyLabels.quickOpen, shortcut: appKeys.quickOpen, request: { kind: 'quick-open' } },
  {
    id: 'properties',
    label: appKeyLabels.properties,
    shortcut: appKeys.properties,
    request: { kind: 'toggle-properties' },
  },
  {
    id: 'focus-mode',
    label: appKeyLabels.focusMode,
    shortcut: appKeys.focusMode,
    request: { kind: 'toggle-focus-mode' },
  },
  { id: 'save-now', label: appKeyLabels.saveNow, shortcut: appKeys.saveNow, request: { kind: 'save-now' } },
];

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** The window command `event` runs, if any. */
export function windowCommandFor(event: KeyboardEvent): WindowCommand | undefined {
  return windowCommands.find(
    (command) =>
      matchesShortcut(event, command.shortcut) ||
      (command.plainKey !== undefined && event.key === command.plainKey && !isTyping(event.target)),
  );
}

/** Binds every window command's keys, once, for as long as the App is mounted. */
export function useWindowShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = windowCommandFor(event);
      // Capture phase: before a section editor or a field sees the key.
      if (command && requestUi(command.request)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
