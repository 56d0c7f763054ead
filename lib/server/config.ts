import 'server-only';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
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
 * Where the Costs view reads the latest bench report: BENCH_REPORT_PATH (tests point it at a
 * fixture or at nothing), by default docs/bench/latest.json, relative to the working directory.
 */
export function loadBenchReportPathFromEnvironment(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.BENCH_REPORT_PATH || 'docs/bench/latest.json');
}
