import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  ...extra,
});

describe('shortcutFor', () => {
  it('maps each listed key to its action, and Escape to closing the help', () => {
    for (const shortcut of SHORTCUTS) expect(shortcutFor(press(shortcut.key))).toBe(shortcut.action);
    expect(shortcutFor(press('Escape'))).toBe('closeHelp');
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('ignores keys typed into form fields and keys with modifiers', () => {
    for (const tagName of ['INPUT', 'SELECT', 'TEXTAREA']) expect(shortcutFor(press('r', { target: { tagName } }))).toBeNull();
    expect(shortcutFor(press('r', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('r', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('p', { altKey: true }))).toBeNull();
  });

  it('lists every key once', () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.key)).size).toBe(SHORTCUTS.length);
  });
});
