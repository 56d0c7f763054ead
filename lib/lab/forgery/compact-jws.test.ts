import { createHmac } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  base64UrlDecode,
  base64UrlEncode,
  decodeToken,
  encodeSegment,
  hmacSha256,
  makeAttackerKeyPair,
  reencodeKeepingSignature,
  signEs256,
  signHs256,
  utf8,
} from './compact-jws';

describe('compact JWS by hand', () => {
  it('round-trips base64url and refuses text that is not base64url', () => {
    const bytes = new Uint8Array([0, 251, 255, 62, 63, 1]);
    expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
    expect(base64UrlEncode(bytes)).not.toMatch(/[+/=]/);
    expect(base64UrlDecode('ab+c')).toBeNull();
    expect(base64UrlDecode('abcde')).toBeNull();
  });

  it('computes HMAC-SHA256 as node:crypto does, for an empty, a short and a longer-than-a-block key', async () => {
    for (const key of [new Uint8Array(0), utf8('secret'), new Uint8Array(100).fill(7)]) {
      const expected = createHmac('sha256', key).update('header.payload').digest();
      expect(Buffer.from(await hmacSha256(key, utf8('header.payload')))).toEqual(expected);
    }
  });

  it('signs HS256 tokens that decode to the header and payload given', async () => {
    const token = await signHs256({ alg: 'HS256' }, { sub: 'usr_alice' }, utf8('k'));
    const decoded = decodeToken(token);
    expect(decoded.ok && decoded.token.header).toEqual({ alg: 'HS256' });
    expect(decoded.ok && decoded.token.payload).toEqual({ sub: 'usr_alice' });
  });

  it('signs ES256 tokens that jose verifies with the published JWK', async () => {
    const { privateKey, publicJwk } = await makeAttackerKeyPair();
    expect(publicJwk).not.toHaveProperty('d');
    const token = await signEs256({ alg: 'ES256' }, { sub: 'x' }, privateKey);
    await expect(compactVerify(token, await importJWK(publicJwk, 'ES256'))).resolves.toBeTruthy();
  });

  it('keeps the old signature part when re-encoding edited claims', () => {
    expect(reencodeKeepingSignature({ alg: 'EdDSA' }, { role: 'admin' }, 'a.b.SIG')).toBe(
      `${encodeSegment({ alg: 'EdDSA' })}.${encodeSegment({ role: 'admin' })}.SIG`,
    );
  });

  it.each([
    ['', 'not three'],
    ['a.b', 'not three'],
    ['a.b.c.d', 'not three'],
    ['!!.e30.', 'header'],
    [`${encodeSegment({})}.WzFd.`, 'payload'],
    [`${base64UrlEncode(utf8('null'))}.e30.`, 'header'],
    [`e30.e30.a+b`, 'signature'],
    [`${'a'.repeat(20_000)}..`, 'longer'],
  ])('refuses a malformed token %#', (token, why) => {
    const decoded = decodeToken(token);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.message).toContain(why);
  });
});
