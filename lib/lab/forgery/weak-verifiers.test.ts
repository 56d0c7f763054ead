import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyAlgFromHeader } from '../alg-none/weak-verifier';
import { verifyWithUnpinnedPublicKey } from '../algorithm-confusion/weak-verifier';
import { verifyWithKeySetFromJku } from '../jku-injection/weak-verifier';
import { verifyWithEmbeddedJwk } from '../jwk-injection/weak-verifier';
import { buildKeyTree, LAB_HMAC_KEY_FILE, readKeyFileNamedByKid } from '../kid-injection/key-tree';
import { verifyWithKidPath } from '../kid-injection/weak-verifier';
import { verifyLabToken } from '../sensitive-payload/weak-verifier';
import { verifyWithoutSignature } from '../unverified-claims/weak-verifier';
import { crackHs256Secret } from '../weak-hmac-secret/crack';
import { pickLabSecretWord, verifyWithWordSecret } from '../weak-hmac-secret/weak-verifier';
import { LAB_SECRET_WORDS } from '../weak-hmac-secret/word-list';
import { encodeSegment, makeAttackerKeyPair, reencodeKeepingSignature, signEs256, signHs256, utf8 } from './compact-jws';
import { labClaimsFor } from './lab-claims';
import { LAB_VICTIM, withAdminClaims } from './lab-users';
import { MALFORMED_TOKENS } from './malformed-tokens';
import type { WeakVerification } from './weak-verification';

const NOW = 1_800_000_000_000;
const aliceClaims = labClaimsFor(LAB_VICTIM, NOW);
const adminClaims = withAdminClaims(aliceClaims);
const labKeyPair = generateKeyPair('EdDSA', { crv: 'Ed25519' });

async function labEdDsaToken(claims = aliceClaims, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: 'lab-ed25519', ...header })
    .sign((await labKeyPair).privateKey);
}

function expectAdmin(verification: WeakVerification): void {
  expect(verification).toMatchObject({ ok: true, user: { sub: 'usr_admin', role: 'admin' } });
}

function expectRefused(verification: WeakVerification, why?: string): void {
  expect(verification.ok).toBe(false);
  if (why !== undefined) expect(!verification.ok && verification.message).toContain(why);
}

async function expectRefusesGarbage(verify: (token: string) => Promise<WeakVerification> | WeakVerification): Promise<void> {
  for (const token of MALFORMED_TOKENS) expectRefused(await verify(token));
}

describe('case 3: unverified claims', () => {
  it('believes an edited payload under the old signature', async () => {
    const forged = reencodeKeepingSignature({ alg: 'EdDSA' }, adminClaims, await labEdDsaToken());
    expectAdmin(verifyWithoutSignature(forged, NOW));
  });
  it('still refuses expired claims and garbage', async () => {
    expectRefused(verifyWithoutSignature(await labEdDsaToken(), NOW + 3_600_000), 'expired');
    await expectRefusesGarbage((token) => verifyWithoutSignature(token, NOW));
  });
});

describe('case 4: alg none', () => {
  it('accepts an unsigned admin token whose header says none, in any letter case', async () => {
    const { publicKey } = await labKeyPair;
    for (const alg of ['none', 'NONE', 'nOnE']) {
      expectAdmin(await verifyAlgFromHeader(`${encodeSegment({ alg })}.${encodeSegment(adminClaims)}.`, publicKey, NOW));
    }
  });
  it('checks EdDSA tokens properly and refuses other algorithms and garbage', async () => {
    const { publicKey } = await labKeyPair;
    expect(await verifyAlgFromHeader(await labEdDsaToken(), publicKey, NOW)).toMatchObject({ ok: true, user: { sub: 'usr_alice' } });
    const tampered = reencodeKeepingSignature({ alg: 'EdDSA' }, adminClaims, await labEdDsaToken());
    expectRefused(await verifyAlgFromHeader(tampered, publicKey, NOW), 'bad EdDSA signature');
    expectRefused(await verifyAlgFromHeader(await signHs256({ alg: 'HS256' }, adminClaims, utf8('x')), publicKey, NOW), 'not HS256');
    await expectRefusesGarbage((token) => verifyAlgFromHeader(token, publicKey, NOW));
  });
});

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

