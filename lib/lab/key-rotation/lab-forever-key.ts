import 'server-only';
import { makeForeverKey, type ForeverKey } from './forever-key';

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtLabForeverKey?: Promise<ForeverKey> };

/** This process's one weak key for case 12 (made at first use, never replaced). */
export function labForeverKey(): Promise<ForeverKey> {
  globalForLab.__sessionVsJwtLabForeverKey ??= makeForeverKey();
  return globalForLab.__sessionVsJwtLabForeverKey;
}
