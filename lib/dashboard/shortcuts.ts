/**
 * The dashboard's keyboard shortcuts, declared once: the key handler and the help dialog both
 * read this table. Pure.
 */
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';

export type ShortcutAction = 'logInBoth' | 'revoke' | 'toggleDenylist' | 'togglePause' | 'togglePresenter' | 'toggleHelp' | 'closeHelp';

export interface Shortcut {
  /** `KeyboardEvent.key`. */
  key: string;
  /** How the key is printed. */
  label: string;
  action: ShortcutAction;
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'l', label: 'l', action: 'logInBoth', description: `log in both columns as ${DEFAULT_DEMO_USER.username}` },
  { key: 'r', label: 'r', action: 'revoke', description: 'revoke the user (admin)' },
  { key: 'd', label: 'd', action: 'toggleDenylist', description: 'toggle the JWT denylist (admin)' },
  { key: ' ', label: 'space', action: 'togglePause', description: 'pause or resume polling' },
  { key: 'p', label: 'p', action: 'togglePresenter', description: 'presenter mode' },
  { key: '?', label: '?', action: 'toggleHelp', description: 'this help (Esc closes)' },
];

export interface KeyPress {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  /** Where the key was pressed: typing in a field is never a shortcut. */
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** The action a key press stands for, or null (modifiers, typing in a form field, other keys). */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.metaKey || press.ctrlKey || press.altKey) return null;
  if (press.target && (TYPING_TAGS.has(press.target.tagName ?? '') || press.target.isContentEditable)) return null;
  if (press.key === 'Escape') return 'closeHelp';
  return SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.action ?? null;
}
