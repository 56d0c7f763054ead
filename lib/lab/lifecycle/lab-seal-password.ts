import 'server-only';
import { randomBytes } from 'node:crypto';

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtLabSealPassword?: string };

/**
 * The lab's iron-session password: 32 random bytes made once per process, never configured and
 * never stored, so no lab seal opens with the app's SESSION_PASSWORD or survives a restart.
 */
export function labSealPassword(): string {
  globalForLab.__sessionVsJwtLabSealPassword ??= randomBytes(32).toString('base64url');
  return globalForLab.__sessionVsJwtLabSealPassword;
}
