/** Shared fixtures for the weak verifiers' unit tests (one file per lab case, beside each verifier). */
import { generateKeyPair, SignJWT } from 'jose';
import { expect } from 'vitest';
import { labClaimsFor } from './lab-claims';
import { LAB_VICTIM, withAdminClaims } from './lab-users';
import { MALFORMED_TOKENS } from './malformed-tokens';
import type { WeakVerification } from './weak-verification';

export const NOW = 1_800_000_000_000;
export const aliceClaims = labClaimsFor(LAB_VICTIM, NOW);
export const adminClaims = withAdminClaims(aliceClaims);
export const labKeyPair = generateKeyPair('EdDSA', { crv: 'Ed25519' });

export async function labEdDsaToken(claims = aliceClaims, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: 'lab-ed25519', ...header })
    .sign((await labKeyPair).privateKey);
}

export function expectAdmin(verification: WeakVerification): void {
  expect(verification).toMatchObject({ ok: true, user: { sub: 'usr_admin', role: 'admin' } });
}

export function expectRefused(verification: WeakVerification, why?: string): void {
  expect(verification.ok).toBe(false);
  if (why !== undefined) expect(!verification.ok && verification.message).toContain(why);
}

export async function expectRefusesGarbage(verify: (token: string) => Promise<WeakVerification> | WeakVerification): Promise<void> {
  for (const token of MALFORMED_TOKENS) expectRefused(await verify(token));
}