describe('case 6: jwk injection', () => {
  it('accepts an admin token signed by any key pair that embeds its public half', async () => {
    const { privateKey, publicJwk } = await makeAttackerKeyPair();
    expectAdmin(await verifyWithEmbeddedJwk(await signEs256({ alg: 'ES256', jwk: publicJwk }, adminClaims, privateKey), NOW));
  });
  it('verifies the legitimate embedded-key token and refuses a signature by another key, and garbage', async () => {
    const labJwk = await exportJWK((await labKeyPair).publicKey);
    expect((await verifyWithEmbeddedJwk(await labEdDsaToken(aliceClaims, { jwk: labJwk }), NOW)).ok).toBe(true);
    const attacker = await makeAttackerKeyPair();
    const other = await makeAttackerKeyPair();
    expectRefused(
      await verifyWithEmbeddedJwk(await signEs256({ alg: 'ES256', jwk: other.publicJwk }, adminClaims, attacker.privateKey), NOW),
      'does not verify',
    );
    expectRefused(await verifyWithEmbeddedJwk(await labEdDsaToken(), NOW), 'no jwk');
    await expectRefusesGarbage((token) => verifyWithEmbeddedJwk(token, NOW));
  });
});

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

describe('case 8: kid injection', () => {
  const labKey = new Uint8Array(32).fill(9);
  const tree = buildKeyTree(labKey);
  it('resolves kid inside the in-memory tree only', () => {
    expect(readKeyFileNamedByKid(tree, LAB_HMAC_KEY_FILE).key).toEqual(labKey);
    expect(readKeyFileNamedByKid(tree, '../../dev/null')).toEqual({ path: '/dev/null', key: new Uint8Array(0) });
    expect(readKeyFileNamedByKid(tree, '../../etc/passwd')).toEqual({ path: '/etc/passwd', key: null });
  });
  it('accepts an admin token signed with the empty contents of /dev/null', async () => {
    expectAdmin(
      await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: '../../dev/null' }, adminClaims, new Uint8Array(0)), tree, NOW),
    );
  });
  it('verifies the legitimate key file and refuses missing files, wrong keys and garbage', async () => {
    expect((await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: LAB_HMAC_KEY_FILE }, aliceClaims, labKey), tree, NOW)).ok).toBe(
      true,
    );
    expectRefused(
      await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: '../../etc/passwd' }, adminClaims, utf8('')), tree, NOW),
      'no key file',
    );
    expectRefused(
      await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: LAB_HMAC_KEY_FILE }, adminClaims, utf8('')), tree, NOW),
      'bad signature',
    );
    await expectRefusesGarbage((token) => verifyWithKidPath(token, tree, NOW));
  });
});

describe('case 9: algorithm confusion', () => {
  it('accepts an HS256 admin token keyed with the published JWKS text, and verifies EdDSA with the published key', async () => {
    const jwk = { ...(await exportJWK((await labKeyPair).publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    const jwksText = JSON.stringify({ keys: [jwk] });
    const realClaims = { ...aliceClaims, iss: 'session-vs-jwt', aud: 'session-vs-jwt-api' };
    expectAdmin(
      await verifyWithUnpinnedPublicKey(await signHs256({ alg: 'HS256' }, withAdminClaims(realClaims), utf8(jwksText)), jwksText, NOW),
    );
    expect((await verifyWithUnpinnedPublicKey(await labEdDsaToken(realClaims, { kid: 'k1' }), jwksText, NOW)).ok).toBe(true);
    expectRefused(await verifyWithUnpinnedPublicKey(await labEdDsaToken(realClaims, { kid: 'k2' }), jwksText, NOW), 'no published key');
    expectRefused(await verifyWithUnpinnedPublicKey(await signHs256({ alg: 'HS256' }, adminClaims, utf8(`${jwksText} `)), jwksText, NOW));
    await expectRefusesGarbage((token) => verifyWithUnpinnedPublicKey(token, jwksText, NOW));
    await expectRefusesGarbage((token) => verifyWithUnpinnedPublicKey(token, 'not json', NOW));
  });
});

describe('case 16: sensitive payload', () => {
  it('verifies lab tokens correctly and answers with every claim', async () => {
    const { publicKey } = await labKeyPair;
    const token = await labEdDsaToken({ ...aliceClaims, email: 'alice@example.com', passwordHash: '$scrypt$x' });
    expect(await verifyLabToken(token, publicKey, NOW)).toMatchObject({
      ok: true,
      user: { email: 'alice@example.com', passwordHash: '$scrypt$x' },
    });
    expectRefused(await verifyLabToken(reencodeKeepingSignature({ alg: 'EdDSA' }, adminClaims, token), publicKey, NOW));
    expectRefused(await verifyLabToken(`${encodeSegment({ alg: 'none' })}.${encodeSegment(adminClaims)}.`, publicKey, NOW));
    await expectRefusesGarbage((token) => verifyLabToken(token, publicKey, NOW));
  });
});
