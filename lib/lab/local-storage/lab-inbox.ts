import 'server-only';
import { AttackerInbox } from './attacker-inbox';

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtLabInbox?: AttackerInbox };

/** This process's attacker inbox for case 2 (memory only, bounded). */
export function labAttackerInbox(): AttackerInbox {
  globalForLab.__sessionVsJwtLabInbox ??= new AttackerInbox();
  return globalForLab.__sessionVsJwtLabInbox;
}
