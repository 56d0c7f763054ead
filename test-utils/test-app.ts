import { randomBytes } from 'node:crypto';
import { parseConfig, type Environment } from '@/lib/config/config';
import { createServerApp, type ServerApp } from '@/lib/server/app';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';

/**
 * One signing-key secret per test run, so apps built on one store (two instances in a test) can
 * decrypt each other's signing key, as instances configured alike do. Never committed.
 */
const SIGNING_KEY_SECRET_FOR_THIS_RUN = randomBytes(32).toString('base64url');

/** A whole server app on the memory store, with no timers: what route tests run against. */
export function createTestApp(options: { env?: Environment; store?: Store; instanceId?: string; now?: () => number } = {}): ServerApp {
  const { config } = parseConfig({ NODE_ENV: 'test', SIGNING_KEY_SECRET: SIGNING_KEY_SECRET_FOR_THIS_RUN, ...options.env }, () =>
    randomBytes(32).toString('base64url'),
  );
  return createServerApp({
    config,
    driverStore: options.store ?? createMemoryStore(),
    instanceId: options.instanceId ?? 'test-instance',
    now: options.now ?? Date.now,
    timers: false,
  });
}

/**
 * Makes `app` the process app, so the real route modules (`app/api/**\/route.ts`, whose `route`
 * wrapper asks `getServerApp()` on every request) answer from it in an in-process test.
 */
export function serveRoutesFrom(app: ServerApp): void {
  (globalThis as { __sessionVsJwtApp?: ServerApp }).__sessionVsJwtApp = app;
}
