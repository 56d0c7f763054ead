/**
 * Configuration, parsed and validated in one place. This module is pure: it receives the
 * environment as a plain object and a secret generator, so it can be tested without touching
 * `process.env`. `lib/server/config.ts` is the only module that reads the real environment.
 */
import { isWellFormedKid } from '@/lib/jwt/kid';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  LOGIN_MAX_FAILURES_PER_ACCOUNT,
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT,
  LOGIN_MAX_FAILURES_PER_CLIENT,
  LOGIN_THROTTLE_WINDOW_SECONDS,
  SESSION_ABSOLUTE_TIMEOUT_SECONDS,
  SESSION_IDLE_TIMEOUT_SECONDS,
  TRUSTED_PROXY_HOPS,
  type BoundedCount,
  type BoundedSeconds,
} from '@/lib/policy';
import { DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { DEFAULT_DEMO_USERS } from '@/lib/users/demo-users';
import type { LoginThrottlePolicy } from '@/lib/users/login-throttle';
import type { DemoUserInput } from '@/lib/users/users';
import { MAX_PASSWORD_LENGTH, parseDemoUsers } from '@/lib/users/users';

export type Environment = Record<string, string | undefined>;

type StoreConfig = { driver: 'memory' } | { driver: 'redis'; url: string } | { driver: 'upstash'; url: string; token: string };

export interface AppConfig {
  mode: 'development' | 'production' | 'test';
  port: number;
  /**
   * iron-session passwords keyed by numeric id. The highest id seals new cookies; every id still
   * listed can unseal, which is how the password rotates without logging everybody out.
   */
  sessionPasswords: Record<string, string>;
  store: StoreConfig;
  /** Private signing keys as JWKs; null means "generate once and keep in the store". */
  jwtPrivateKeys: JsonWebKeyWithId[] | null;
  /**
   * Encrypts the current signing key's private part in the store (SIGNING_KEY_SECRET). Null only
   * with JWT_PRIVATE_KEYS: then no private part is ever written to the store.
   */
  signingKeySecret: string | null;
  demoUsers: DemoUserInput[];
  /** The app's public origin when it sits behind a proxy that rewrites Host; null: use Host. */
  publicOrigin: string | null;
  /**
   * Host names (ALLOWED_HOSTS, comma-separated) the app answers to besides IP literals and
   * localhost, when PUBLIC_ORIGIN is unset; any other Host is refused (DNS rebinding).
   */
  allowedHosts: string[];
  /** Names this process on the dashboard, so a presenter can show which instance answered. */
  instanceId: string | null;
  /** Initial access-token lifetime until an admin changes it at runtime (ACCESS_TOKEN_TTL_SECONDS). */
  accessTokenTtlSeconds: number;
  /** Session timeouts (SESSION_IDLE_TIMEOUT_SECONDS, SESSION_ABSOLUTE_TIMEOUT_SECONDS). */
  sessionIdleTimeoutSeconds: number;
  sessionAbsoluteTimeoutSeconds: number;
  /** Failed-login limits (LOGIN_THROTTLE_WINDOW_SECONDS, LOGIN_MAX_FAILURES_*). */
  loginThrottle: LoginThrottlePolicy;
  /** How many X-Forwarded-For entries, from the right, proxies we trust wrote (TRUSTED_PROXY_HOPS); 0: ignore the header. */
  trustedProxyHops: number;
  /**
   * BENCH_ROUTES=1 serves the reference routes under /api/bench (a no-auth baseline and the
   * minimal library-only routes) that `npm run bench` compares the app against; off (404) otherwise.
   */
  benchRoutes: boolean;
  /**
   * The attack lab (/lab, /api/lab): deliberately weak verifiers and cookies, beside the real
   * flows. On by default, since teaching is what the app is for; LAB_ENABLED=0 makes every lab
   * page and lab API answer 404, for a deployment that should show only the real flows.
   */
  labEnabled: boolean;
  /**
   * ORDERS_SERVICE_PATH: where the resource service (services/orders) answers on this app's own
   * origin, behind the same load balancer (e.g. `/orders`). The dashboard's third race lane polls
   * it; null (unset) means no resource service runs here, and the lane says how to start one.
   */
  ordersServicePath: string | null;
}

export interface JsonWebKeyWithId {
  kty: string;
  kid: string;
  alg?: string;
  crv?: string;
  d: string;
  x?: string;
  y?: string;
}

export interface ParsedConfig {
  config: AppConfig;
  /** Things the console should tell a developer once at startup (never the secrets themselves). */
  notices: string[];
}

/** A configuration mistake, with a message that says how to fix it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const MIN_SESSION_PASSWORD_LENGTH = 32;
const GENERATE_HINT = 'generate one with: openssl rand -base64 32';
const PLACEHOLDER_PATTERN = /change[-_ ]?me|replace[-_ ]?me|example|placeholder|secret{2,}|password/i;

function parseMode(value: string | undefined): AppConfig['mode'] {
  if (value === 'production' || value === 'test') return value;
  return 'development';
}

function checkSecret(label: string, secret: string): void {
  if (secret.length < MIN_SESSION_PASSWORD_LENGTH) {
    throw new ConfigError(`${label} must be at least ${MIN_SESSION_PASSWORD_LENGTH} characters; ${GENERATE_HINT}`);
  }
  if (PLACEHOLDER_PATTERN.test(secret) || new Set(secret).size < 10) {
    throw new ConfigError(`${label} looks like a placeholder or has too little variety to be a secret; ${GENERATE_HINT}`);
  }
}

function checkSessionPassword(id: string, password: string): void {
  checkSecret(id === '1' ? 'SESSION_PASSWORD' : `SESSION_PASSWORD (id ${id})`, password);
}

/**
 * SIGNING_KEY_SECRET: required in production unless the keys come from JWT_PRIVATE_KEYS (then the
 * store never holds a private part and the secret is not used). In development a missing one is
 * generated for this process, like SESSION_PASSWORD.
 */
function parseSigningKeySecret(
  raw: string | undefined,
  mode: AppConfig['mode'],
  keysConfigured: boolean,
  generateSecret: () => string,
  notices: string[],
): string | null {
  const secret = raw?.trim() ?? '';
  if (secret !== '') {
    checkSecret('SIGNING_KEY_SECRET', secret);
    return keysConfigured ? null : secret;
  }
  if (keysConfigured) return null;
  if (mode === 'production') {
    throw new ConfigError(
      `SIGNING_KEY_SECRET is required in production to encrypt the signing key kept in the store (at least ${MIN_SESSION_PASSWORD_LENGTH} characters, the same on every instance); ${GENERATE_HINT}. Or give the keys in JWT_PRIVATE_KEYS.`,
    );
  }
  notices.push(
    'SIGNING_KEY_SECRET is not set: generated an ephemeral one for this process. A signing key left in a persistent store by an earlier run cannot be decrypted: it is replaced by a fresh one (its tokens keep verifying). Instances sharing a store need the same SIGNING_KEY_SECRET.',
  );
  return generateSecret();
}

/**
 * SESSION_PASSWORD is either one password (id 1) or a JSON object of numbered passwords,
 * e.g. {"2":"<new>","1":"<old>"}: the highest id seals, all of them unseal.
 */
export function parseSessionPasswords(raw: string): Record<string, string> {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{')) {
    checkSessionPassword('1', trimmed);
    return { '1': trimmed };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new ConfigError('SESSION_PASSWORD starts with "{" but is not valid JSON; use {"2":"<new>","1":"<old>"} or a single password');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('SESSION_PASSWORD as JSON must be an object of numbered passwords, e.g. {"2":"<new>","1":"<old>"}');
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) throw new ConfigError('SESSION_PASSWORD lists no passwords');
  const passwords: Record<string, string> = {};
  for (const [id, password] of entries) {
    if (!/^[1-9][0-9]{0,5}$/.test(id)) throw new ConfigError(`SESSION_PASSWORD id "${id}" must be a positive integer`);
    if (typeof password !== 'string') throw new ConfigError(`SESSION_PASSWORD id ${id} must be a string`);
    checkSessionPassword(id, password);
    passwords[id] = password;
  }
  return passwords;
}

function parseStore(env: Environment): StoreConfig {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const upstashUrl = env.UPSTASH_REDIS_REST_URL?.trim() || undefined;
  const upstashToken = env.UPSTASH_REDIS_REST_TOKEN?.trim() || undefined;
  if (redisUrl && (upstashUrl || upstashToken)) {
    throw new ConfigError('Both REDIS_URL and UPSTASH_REDIS_REST_URL are set; choose one store (unset the other)');
  }
  if (redisUrl) {
    if (!/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
      throw new ConfigError('REDIS_URL must look like redis://host:6379 or rediss://user:password@host:6380');
    }
    return { driver: 'redis', url: redisUrl };
  }
  if (upstashUrl || upstashToken) {
    if (!upstashUrl || !upstashToken) {
      throw new ConfigError(
        'Upstash needs both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (from the Upstash console, "REST API" section)',
      );
    }
    let url: URL;
    try {
      url = new URL(upstashUrl);
    } catch {
      throw new ConfigError('UPSTASH_REDIS_REST_URL must be a URL such as https://eu1-example-12345.upstash.io');
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      throw new ConfigError('UPSTASH_REDIS_REST_URL must use https:// (plain http is accepted only on loopback, for local testing)');
    }
    return { driver: 'upstash', url: upstashUrl.replace(/\/+$/, ''), token: upstashToken };
  }
  return { driver: 'memory' };
}

function parseJwtPrivateKeys(raw: string | undefined): JsonWebKeyWithId[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('JWT_PRIVATE_KEYS must be JSON: an array of private JWKs (or {"keys":[...]}), each with a "kid"');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ConfigError('JWT_PRIVATE_KEYS must list at least one private JWK');
  }
  const kids = new Set<string>();
  return list.map((key, index) => {
    const jwk = key as Partial<JsonWebKeyWithId> | null;
    const where = `JWT_PRIVATE_KEYS[${index}]`;
    if (typeof jwk !== 'object' || jwk === null) throw new ConfigError(`${where} must be a JWK object`);
    if (typeof jwk.kid !== 'string' || !isWellFormedKid(jwk.kid)) {
      throw new ConfigError(`${where} needs a "kid" of 1-64 letters, digits, ".", "_" or "-"`);
    }
    if (kids.has(jwk.kid)) throw new ConfigError(`${where} repeats kid "${jwk.kid}"`);
    kids.add(jwk.kid);
    const ed25519 = jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
    const p256 = jwk.kty === 'EC' && jwk.crv === 'P-256';
    if (!ed25519 && !p256) {
      throw new ConfigError(`${where} must be an Ed25519 (kty OKP) or P-256 (kty EC) key; symmetric and RSA keys are not accepted`);
    }
    if (typeof jwk.d !== 'string' || typeof jwk.x !== 'string' || (p256 && typeof jwk.y !== 'string')) {
      throw new ConfigError(`${where} must be a private key (with "d" and its public part)`);
    }
    return jwk as JsonWebKeyWithId;
  });
}

