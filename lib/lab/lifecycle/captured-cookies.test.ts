import { describe, expect, it } from 'vitest';
import { CAPTURE_TTL_MS, CapturedCookies, MAX_CAPTURES } from './captured-cookies';

describe('CapturedCookies', () => {
  it('gives back a captured value by its handle until it expires', () => {
    const captures = new CapturedCookies();
    const { handle, expiresAt } = captures.capture('sealed-value', 1_000);
    expect(expiresAt).toBe(1_000 + CAPTURE_TTL_MS);
    expect(captures.read(handle, 1_000 + CAPTURE_TTL_MS - 1)).toBe('sealed-value');
    expect(captures.read(handle, 1_000 + CAPTURE_TTL_MS)).toBeNull();
  });

  it('never hands out the value as the handle, and refuses unknown handles', () => {
    const captures = new CapturedCookies();
    const { handle } = captures.capture('sealed-value', 0);
    expect(handle).not.toContain('sealed');
    expect(captures.read('no-such-handle', 0)).toBeNull();
  });

  it('keeps at most MAX_CAPTURES, dropping the oldest', () => {
    const captures = new CapturedCookies();
    const first = captures.capture('first', 0);
    for (let i = 0; i < MAX_CAPTURES; i++) captures.capture(`v${i}`, 0);
    expect(captures.size).toBe(MAX_CAPTURES);
    expect(captures.read(first.handle, 0)).toBeNull();
  });
});
