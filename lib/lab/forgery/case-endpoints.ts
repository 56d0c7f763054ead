import 'server-only';
import { buildJwks } from '@/lib/jwt/signing-keys';
import { listeningOriginFromEnvironment } from '@/lib/server/config';
import type { RequestContext } from '@/lib/server/http/context';
import { verifyAlgFromHeader } from '../alg-none/weak-verifier';
import { verifyWithUnpinnedPublicKey } from '../algorithm-confusion/weak-verifier';
import { fetchKeySetFromOwnOrigin } from '../jku-injection/loopback-fetch';
import { verifyWithKeySetFromJku } from '../jku-injection/weak-verifier';
import { verifyWithEmbeddedJwk } from '../jwk-injection/weak-verifier';
import { KEY_DIRECTORY, LAB_HMAC_KEY_FILE, readKeyFileNamedByKid } from '../kid-injection/key-tree';
import { verifyWithKidPath } from '../kid-injection/weak-verifier';
import { labSigningKey } from '../lab-keys';
import { sensitiveClaimsFor } from '../sensitive-payload/lab-profile';
import { verifyLabToken } from '../sensitive-payload/weak-verifier';
import { verifyWithoutSignature } from '../unverified-claims/weak-verifier';
import { verifyWithWordSecret } from '../weak-hmac-secret/weak-verifier';
import { signHs256, utf8 } from './compact-jws';
import { labClaimsFor } from './lab-claims';
import { forgeryMaterial } from './lab-material';
import { signLabEdDsaToken } from './lab-token';
import type { LabUser } from './lab-users';
import type { WeakVerification } from './weak-verification';

/**
 * Each token-forgery case's two server halves: how its lab login issues a legitimate lab token,
 * and its deliberately weak verifier wired to this process's material. Routes stay thin; the
 * credential samples (lib/lab/samples/forgery.ts) issue through the same functions.
 */

/** Where case 7's legitimate tokens point `jku`: the lab's own key set, on this app's origin. */
const LAB_JWKS_PATH = '/api/lab/jku-injection/jwks';
export const ATTACKER_KEYS_PATH = '/api/lab/jku-injection/attacker-keys';

/** This server's own loopback origin, the only one case 7's weak verifier fetches from. */
export function ownLoopbackOrigin(): string | null {
  return listeningOriginFromEnvironment();
}

export const issueUnverifiedClaimsToken = (user: LabUser, now: number) => signLabEdDsaToken(labClaimsFor(user, now));
export const issueAlgNoneToken = (user: LabUser, now: number) => signLabEdDsaToken(labClaimsFor(user, now));

export const issueWeakHmacToken = (user: LabUser, now: number) =>
  signHs256({ alg: 'HS256', typ: 'JWT' }, labClaimsFor(user, now), utf8(forgeryMaterial().secretWord));

export async function issueJwkInjectionToken(user: LabUser, now: number): Promise<string> {
  // The lab's issuer embeds its own public key, as some libraries do "for convenience".
  return signLabEdDsaToken(labClaimsFor(user, now), { jwk: (await labSigningKey()).publicJwk });
}

export const issueJkuInjectionToken = (user: LabUser, now: number, origin: string) =>
  signLabEdDsaToken(labClaimsFor(user, now), { jku: `${origin}${LAB_JWKS_PATH}` });

export async function issueKidInjectionToken(user: LabUser, now: number): Promise<string> {
  const { key } = readKeyFileNamedByKid(forgeryMaterial().keyTree, LAB_HMAC_KEY_FILE);
  if (key === null) throw new Error(`the lab key tree has no ${KEY_DIRECTORY}/${LAB_HMAC_KEY_FILE}`);
  return signHs256({ alg: 'HS256', typ: 'JWT', kid: LAB_HMAC_KEY_FILE }, labClaimsFor(user, now), key);
}

/** Case 16's careless login: the usual claims plus the user record's email and password hash. */
export const issueSensitivePayloadToken = (user: { id: string; username: string; role: LabUser['role'] }, now: number) =>
  signLabEdDsaToken({ ...labClaimsFor({ sub: user.id, username: user.username, role: user.role }, now), ...sensitiveClaimsFor(user) });

/** The app's JWKS exactly as GET /.well-known/jwks.json serves it (Response.json stringifies alike). */
async function publishedJwksText(ctx: RequestContext): Promise<string> {
  return JSON.stringify(buildJwks((await ctx.app.keys.get(ctx.store)).keySet));
}

export const WEAK_VERIFIERS = {
  'unverified-claims': async (token: string, ctx: RequestContext): Promise<WeakVerification> => verifyWithoutSignature(token, ctx.now),
  'alg-none': async (token: string, ctx: RequestContext) => verifyAlgFromHeader(token, (await labSigningKey()).publicKey, ctx.now),
  'weak-hmac-secret': (token: string, ctx: RequestContext) => verifyWithWordSecret(token, forgeryMaterial().secretWord, ctx.now),
  'jwk-injection': (token: string, ctx: RequestContext) => verifyWithEmbeddedJwk(token, ctx.now),
  'jku-injection': (token: string, ctx: RequestContext) =>
    verifyWithKeySetFromJku(token, ctx.now, (url) => fetchKeySetFromOwnOrigin(url, ownLoopbackOrigin())),
  'kid-injection': (token: string, ctx: RequestContext) => verifyWithKidPath(token, forgeryMaterial().keyTree, ctx.now),
  'algorithm-confusion': async (token: string, ctx: RequestContext) =>
    verifyWithUnpinnedPublicKey(token, await publishedJwksText(ctx), ctx.now),
  'sensitive-payload': async (token: string, ctx: RequestContext) => verifyLabToken(token, (await labSigningKey()).publicKey, ctx.now),
} as const;