function parseInteger(env: Environment, name: string, { defaultValue, min, max }: BoundedCount, unit: string): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return defaultValue;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (${unit}), got "${raw}"`);
  return value;
}

const parseSeconds = (env: Environment, name: string, bounds: BoundedSeconds) => parseInteger(env, name, bounds, 'seconds');

function parseLoginThrottle(env: Environment): LoginThrottlePolicy {
  return {
    windowSeconds: parseSeconds(env, 'LOGIN_THROTTLE_WINDOW_SECONDS', LOGIN_THROTTLE_WINDOW_SECONDS),
    maxFailuresPerAccount: parseInteger(
      env,
      'LOGIN_MAX_FAILURES_PER_ACCOUNT',
      LOGIN_MAX_FAILURES_PER_ACCOUNT,
      'failed logins; 0 is no limit',
    ),
    maxFailuresPerAccountAndClient: parseInteger(
      env,
      'LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT,
      'failed logins',
    ),
    maxFailuresPerClient: parseInteger(env, 'LOGIN_MAX_FAILURES_PER_CLIENT', LOGIN_MAX_FAILURES_PER_CLIENT, 'failed logins'),
  };
}

const MIN_ADMIN_PASSWORD_LENGTH = 12;

/**
 * The accounts that can log in. DEMO_USERS replaces the built-in ones. Otherwise the public demo
 * accounts, whose passwords are printed on the login cards: in production the admin among them
 * (who can revoke everyone and slow the store down) only opens with a password of the operator's
 * own, ADMIN_PASSWORD; without it the admin account is disabled and the users alone stay open, so
 * the demo still runs for learners.
 */
function parseDemoAccounts(env: Environment, mode: AppConfig['mode'], notices: string[]): DemoUserInput[] {
  const adminPassword = env.ADMIN_PASSWORD !== undefined && env.ADMIN_PASSWORD !== '' ? env.ADMIN_PASSWORD : null;
  if (env.DEMO_USERS !== undefined && env.DEMO_USERS.trim() !== '') {
    const result = parseDemoUsers(env.DEMO_USERS);
    if (!result.ok) throw new ConfigError(`DEMO_USERS: ${result.message}`);
    if (adminPassword !== null) notices.push('ADMIN_PASSWORD is ignored: DEMO_USERS defines every account, the admin included.');
    return result.users;
  }
  if (adminPassword !== null && (adminPassword.length < MIN_ADMIN_PASSWORD_LENGTH || adminPassword.length > MAX_PASSWORD_LENGTH)) {
    throw new ConfigError(
      `ADMIN_PASSWORD must be ${MIN_ADMIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} characters; generate one with: openssl rand -base64 18`,
    );
  }
  const users = DEFAULT_DEMO_USERS.filter((user) => user.role !== 'admin').map((user) => user.username);
  const open = `Public demo accounts open: ${users.join(', ')}.`;
  if (adminPassword !== null) {
    const publicPassword = adminPassword === DEMO_ADMIN.password;
    notices.push(
      `${open} Admin: ${DEMO_ADMIN.username}, with the password from ADMIN_PASSWORD${publicPassword ? ', which is the public demo password: anyone who has read the README can sign in as admin' : ''}.`,
    );
    return DEFAULT_DEMO_USERS.map((user) =>
      user.role === 'admin' ? { id: user.id, username: user.username, role: user.role, password: adminPassword } : user,
    );
  }
  if (mode === 'production') {
    notices.push(
      `${open} Admin: disabled until ADMIN_PASSWORD (at least ${MIN_ADMIN_PASSWORD_LENGTH} characters) or DEMO_USERS is set. Set DEMO_USERS for a real workshop.`,
    );
    return DEFAULT_DEMO_USERS.filter((user) => user.role !== 'admin');
  }
  notices.push(
    `${open} Admin: ${DEMO_ADMIN.username}, with the public demo password (development only: in production the admin needs ADMIN_PASSWORD).`,
  );
  return DEFAULT_DEMO_USERS;
}

function parseFlag(env: Environment, name: string, byDefault = false): boolean {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return byDefault;
  if (raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`${name} must be 1 (on) or 0 (off), got "${raw}"`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`PORT must be an integer from 1 to 65535, got "${raw}"`);
  return port;
}

function parsePublicOrigin(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  try {
    const url = new URL(raw.trim());
    if (url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '')) throw new Error();
    return url.origin;
  } catch {
    throw new ConfigError(
      `PUBLIC_ORIGIN must be an origin such as https://demo.example.org (scheme, host, optional port; no path), got "${raw}"`,
    );
  }
}

