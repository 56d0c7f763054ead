import 'server-only';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppConfig } from '@/lib/config/config';
import type { LibraryCosts } from '@/lib/costs/library-costs';
import { createWarmth, type Warmth } from '@/lib/costs/warmth';
import { createEventBus, type EventBus } from '@/lib/events/event-bus';
import { createKeyCache, type KeyCache } from '@/lib/jwt/key-cache';
import { createPrivateKeySeal } from '@/lib/jwt/private-key-seal';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { startInstanceReports } from '@/lib/settings/instance-roster';
import { createSettingsCache, type SettingsCache } from '@/lib/settings/settings-cache';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import { withSimulatedLatency } from '@/lib/store/simulated-latency';
import type { Store } from '@/lib/store/store';
import { storeCommandMeter } from '@/lib/store/command-meter';
import { createUpstashStore } from '@/lib/store/upstash-store';
import { createUserDirectory, type UserDirectory } from '@/lib/users/user-directory';
import { loadConfigFromEnvironment } from './config';

/**
 * Everything one server process holds, built in one place from factories: the configuration, the
 * store (with the simulated latency), the users, and the caches and the event bus that keep this
 * process in step with the others. Requests reach it through their context; nothing else keeps
 * process state.
 */
export interface ServerApp {
  config: AppConfig;
  /** The wall clock (epoch ms); each request reads it once. */
  now: () => number;
  /** Names this process on the dashboard and in `X-Instance`: INSTANCE_ID, or host and pid. */
  instanceId: string;
  /** The shared store; requests use a timed view of it (see http/context.ts). */
  store: Store;
  /** The same store without the simulated latency: what "one store GET alone" is measured on. */
  driverStore: Store;
  /** Honest measuring: whether the process still runs cold, and the library calls alone (lib/costs). */
  costs: ServerCosts;
  users: UserDirectory;
  settings: SettingsCache;
  keys: KeyCache;
  events: EventBus;
}

interface ServerCosts {
  warmth: Warmth;
  /** Measured once at start, after warming up (lib/server/warm-up.ts); null until then. */
  library: LibraryCosts | null;
  /** Marks this process's own warm-up requests; random per process, so no client can send it. */
  warmUpToken: string;
}

function createDriverStore(config: AppConfig['store']): Store {
  if (config.driver === 'redis') return createRedisStore({ url: config.url });
  if (config.driver === 'upstash') return createUpstashStore({ url: config.url, token: config.token });
  return createMemoryStore();
}

export function createServerApp(input: {
  config: AppConfig;
  driverStore: Store;
  instanceId: string;
  now: () => number;
  timers: boolean;
  /** True for a server process, which warms itself up; false in tests, which are not measured. */
  startsCold?: boolean;
}): ServerApp {
  const { config, now } = input;
  // The simulated latency is a setting, and the settings live in the store: the store reads the
  // number the settings cache last adopted, so neither has to exist before the other.
  const latency = { ms: 0 };
  const store = withSimulatedLatency(input.driverStore, () => latency.ms);
  const manualTimers = input.timers ? {} : { every: () => () => {} };
  let instanceReports: { report(): Promise<void> } | undefined;
  const settings = createSettingsCache({
    store,
    defaults: { ...DEFAULT_SETTINGS, accessTokenTtlSeconds: config.accessTokenTtlSeconds },
    now,
    onChange: (adopted) => {
      latency.ms = adopted.storeLatencyMs;
      // Tell the roster at once, so the admin sees when this version reached this instance.
      storeCommandMeter.detached(() => void instanceReports?.report());
    },
    ...manualTimers,
  });
  const keys = createKeyCache({
    store,
    configuredKeys: config.jwtPrivateKeys,
    seal: config.signingKeySecret === null ? null : createPrivateKeySeal(config.signingKeySecret),
    // Production fails closed on a key it cannot decrypt; development replaces it (see key-cache.ts).
    replaceUnreadableKey: config.mode !== 'production',
    warn: (message) => console.warn(`[session-vs-jwt] ${message}`),
    now,
    ...manualTimers,
  });
  const events = createEventBus({ store, now, instanceId: input.instanceId, timers: input.timers });
  // A change on any instance reaches this one through the shared event log within about a second;
  // the caches' own background re-reads are the fallback should an event be lost.
  events.on('settings_changed', () => settings.reload());
  events.on('key_rotated', () => keys.reload());
  events.on('key_retired', () => keys.reload());
  if (input.timers) {
    // Background work on the driver store: neither the simulated latency nor a request's command count.
    instanceReports = storeCommandMeter.detached(() =>
      startInstanceReports({
        store: input.driverStore,
        id: input.instanceId,
        state: () => settings.state(),
        now,
        every: (ms, run) => {
          const timer = setInterval(() => storeCommandMeter.detached(run), ms);
          timer.unref?.();
          return () => clearInterval(timer);
        },
      }),
    );
  }
  const costs: ServerCosts = {
    warmth: createWarmth({ warm: input.startsCold !== true, now: now() }),
    library: null,
    warmUpToken: randomBytes(24).toString('base64url'),
  };
  return {
    config,
    now,
    instanceId: input.instanceId,
    store,
    driverStore: input.driverStore,
    costs,
    users: createUserDirectory(config.demoUsers),
    settings,
    keys,
    events,
  };
}

const globalForApp = globalThis as typeof globalThis & { __sessionVsJwtApp?: ServerApp };

/**
 * The one app of this process. Kept on `globalThis` so that Next's dev-mode module reloads keep
 * the memory store, the single Redis connection and the ephemeral session password (a second one
 * would silently log everyone out on every edit).
 */
export function getServerApp(): ServerApp {
  if (globalForApp.__sessionVsJwtApp) return globalForApp.__sessionVsJwtApp;
  const config = loadConfigFromEnvironment();
  const app = createServerApp({
    config,
    driverStore: createDriverStore(config.store),
    instanceId: config.instanceId ?? `${hostname()}:${process.pid}`,
    now: Date.now,
    timers: true,
    startsCold: true,
  });
  globalForApp.__sessionVsJwtApp = app;
  return app;
}
