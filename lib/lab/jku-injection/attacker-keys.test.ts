import { describe, expect, it } from 'vitest';
import { ATTACKER_KEY_TTL_MS, checkAttackerJwk, createAttackerKeyShelf, MAX_ATTACKER_KEYS } from './attacker-keys';

const publicJwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };

describe('the attacker key shelf', () => {
  it('accepts a public key and refuses private parts, symmetric keys and junk', () => {
    expect(checkAttackerJwk(publicJwk)).toEqual({ ok: true, jwk: publicJwk });
    expect(checkAttackerJwk({ ...publicJwk, d: 'secret' }).ok).toBe(false);
    expect(checkAttackerJwk({ kty: 'oct', k: 'abc' }).ok).toBe(false);
    expect(checkAttackerJwk([publicJwk]).ok).toBe(false);
    expect(checkAttackerJwk({ ...publicJwk, pad: 'x'.repeat(3000) }).ok).toBe(false);
  });

  it('serves a key until it expires and keeps at most the newest hundred', () => {
    let next = 0;
    const shelf = createAttackerKeyShelf(() => `id-${next++}`);
    const first = shelf.put(publicJwk, 0);
    expect(shelf.get(first, ATTACKER_KEY_TTL_MS - 1)).toEqual(publicJwk);
    expect(shelf.get(first, ATTACKER_KEY_TTL_MS)).toBeNull();
    for (let i = 0; i < MAX_ATTACKER_KEYS; i++) shelf.put(publicJwk, 1);
    expect(shelf.get(first, 1)).toBeNull();
    expect(shelf.get(`id-${MAX_ATTACKER_KEYS}`, 1)).toEqual(publicJwk);
    expect(shelf.get('unknown', 1)).toBeNull();
  });
});
