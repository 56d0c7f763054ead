import { SignJWT } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@/lib/jwt/access-token';
import type { LabCredentialSample } from '../lab-credential-sample';
import { LAB_AUDIENCE, LAB_ISSUER } from '../lab-identity';
import { LAB_KEY_ID, labSigningKey } from '../lab-keys';

/**
 * Tokens signed with the lab's own key: one with the lab's identity, and one that copies the app's
 * issuer, audience, type and claims exactly, so only the key tells it apart. The real verifier
 * must refuse both; the second proves it is the key ring, not the names, that keeps lab tokens out.
 */
export async function foundationCredentialSamples(): Promise<LabCredentialSample[]> {
  const { privateKey } = await labSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const claims = { username: 'admin', role: 'admin', jti: 'lab-sample' };
  const labToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: LAB_KEY_ID, typ: 'at+jwt' })
    .setIssuer(LAB_ISSUER)
    .setAudience(LAB_AUDIENCE)
    .setSubject('admin')
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(privateKey);
  const impersonating = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: LAB_KEY_ID, typ: 'at+jwt' })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject('admin')
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(privateKey);
  return [
    { labCase: 'foundation', description: 'a lab-key token with the lab issuer', value: labToken },
    { labCase: 'foundation', description: "a lab-key token copying the app's issuer, audience and type", value: impersonating },
  ];
}
