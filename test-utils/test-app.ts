import { randomBytes } from 'node:crypto';
import { parseConfig, type Environment } from '@/lib/config/config';
import { createServerApp, type ServerApp } from '@/lib/server/app';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';

/** A whole server app on the memory store, with no timers: what route tests run against. */
export function createTestApp(options: { env?: Environment; store?: Store; instanceId?: string } = {}): ServerApp {
  const { config } = parseConfig({ NODE_ENV: 'test', ...options.env }, () => randomBytes(32).toString('base64url'));
  return createServerApp({
    config,
    driverStore: options.store ?? createMemoryStore(),
    instanceId: options.instanceId ?? 'test-instance',
    now: Date.now,
    timers: false,
  });
}
