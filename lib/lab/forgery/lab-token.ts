import 'server-only';
import { SignJWT, type JWTHeaderParameters } from 'jose';
import { labSigningKey, LAB_KEY_ID } from '../lab-keys';
import type { JsonObject } from './compact-jws';

/** A lab token signed with the lab's Ed25519 key, with extra header fields a case needs (`jwk`, `jku`). */
export async function signLabEdDsaToken(claims: JsonObject, extraHeader: Partial<JWTHeaderParameters> = {}): Promise<string> {
  const { privateKey } = await labSigningKey();
  return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: LAB_KEY_ID, ...extraHeader }).sign(privateKey);
}
