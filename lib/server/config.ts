import 'server-only';
import { randomBytes } from 'node:crypto';
import { parseConfig, parseHostGate, type AppConfig } from '@/lib/config/config';

/**
 * The validated configuration of this process: the only place that reads `process.env`. Throws a
 * ConfigError (with how to fix it) for a missing or weak secret in production.
 */
export function loadConfigFromEnvironment(): AppConfig {
  const { config, notices } = parseConfig(process.env, () => randomBytes(32).toString('base64url'));
  for (const notice of notices) console.warn(`[session-vs-jwt] ${notice}`);
  return config;
}

/** PUBLIC_ORIGIN and ALLOWED_HOSTS only: for proxy.ts, which must not build the app or repeat its notices. */
export function loadHostGateFromEnvironment(): ReturnType<typeof parseHostGate> {
  return parseHostGate(process.env);
}
