import 'server-only';
import { FlaglessAccounts } from './flagless-accounts';

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtLabFlagless?: FlaglessAccounts };

export function labFlaglessAccounts(): FlaglessAccounts {
  globalForLab.__sessionVsJwtLabFlagless ??= new FlaglessAccounts();
  return globalForLab.__sessionVsJwtLabFlagless;
}
