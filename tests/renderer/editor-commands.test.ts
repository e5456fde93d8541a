// The command table is the single source for toolbar, slash menu and shortcuts: the names the
// issue asks for exist, shortcuts do not collide, and the slash menu finds blocks by name.
import { describe, expect, it } from 'vitest';
import { appKeys } from '../../src/core/pure/app-keys';
import {
  blockCommands,
  editorCommands,
  markCommands,
  slashCommands,
  toolbarCommands,
} from '../../src/renderer/src/editor/editor-commands';
import { matchSlashCommands } from '../../src/renderer/src/editor/slash-menu';
import { shortcutLabel } from '../../src/renderer/src/editor/shortcut-keys';
import { windowCommandFor, windowCommands } from '../../src/renderer/src/editor/window-commands';
import { calloutKind, calloutKinds, calloutLabels } from '../../src/core/pure/rich-text/blocks/callout';

describe('editor command table', () => {
  it('has the toolbar buttons authors look for, each name once', () => {
    const names = toolbarCommands.map((c) => c.label);
    for (const name of [
      'Bold',
      'Italic',
      'Link',
      'Bullet list',
      'Numbered list',
      'Quote',
      'Code block',
      'Table',
      'Image',
      'Callout',
      'Timeline',
    ])
      expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('binds each shortcut to one command only, including the standard ones', () => {
    const all = [...editorCommands, ...windowCommands];
    // The same key however it is written: modifiers in any order, the key in either case.
    const identity = (key: string) => {
      const parts = key.toLowerCase().split('-');
      const name = parts.pop()!;
      return [...parts.sort(), name].join('-');
    };
    // The window's keys and the desktop menu's (New, Open, Export…) are the app key table.
    for (const command of windowCommands) expect(Object.values(appKeys)).toContain(command.shortcut);
    const keys = [
      ...editorCommands.flatMap((c) => (c.shortcut ? [identity(c.shortcut)] : [])),
      ...Object.values(appKeys).map(identity),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    // Export was Mod-e in the menu, which is Inline code in a section.
    expect(identity(appKeys.exportWorkspace)).not.toBe(identity(markCommands.code.shortcut!));
    const byId = Object.fromEntries(all.map((c) => [c.id, c.shortcut]));
    expect(byId).toMatchObject({
      bold: 'Mod-b',
      italic: 'Mod-i',
      link: 'Mod-k',
      heading2: 'Mod-Alt-2',
      heading3: 'Mod-Alt-3',
      heading4: 'Mod-Alt-4',
      bulletList: 'Mod-Shift-8',
      orderedList: 'Mod-Shift-7',
      undo: 'Mod-z',
      redo: 'Mod-Shift-z',
      find: 'Mod-f',
      replace: 'Mod-h',
      shortcuts: 'Mod-/',
      'quick-open': 'Mod-p',
    });
    expect(shortcutLabel('Mod-Shift-8')).toBe('Ctrl+Shift+8'); // tests run outside macOS
  });

  it('runs a window command from its declared key only, with exactly its modifiers', () => {
    // Tests run outside macOS: Mod is Ctrl.
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
      ({
        key: k,
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        shiftKey: false,
        target: null,
        ...mods,
      }) as KeyboardEvent;
    expect(windowCommandFor(key('p', { ctrlKey: true }))?.request).toEqual({ kind: 'quick-open' });
    expect(windowCommandFor(key('P', { ctrlKey: true }))?.id).toBe('quick-open');
    expect(windowCommandFor(key('h', { ctrlKey: true }))?.request).toEqual({ kind: 'find', replace: true });
    expect(windowCommandFor(key('f', { ctrlKey: true }))?.request).toEqual({ kind: 'find', replace: false });
    expect(windowCommandFor(key('/', { ctrlKey: true }))?.request).toEqual({ kind: 'show-shortcuts' });
    expect(windowCommandFor(key('p', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(windowCommandFor(key('p', { metaKey: true }))).toBeUndefined();
    expect(windowCommandFor(key('p'))).toBeUndefined();
  });

  it('finds blocks in the slash menu by name or keyword, names first', () => {
    expect(matchSlashCommands('tab').map((c) => c.label)).toEqual(['Table']);
    expect(matchSlashCommands('timel').map((c) => c.label)).toEqual(['Timeline']);
    expect(matchSlashCommands('incident').map((c) => c.label)).toEqual(['Timeline']);
    expect(matchSlashCommands('warn').map((c) => c.label)).toEqual(['Warning callout']);
    expect(matchSlashCommands('list').map((c) => c.label)).toEqual(['Bullet list', 'Numbered list', 'Task list']);
    expect(matchSlashCommands('todo').map((c) => c.label)).toEqual(['Task list']);
    expect(matchSlashCommands('h3').map((c) => c.label)).toEqual(['Heading 3']);
    expect(matchSlashCommands('zzz')).toEqual([]);
    expect(matchSlashCommands('')).toHaveLength(slashCommands.length);
  });

  it('offers every block an author inserts in the slash menu, under its own name', () => {
    for (const [block, commands] of Object.entries(blockCommands)) {
      expect(
        commands.some((c) => c.inSlashMenu),
        block,
      ).toBe(true);
    }
    const labels = slashCommands.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('offers one callout per declared kind, named by its label', () => {
    expect(matchSlashCommands('callout').map((c) => c.label)).toEqual([
      'Callout',
      ...calloutKinds.map((kind) => `${calloutLabels[kind]} callout`),
    ]);
  });

  it('reads any stored callout kind as a known one', () => {
    expect(calloutKind('warning')).toBe('warning');
    expect(calloutKind('<script>')).toBe('note');
    expect(calloutKind(undefined)).toBe('note');
  });
});