/** ALLOWED_HOSTS: bare host names, lowercased; a scheme, path or port is a mistake worth stopping for. */
function parseAllowedHosts(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const host = entry.trim().toLowerCase();
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host)) {
      throw new ConfigError(
        `ALLOWED_HOSTS must be comma-separated host names such as demo.example.org (no scheme or port), got "${entry.trim()}"`,
      );
    }
    return host;
  });
}

/**
 * A same-origin path: the browser must send the access-token cookie, so another origin (or a
 * protocol-relative `//host`) would silently send nothing, and a query or `..` has no place here.
 */
function parseOrdersServicePath(raw: string | undefined): string | null {
  const path = raw?.trim() ?? '';
  if (path === '') return null;
  if (!/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(path) || path.split('/').some((part) => part === '.' || part === '..')) {
    throw new ConfigError(
      `ORDERS_SERVICE_PATH must be a path on this app's own origin, such as /orders (letters, digits, ".", "_", "~", "-" between slashes; no scheme, host, query or trailing slash), got "${path}"`,
    );
  }
  return path;
}

/** The part of the configuration the page proxy needs: which Host values the app answers to. */
export function parseHostGate(env: Environment): { publicOrigin: string | null; allowedHosts: string[] } {
  return { publicOrigin: parsePublicOrigin(env.PUBLIC_ORIGIN), allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS) };
}

