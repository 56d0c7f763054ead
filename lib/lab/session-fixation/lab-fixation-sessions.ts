import 'server-only';
import { FixationSessions } from './fixation-sessions';

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtLabFixation?: FixationSessions };

/** This process's weak session table for case 15 (memory only; a restart forgets it). */
export function labFixationSessions(): FixationSessions {
  globalForLab.__sessionVsJwtLabFixation ??= new FixationSessions(1000);
  return globalForLab.__sessionVsJwtLabFixation;
}
