import { LAB_AUDIENCE, LAB_ISSUER } from '../lab-identity';
import type { JsonObject } from './compact-jws';
import { LAB_TOKEN_TTL_SECONDS, type LabRole, type LabUser } from './lab-users';

export type LabClaimsCheck = { ok: true; user: LabUser & JsonObject } | { ok: false; message: string };

/** The registered claims of a lab token issued at `now` (ms) for `user`. */
export function labClaimsFor(user: LabUser, now: number): JsonObject {
  const iat = Math.floor(now / 1000);
  return {
    iss: LAB_ISSUER,
    aud: LAB_AUDIENCE,
    sub: user.sub,
    username: user.username,
    role: user.role,
    iat,
    exp: iat + LAB_TOKEN_TTL_SECONDS,
  };
}

/**
 * The claim checks every weak verifier does get right (issuer, audience, expiry, a user and a
 * role), once its own flawed signature check has passed: each case shows one mistake only.
 * `issuer: null` skips issuer and audience (case 9's service reads the app's own tokens).
 */
export function checkLabClaims(
  payload: JsonObject,
  now: number,
  options: { issuer: string | null } = { issuer: LAB_ISSUER },
): LabClaimsCheck {
  if (options.issuer !== null) {
    if (payload.iss !== options.issuer) return { ok: false, message: `issuer is not ${options.issuer}` };
    if (payload.aud !== LAB_AUDIENCE) return { ok: false, message: `audience is not ${LAB_AUDIENCE}` };
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now) return { ok: false, message: 'expired, or no exp' };
  const { sub, username, role } = payload;
  if (typeof sub !== 'string' || typeof username !== 'string') return { ok: false, message: 'sub or username missing' };
  if (role !== 'user' && role !== 'admin') return { ok: false, message: 'role is neither user nor admin' };
  // Who, first; then every other claim, as a careless API echoes them (case 16 shows why that hurts).
  return { ok: true, user: { sub, username, role: role satisfies LabRole, ...payload } };
}
