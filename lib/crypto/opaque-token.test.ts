import { describe, expect, it } from 'vitest';
import { generateOpaqueToken, hashOpaqueToken, isWellFormedOpaqueToken, isWellFormedTokenHash } from './opaque-token';

describe('opaque tokens', () => {
  it('generates 256-bit base64url tokens that are never repeated', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateOpaqueToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(isWellFormedOpaqueToken(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it.each(['', 'short', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}!`, `${'A'.repeat(42)}=`, 42, null, undefined])(
    'refuses %j as a token',
    (value) => expect(isWellFormedOpaqueToken(value)).toBe(false),
  );

  it('hashes to 64 lowercase hex characters, the same every time, different per token', () => {
    const token = generateOpaqueToken();
    const hash = hashOpaqueToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOpaqueToken(token)).toBe(hash);
    expect(hashOpaqueToken(generateOpaqueToken())).not.toBe(hash);
    expect(isWellFormedTokenHash(hash)).toBe(true);
  });

  it.each(['', 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), `${'a'.repeat(63)}g`, 7])('refuses %j as a token hash', (value) =>
    expect(isWellFormedTokenHash(value)).toBe(false),
  );
});
