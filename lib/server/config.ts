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

/**
 * Where this server listens, for its warm-up requests to itself: Next sets these once it listens.
 * `localhost` becomes 127.0.0.1, which a server bound to all interfaces answers on every machine
 * (`localhost` may resolve to ::1 first). Null when unknown (not under `next start`/`next dev`).
 */
export function listeningOriginFromEnvironment(): string | null {
  const announced = process.env.__NEXT_PRIVATE_ORIGIN;
  if (announced) {
    try {
      const url = new URL(announced);
      if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
      return url.origin;
    } catch {
      // Fall through to the port alone.
    }
  }
  return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
}
