import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealStatelessSession, verifyStatelessSession } from './stateless-session';

const password = randomBytes(32).toString('base64url');
const alice = { username: 'alice', role: 'user', loggedInAt: 1_700_000_000_000 } as const;

describe('the stateless lab session (weak on purpose)', () => {
  it('accepts its own seal, and a copy of it, again and again: nothing on the server can end it', async () => {
    const seal = await sealStatelessSession(alice, password);
    const copy = `${seal}`;
    expect(await verifyStatelessSession(seal, password)).toEqual(alice);
    expect(await verifyStatelessSession(copy, password)).toEqual(alice);
  });

  it('refuses a seal made with another password, a tampered seal and garbage', async () => {
    const seal = await sealStatelessSession(alice, password);
    expect(await verifyStatelessSession(seal, randomBytes(32).toString('base64url'))).toBeNull();
    expect(await verifyStatelessSession(`${seal.slice(0, -2)}xx`, password)).toBeNull();
    expect(await verifyStatelessSession('not a seal', password)).toBeNull();
    expect(await verifyStatelessSession('', password)).toBeNull();
  });
});
