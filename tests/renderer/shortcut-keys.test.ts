// Window shortcuts are recognised from the key pressed, also where Alt changes the character typed.
import { describe, expect, it } from 'vitest';
import { matchesShortcut } from '../../src/renderer/src/editor/shortcut-keys';

const press = (init: Partial<KeyboardEvent>) =>
  ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;

describe('a window shortcut', () => {
  it('is the letter key with Alt, whatever character the layout makes of it', () => {
    // Option-P types "π" on a Mac keyboard; Ctrl+Alt+P on Linux reports "p".
    expect(matchesShortcut(press({ key: 'π', code: 'KeyP', ctrlKey: true, altKey: true }), 'Mod-Alt-p')).toBe(true);
    expect(matchesShortcut(press({ key: 'p', code: 'KeyP', ctrlKey: true, altKey: true }), 'Mod-Alt-p')).toBe(true);
    expect(matchesShortcut(press({ key: 'p', code: 'KeyP', ctrlKey: true }), 'Mod-Alt-p')).toBe(false);
  });

  it('needs exactly its modifiers', () => {
    expect(matchesShortcut(press({ key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true }), 'Mod-Shift-f')).toBe(true);
    expect(matchesShortcut(press({ key: 'f', code: 'KeyF', ctrlKey: true }), 'Mod-Shift-f')).toBe(false);
  });
});
