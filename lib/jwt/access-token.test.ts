import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';
import type { User } from '@/lib/users/users';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, MAX_ACCESS_TOKEN_BYTES, signAccessToken, verifyAccessToken } from './access-token';
import type { KeyRing } from './key-ring';
import { FIXED_NOW, makeKeyRing } from './test-keys';

const alice: User = { id: 'usr_alice', username: 'alice', role: 'user' };
let ring: KeyRing;
let publicX: string;

beforeAll(async () => {
  const made = await makeKeyRing();
  ring = made.ring;
  publicX = made.keySet.keys[0]!.publicJwk.x;
});

const verify = (token: string, now = FIXED_NOW) => verifyAccessToken(token, { resolveKey: (kid) => ring.verificationKeys.get(kid), now });
const iat = Math.floor(FIXED_NOW / 1000);
const goodClaims = (): JWTPayload => ({
  iss: ACCESS_TOKEN_ISSUER,
  aud: ACCESS_TOKEN_AUDIENCE,
  sub: alice.id,
  username: 'alice',
  role: 'user',
  jti: 'jti-1',
  iat,
  exp: iat + 900,
});

/** Signs arbitrary claims and header with OUR key: a valid signature over something we must still refuse. */
function signWithOurKey(claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: ring.signingKey.kid, typ: 'at+jwt', ...header })
    .sign(ring.signingKey.key);
}

