import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { signLabJwt, verifyLabJwt } from '../lifecycle/lab-jwt';
import { makeForeverKey } from './forever-key';

const now = 1_700_000_000_000;

describe('the forever lab key (weak on purpose)', () => {
  it('signs tokens that name no key', async () => {
    const key = await makeForeverKey();
    const token = await signLabJwt({ sub: 'alice' }, key, 3600, now);
    expect(decodeProtectedHeader(token).kid).toBeUndefined();
  });

  it('cannot be replaced without every earlier token failing: rotation logs everybody out', async () => {
    const key = await makeForeverKey();
    const token = await signLabJwt({ sub: 'alice' }, key, 3600, now);
    expect((await verifyLabJwt(token, key.publicKey, now)).ok).toBe(true);
    const replacement = await makeForeverKey();
    expect((await verifyLabJwt(token, replacement.publicKey, now)).ok).toBe(false);
  });
});
