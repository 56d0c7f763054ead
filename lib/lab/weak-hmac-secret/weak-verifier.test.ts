import { describe, expect, it } from 'vitest';
import { crackHs256Secret } from './crack';
import { pickLabSecretWord, verifyWithWordSecret } from './weak-verifier';
import { LAB_SECRET_WORDS } from './word-list';
import { encodeSegment, signHs256, utf8 } from '../forgery/compact-jws';
import { NOW, aliceClaims, adminClaims, expectAdmin, expectRefused, expectRefusesGarbage } from '../forgery/weak-verifier-test-kit';

describe('case 5: weak HMAC secret', () => {
  it('draws the secret from the word list', () => {
    expect(pickLabSecretWord(() => 0)).toBe(LAB_SECRET_WORDS[0]);
    expect(pickLabSecretWord(() => 0.999999)).toBe(LAB_SECRET_WORDS.at(-1));
  });
  it('is cracked offline from one token, and the cracked word signs an admin token it accepts', async () => {
    const secret = pickLabSecretWord(() => 0.5);
    const issued = await signHs256({ alg: 'HS256', typ: 'JWT' }, aliceClaims, utf8(secret));
    expect(await verifyWithWordSecret(issued, secret, NOW)).toMatchObject({ ok: true, user: { sub: 'usr_alice' } });
    const progress: number[] = [];
    const cracked = await crackHs256Secret(issued, LAB_SECRET_WORDS, ({ tried }) => progress.push(tried));
    expect(cracked).toMatchObject({ found: true, word: secret });
    expect(progress.length).toBeGreaterThan(0);
    expectAdmin(await verifyWithWordSecret(await signHs256({ alg: 'HS256' }, adminClaims, utf8(secret)), secret, NOW));
  });
  it('refuses a wrong secret, another algorithm and garbage; the crack reports a miss', async () => {
    const signed = await signHs256({ alg: 'HS256' }, adminClaims, utf8('not-in-the-list-9f3a'));
    expectRefused(await verifyWithWordSecret(signed, 'secret', NOW), 'bad HS256');
    expect(await crackHs256Secret(signed, LAB_SECRET_WORDS.slice(0, 30))).toMatchObject({ found: false, tried: 30 });
    expectRefused(await verifyWithWordSecret(`${encodeSegment({ alg: 'none' })}.${encodeSegment(adminClaims)}.`, 'secret', NOW));
    await expectRefusesGarbage((token) => verifyWithWordSecret(token, 'secret', NOW));
  });
});
