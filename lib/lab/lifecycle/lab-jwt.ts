/**
 * Lab JWTs: signed with a lab key, naming the lab issuer and audience and `typ: lab+jwt`, so the
 * app's verifier (which pins its own issuer, audience, `at+jwt` and key ring) refuses every one.
 * Pure: the key and `now` are parameters. What is weak about each lab token is its lifetime, where it
 * is kept or what it carries, never this check.
 */
import { jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { LAB_AUDIENCE, LAB_ISSUER } from '../lab-identity';

const LAB_JWT_TYPE = 'lab+jwt';

export interface LabJwtKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Omitted on purpose by case 12's weak key: one key forever needs no name. */
  kid?: string;
}

export function signLabJwt(claims: JWTPayload & { sub: string }, key: LabJwtKey, lifetimeSeconds: number, now: number): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: LAB_JWT_TYPE, ...(key.kid === undefined ? {} : { kid: key.kid }) })
    .setIssuer(LAB_ISSUER)
    .setAudience(LAB_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(key.privateKey);
}

export type LabJwtVerification = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/** Checks signature, issuer, audience, `typ` and expiry against one lab public key. */
export async function verifyLabJwt(token: string, publicKey: CryptoKey, now: number): Promise<LabJwtVerification> {
  if (token.length > 16_384) return { ok: false, reason: 'token too long' };
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: LAB_ISSUER,
      audience: LAB_AUDIENCE,
      typ: LAB_JWT_TYPE,
      algorithms: ['EdDSA'],
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp'],
    });
    return { ok: true, claims: payload };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid token' };
  }
}
