// The Keyboard shortcuts list is derived from both key tables, and shortcut names say what
// the keys are: the list cannot leave a bound key out, and "Heading N" is Mod-Alt-N.
import { describe, expect, it } from 'vitest';
import { appKeyLabels, appKeys } from '../../src/core/pure/app-keys';
import { editorCommands } from '../../src/renderer/src/editor/editor-commands';
import { editorShortcuts, windowShortcuts } from '../../src/renderer/src/editor/shortcut-list';
import { windowTitle } from '../../src/renderer/src/app/use-document-title';

describe('keyboard shortcuts list', () => {
  it('lists every app key and every editor command key, each with its name', () => {
    const listed = new Map([...editorShortcuts, ...windowShortcuts].map((s) => [s.label, s.shortcut]));
    for (const [command, key] of Object.entries(appKeys)) {
      expect(listed.get(appKeyLabels[command as keyof typeof appKeys])).toBe(key);
    }
    for (const command of editorCommands)
      if (command.shortcut) expect(listed.get(command.label)).toBe(command.shortcut);
    expect(listed.get('Quick open')).toBe('Mod-p');
    expect(listed.get('Save now')).toBe('Mod-s');
  });

  it('binds each "Heading N" command to Mod-Alt-N', () => {
    const headings = editorCommands.filter((c) => /^Heading \d$/.test(c.label));
    expect(headings.length).toBeGreaterThan(0);
    for (const command of headings) expect(command.shortcut).toBe(`Mod-Alt-${command.label.slice(-1)}`);
  });

  it('names the open study in the window title', () => {
    const workspace = { name: 'notes', count: '3 studies' };
    expect(windowTitle({ study: 'Kafka migration', workspace, unsaved: false })).toBe('Kafka migration — Casebook');
    expect(windowTitle({ study: '  ', workspace, unsaved: true })).toBe('• Untitled — Casebook');
    expect(windowTitle({ study: null, workspace, unsaved: false })).toBe('Casebook — notes (3 studies)');
    expect(windowTitle({ study: null, workspace: null, unsaved: false })).toBe('Casebook');
  });
});
