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
export function createTestApp(options: { env?: Environment; store?: Store; instanceId?: string } = {}): ServerApp {
  const { config } = parseConfig({ NODE_ENV: 'test', SIGNING_KEY_SECRET: SIGNING_KEY_SECRET_FOR_THIS_RUN, ...options.env }, () =>
    randomBytes(32).toString('base64url'),
  );
  return createServerApp({
    config,
    driverStore: options.store ?? createMemoryStore(),
    instanceId: options.instanceId ?? 'test-instance',
    now: Date.now,
    timers: false,
  });
}

/**
 * Makes `app` the process's app, the one `getServerApp()` returns (lib/server/app.ts keeps it on
 * `globalThis`): the real route modules in app/**\/route.ts then run against it in-process.
 * Returns the function that uninstalls it.
 */
export function installAsProcessApp(app: ServerApp): () => void {
  const holder = globalThis as typeof globalThis & { __sessionVsJwtApp?: ServerApp };
  holder.__sessionVsJwtApp = app;
  return () => {
    delete holder.__sessionVsJwtApp;
  };
}
