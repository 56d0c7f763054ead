import { describe, expect, it } from 'vitest';
import { verifyWithKeySetFromJku } from './weak-verifier';
import { makeAttackerKeyPair, signEs256 } from '../forgery/compact-jws';
import { NOW, adminClaims, expectAdmin, expectRefused, expectRefusesGarbage } from '../forgery/weak-verifier-test-kit';

describe('case 7: jku injection', () => {
  it('verifies with whatever key set the jku names', async () => {
    const { privateKey, publicJwk } = await makeAttackerKeyPair();
    const fetched: string[] = [];
    const fetchKeySet = async (url: string) => {
      fetched.push(url);
      return { keys: [{ ...publicJwk, kid: 'evil' }] };
    };
    const forged = await signEs256({ alg: 'ES256', kid: 'evil', jku: 'http://127.0.0.1:3000/keys/1' }, adminClaims, privateKey);
    expectAdmin(await verifyWithKeySetFromJku(forged, NOW, fetchKeySet));
    expect(fetched).toEqual(['http://127.0.0.1:3000/keys/1']);
  });
  it('refuses when the fetch fails or the document is no key set, and garbage without fetching', async () => {
    const { privateKey } = await makeAttackerKeyPair();
    const forged = await signEs256({ alg: 'ES256', jku: 'http://127.0.0.1:3000/k' }, adminClaims, privateKey);
    expectRefused(await verifyWithKeySetFromJku(forged, NOW, () => Promise.reject(new Error('blocked'))), 'blocked');
    expectRefused(await verifyWithKeySetFromJku(forged, NOW, async () => ({ nope: 1 })), 'not a JWKS');
    expectRefused(await verifyWithKeySetFromJku(forged, NOW, async () => ({ keys: [{ kty: 'EC' }] })), 'does not verify');
    let fetches = 0;
    await expectRefusesGarbage((token) =>
      verifyWithKeySetFromJku(token, NOW, async () => {
        fetches++;
        throw new Error('refused by the rail');
      }),
    );
    expect(fetches).toBeLessThanOrEqual(1);
  });
});
