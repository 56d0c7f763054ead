/**
 * The theft demo's lab access tokens: short-lived like the real ones (same TTL as the app's
 * settings), but signed with the lab's own key, issuer, audience and `typ`, so the app's verifier
 * refuses every one of them. The verifier here is a correct one: the weakness this demo shows is
 * the refresh token that never rotates, not the access token.
 */
import { jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { generateIdentifier } from '@/lib/crypto/opaque-token';
import type { Role, User } from '@/lib/users/users';
import { LAB_AUDIENCE, LAB_ISSUER } from '../lab-identity';

const LAB_ACCESS_TOKEN_TYPE = 'lab-theft+jwt';

export interface LabSigningMaterial {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  kid: string;
}

export async function signLabAccessToken(input: {
  user: User;
  key: LabSigningMaterial;
  now: number;
  ttlSeconds: number;
}): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(input.now / 1000);
  const exp = iat + input.ttlSeconds;
  const token = await new SignJWT({ username: input.user.username, role: input.user.role })
    .setProtectedHeader({ alg: 'EdDSA', kid: input.key.kid, typ: LAB_ACCESS_TOKEN_TYPE })
    .setIssuer(LAB_ISSUER)
    .setAudience(LAB_AUDIENCE)
    .setSubject(input.user.id)
    .setJti(generateIdentifier())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(input.key.privateKey);
  return { token, expiresAt: exp * 1000 };
}

export type LabAccessVerification = { ok: true; user: User; expiresAt: number } | { ok: false; code: 'invalid_token' | 'token_expired' };

/** Verifies a lab access token: lab key, EdDSA only, lab issuer, audience and `typ`, no clock tolerance. */
export async function verifyLabAccessToken(token: string, key: LabSigningMaterial, now: number): Promise<LabAccessVerification> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['EdDSA'],
      issuer: LAB_ISSUER,
      audience: LAB_AUDIENCE,
      typ: LAB_ACCESS_TOKEN_TYPE,
      requiredClaims: ['sub', 'exp', 'iat'],
      currentDate: new Date(now),
    });
    const role: Role | null = payload.role === 'user' || payload.role === 'admin' ? payload.role : null;
    if (typeof payload.sub !== 'string' || typeof payload.username !== 'string' || role === null || payload.exp === undefined)
      return { ok: false, code: 'invalid_token' };
    return { ok: true, user: { id: payload.sub, username: payload.username, role }, expiresAt: payload.exp * 1000 };
  } catch (error) {
    const expired = error instanceof Error && 'code' in error && error.code === 'ERR_JWT_EXPIRED';
    return { ok: false, code: expired ? 'token_expired' : 'invalid_token' };
  }
}
