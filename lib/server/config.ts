import 'server-only';
import { randomBytes } from 'node:crypto';
import { parseConfig, type AppConfig } from '@/lib/config/config';

const globalForConfig = globalThis as typeof globalThis & { __sessionVsJwtConfig?: AppConfig };

/**
 * The validated configuration of this process: the only place that reads `process.env`. Parsed
 * once and kept on `globalThis`, so Next's dev-mode module reloads do not generate a second
 * ephemeral session password (which would silently log everyone out on every edit).
 */
export function getConfig(): AppConfig {
  if (globalForConfig.__sessionVsJwtConfig) return globalForConfig.__sessionVsJwtConfig;
  const { config, notices } = parseConfig(process.env, () => randomBytes(32).toString('base64url'));
  for (const notice of notices) console.warn(`[session-vs-jwt] ${notice}`);
  globalForConfig.__sessionVsJwtConfig = config;
  return config;
}