/**
 * Reads and validates the whole configuration.
 *
 * In development a missing SESSION_PASSWORD is generated for this process only (cookies stop
 * working on restart, which is fine for a demo) and a notice says so. In production a missing or
 * weak secret is a ConfigError, so the server refuses to start.
 */
export function parseConfig(env: Environment, generateSecret: () => string): ParsedConfig {
  const notices: string[] = [];
  const mode = parseMode(env.NODE_ENV);
  const rawPassword = env.SESSION_PASSWORD;
  let sessionPasswords: Record<string, string>;
  if (rawPassword === undefined || rawPassword.trim() === '') {
    if (mode === 'production') {
      throw new ConfigError(
        `SESSION_PASSWORD is required in production (at least ${MIN_SESSION_PASSWORD_LENGTH} characters); ${GENERATE_HINT}`,
      );
    }
    sessionPasswords = { '1': generateSecret() };
    notices.push(
      'SESSION_PASSWORD is not set: generated an ephemeral one for this process. Session cookies will not survive a restart and other instances cannot read them. Set SESSION_PASSWORD to keep them.',
    );
  } else {
    sessionPasswords = parseSessionPasswords(rawPassword);
  }

  const store = parseStore(env);
  if (store.driver === 'memory') {
    notices.push(
      'Store: in-memory (single instance only). Set REDIS_URL or UPSTASH_REDIS_REST_URL + UPSTASH_REDIS_REST_TOKEN to share state between instances.',
    );
  }

  const jwtPrivateKeys = parseJwtPrivateKeys(env.JWT_PRIVATE_KEYS);
  if (jwtPrivateKeys === null) {
    notices.push(
      `JWT_PRIVATE_KEYS is not set: a signing key is generated once and kept in the ${store.driver} store${store.driver === 'memory' ? ' (lost on restart)' : ', shared by every instance'}.`,
    );
  }

  const signingKeySecret = parseSigningKeySecret(env.SIGNING_KEY_SECRET, mode, jwtPrivateKeys !== null, generateSecret, notices);

  const demoUsers = parseDemoAccounts(env, mode, notices);

  const instanceId = env.INSTANCE_ID?.trim() || null;
  if (instanceId !== null && !/^[A-Za-z0-9._-]{1,40}$/.test(instanceId)) {
    throw new ConfigError('INSTANCE_ID must be 1-40 letters, digits, ".", "_" or "-"');
  }

  const accessTokenTtlSeconds = parseSeconds(env, 'ACCESS_TOKEN_TTL_SECONDS', ACCESS_TOKEN_TTL_SECONDS);
  const sessionIdleTimeoutSeconds = parseSeconds(env, 'SESSION_IDLE_TIMEOUT_SECONDS', SESSION_IDLE_TIMEOUT_SECONDS);
  const sessionAbsoluteTimeoutSeconds = parseSeconds(env, 'SESSION_ABSOLUTE_TIMEOUT_SECONDS', SESSION_ABSOLUTE_TIMEOUT_SECONDS);
  if (sessionIdleTimeoutSeconds > sessionAbsoluteTimeoutSeconds) {
    throw new ConfigError('SESSION_IDLE_TIMEOUT_SECONDS must not be longer than SESSION_ABSOLUTE_TIMEOUT_SECONDS');
  }

  return {
    config: {
      mode,
      port: parsePort(env.PORT),
      sessionPasswords,
      store,
      jwtPrivateKeys,
      signingKeySecret,
      demoUsers,
      ...parseHostGate(env),
      instanceId,
      accessTokenTtlSeconds,
      sessionIdleTimeoutSeconds,
      sessionAbsoluteTimeoutSeconds,
      loginThrottle: parseLoginThrottle(env),
      trustedProxyHops: parseInteger(env, 'TRUSTED_PROXY_HOPS', TRUSTED_PROXY_HOPS, 'proxies'),
      benchRoutes: parseFlag(env, 'BENCH_ROUTES'),
      labEnabled: parseFlag(env, 'LAB_ENABLED', true),
      ordersServicePath: parseOrdersServicePath(env.ORDERS_SERVICE_PATH),
    },
    notices,
  };
}