describe('signAccessToken and verifyAccessToken', () => {
  it('signs a small at+jwt with kid that verifies and returns the user and claims', async () => {
    const signed = await signAccessToken({ user: alice, signingKey: ring.signingKey, now: FIXED_NOW, ttlSeconds: 900 });
    expect(signed.header).toEqual({ alg: 'EdDSA', kid: ring.signingKey.kid, typ: 'at+jwt' });
    expect(signed.claims).toMatchObject({ iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, sub: 'usr_alice', iat, exp: iat + 900 });
    expect(signed.claims.jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(signed.token.length).toBeLessThan(600);
    const result = await verify(signed.token);
    expect(result).toMatchObject({ ok: true, user: alice, claims: { jti: signed.claims.jti }, header: { kid: ring.signingKey.kid } });
  });

  it('accepts a token up to the clock tolerance past exp and calls it token_expired after that', async () => {
    const { token } = await signAccessToken({ user: alice, signingKey: ring.signingKey, now: FIXED_NOW, ttlSeconds: 60 });
    expect((await verify(token, FIXED_NOW + (59 + CLOCK_TOLERANCE_SECONDS) * 1000)).ok).toBe(true);
    expect(await verify(token, FIXED_NOW + (60 + CLOCK_TOLERANCE_SECONDS) * 1000)).toMatchObject({ ok: false, code: 'token_expired' });
  });

  it('rejects a token whose iat lies in the future beyond the tolerance', async () => {
    const token = await signWithOurKey({ ...goodClaims(), iat: iat + 60, exp: iat + 900 });
    expect(await verify(token)).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('rejects a token that claims a longer lifetime than any the app issues (far-future exp), even when fresh', async () => {
    const farFuture = await signWithOurKey({ ...goodClaims(), exp: iat + 10 * 365 * 24 * 3600 });
    expect(await verify(farFuture)).toMatchObject({ ok: false, code: 'invalid_token' });
    const justOverTheLongest = await signWithOurKey({ ...goodClaims(), exp: iat + MAX_ACCESS_TOKEN_AGE_SECONDS + 1 });
    expect(await verify(justOverTheLongest)).toMatchObject({ ok: false, code: 'invalid_token' });
    const theLongest = await signWithOurKey({ ...goodClaims(), exp: iat + MAX_ACCESS_TOKEN_AGE_SECONDS });
    expect((await verify(theLongest)).ok).toBe(true);
  });

  it('bounds token age even when exp is far away (a token older than the longest lifetime is refused)', async () => {
    const token = await signWithOurKey({ ...goodClaims(), iat: iat - 2 * 3600, exp: iat + 3600 });
    expect((await verify(token)).ok).toBe(false);
  });
});

describe('verifyAccessToken refuses every forged or foreign token with 401 codes, never a throw', () => {
  it('rejects alg "none"', async () => {
    const unsecured = new UnsecuredJWT(goodClaims()).encode();
    const withKid = unsecured.replace(
      /^[^.]+/,
      Buffer.from(JSON.stringify({ alg: 'none', kid: ring.signingKey.kid, typ: 'at+jwt' })).toString('base64url'),
    );
    expect(await verify(unsecured)).toMatchObject({ ok: false, code: 'invalid_token' });
    expect(await verify(withKid)).toMatchObject({ ok: false, code: 'invalid_token' });
    expect(await verify(`${withKid}AAAA`)).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('rejects HS256 signed with the public key as the HMAC secret (algorithm confusion)', async () => {
    for (const secret of [
      Buffer.from(publicX, 'base64url'),
      new TextEncoder().encode(publicX),
      new TextEncoder().encode(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: publicX })),
    ]) {
      const token = await new SignJWT(goodClaims())
        .setProtectedHeader({ alg: 'HS256', kid: ring.signingKey.kid, typ: 'at+jwt' })
        .sign(new Uint8Array(secret));
      expect(await verify(token)).toMatchObject({ ok: false, code: 'invalid_token' });
    }
  });

  it('rejects a tampered payload', async () => {
    const { token } = await signAccessToken({ user: alice, signingKey: ring.signingKey, now: FIXED_NOW, ttlSeconds: 900 });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as JWTPayload;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(await verify(`${header}.${forged}.${signature}`)).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('rejects a token signed by a key that is not ours, even with our kid', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const token = await new SignJWT(goodClaims())
      .setProtectedHeader({ alg: 'EdDSA', kid: ring.signingKey.kid, typ: 'at+jwt' })
      .sign(privateKey);
    expect(await verify(token)).toMatchObject({ ok: false, code: 'invalid_token', reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it.each([
    ['wrong issuer', { iss: 'https://evil.example' }],
    ['wrong audience', { aud: 'another-api' }],
    ['missing exp', { exp: undefined }],
    ['missing iat', { iat: undefined }],
    ['missing sub', { sub: undefined }],
    ['missing jti', { jti: undefined }],
    ['a role that does not exist', { role: 'root' }],
  ])('rejects a validly signed token with %s', async (_, override) => {
    const claims = { ...goodClaims(), ...override } as Record<string, unknown>;
    for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
    expect(await verify(await signWithOurKey(claims))).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('rejects a validly signed token with the wrong typ (an ID token is not an access token)', async () => {
    expect(await verify(await signWithOurKey(goodClaims(), { typ: 'JWT' }))).toMatchObject({ ok: false, code: 'invalid_token' });
    expect(await verify(await signWithOurKey(goodClaims(), { typ: undefined }))).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('rejects unknown, missing and hostile kids without resolving them', async () => {
    const seen: string[] = [];
    const resolveKey = (kid: string) => {
      seen.push(kid);
      return ring.verificationKeys.get(kid);
    };
    expect(
      await verifyAccessToken(await signWithOurKey(goodClaims(), { kid: 'no-such-key' }), { resolveKey, now: FIXED_NOW }),
    ).toMatchObject({ ok: false, code: 'invalid_token', unknownKid: 'no-such-key' });
    for (const kid of ['../../../etc/passwd', 'x'.repeat(200), "' OR 1=1 --", 'https://evil.example/key']) {
      expect(await verifyAccessToken(await signWithOurKey(goodClaims(), { kid }), { resolveKey, now: FIXED_NOW })).toMatchObject({
        ok: false,
        code: 'invalid_token',
      });
    }
    expect(await verify(await signWithOurKey(goodClaims(), { kid: undefined }))).toMatchObject({ ok: false, code: 'invalid_token' });
    expect(seen).toEqual(['no-such-key']);
  });

  it('rejects attacker-supplied jwk, jku and x5u headers even when the signature is ours', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const attackerJwk = await exportJWK(publicKey);
    const embedded = await new SignJWT(goodClaims())
      .setProtectedHeader({ alg: 'EdDSA', kid: ring.signingKey.kid, typ: 'at+jwt', jwk: attackerJwk })
      .sign(privateKey);
    expect(await verify(embedded)).toMatchObject({ ok: false, code: 'invalid_token' });
    for (const header of [{ jku: 'https://evil.example/jwks.json' }, { x5u: 'https://evil.example/cert.pem' }, { jwk: attackerJwk }]) {
      expect(await verify(await signWithOurKey(goodClaims(), header))).toMatchObject({ ok: false, code: 'invalid_token' });
    }
  });

  it.each([
    ['empty', ''],
    ['one word', 'garbage'],
    ['three dots of nothing', 'a.b.c'],
    ['non-JSON header', `${Buffer.from('not json').toString('base64url')}.e30.AAAA`],
    ['header that is JSON null', `${Buffer.from('null').toString('base64url')}.e30.AAAA`],
    ['binary junk', `\u0000\u0001.\u0002.\u0003`],
    ['five segments (JWE shape)', 'a.b.c.d.e'],
  ])('rejects garbage: %s', async (_, token) => {
    expect(await verify(token)).toMatchObject({ ok: false, code: 'invalid_token' });
  });

  it('refuses an oversized token before parsing it', async () => {
    const huge = await signWithOurKey({ ...goodClaims(), pad: 'x'.repeat(MAX_ACCESS_TOKEN_BYTES) });
    expect(await verify(huge)).toEqual({ ok: false, code: 'invalid_token', reason: `longer than ${MAX_ACCESS_TOKEN_BYTES} bytes` });
  });
});
