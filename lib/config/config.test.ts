import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseSessionPasswords } from './config';

const STRONG = 'k3J9x-Qp7Lm2Vb8Nc4Rt6Yw1Zs5Hd0Fa';
const generated = () => 'GENERATED-ephemeral-0123456789abcdefXYZ';
const SIGNING_SECRET = 'Zq8-Wm3Tx7Kp1Rb5Nv9Lc2Hd6Gf4Js0Ya';
const ED25519_JWK = { kty: 'OKP', crv: 'Ed25519', kid: 'k1', x: 'pub', d: 'priv' };

describe('parseConfig', () => {
  it('runs on a fresh machine: memory store, generated session password, and says so', () => {
    const { config, notices } = parseConfig({}, generated);
    expect(config.mode).toBe('development');
    expect(config.store).toEqual({ driver: 'memory' });
    expect(config.sessionPasswords).toEqual({ '1': generated() });
    expect(config.port).toBe(3000);
    expect(config.jwtPrivateKeys).toBeNull();
    expect(config.demoUsers.map((u) => u.username)).toEqual(['alice', 'bob', 'admin']);
    expect(notices.join('\n')).toMatch(/SESSION_PASSWORD is not set: generated an ephemeral one/);
    expect(notices.join('\n')).toMatch(/single instance only/);
    // The notice must never print the secret itself.
    expect(notices.join('\n')).not.toContain(generated());
  });

  it('refuses to start in production without SESSION_PASSWORD and says how to make one', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' }, generated)).toThrow(ConfigError);
    expect(() => parseConfig({ NODE_ENV: 'production' }, generated)).toThrow(/openssl rand -base64 32/);
  });

  it.each([
    ['too short', 'short-secret'],
    ['a placeholder', 'change-me-change-me-change-me-change-me'],
    ['one repeated character', 'a'.repeat(40)],
  ])('refuses a weak SESSION_PASSWORD (%s), in production and in development', (_, weak) => {
    expect(() => parseConfig({ NODE_ENV: 'production', SESSION_PASSWORD: weak }, generated)).toThrow(ConfigError);
    expect(() => parseConfig({ SESSION_PASSWORD: weak }, generated)).toThrow(ConfigError);
  });

  it('accepts a strong password in production', () => {
    const { config } = parseConfig({ NODE_ENV: 'production', SESSION_PASSWORD: STRONG, SIGNING_KEY_SECRET: SIGNING_SECRET }, generated);
    expect(config.sessionPasswords).toEqual({ '1': STRONG });
  });

  it('refuses to start in production without SIGNING_KEY_SECRET, unless the keys come from JWT_PRIVATE_KEYS', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', SESSION_PASSWORD: STRONG }, generated)).toThrow(/SIGNING_KEY_SECRET is required/);
    const configured = parseConfig(
      { NODE_ENV: 'production', SESSION_PASSWORD: STRONG, JWT_PRIVATE_KEYS: JSON.stringify([ED25519_JWK]) },
      generated,
    );
    // The store never holds a private part then, so there is nothing to encrypt.
    expect(configured.config.signingKeySecret).toBeNull();
    expect(
      parseConfig({ NODE_ENV: 'production', SESSION_PASSWORD: STRONG, SIGNING_KEY_SECRET: SIGNING_SECRET }, generated).config
        .signingKeySecret,
    ).toBe(SIGNING_SECRET);
  });

  it.each([
    ['too short', 'short-secret'],
    ['a placeholder', 'replace-me-replace-me-replace-me-replace-me'],
  ])('refuses a weak SIGNING_KEY_SECRET (%s)', (_, weak) => {
    expect(() => parseConfig({ SIGNING_KEY_SECRET: weak }, generated)).toThrow(/SIGNING_KEY_SECRET/);
  });

  it('generates an ephemeral SIGNING_KEY_SECRET in development, with a notice that never shows it', () => {
    const { config, notices } = parseConfig({}, generated);
    expect(config.signingKeySecret).toBe(generated());
    const notice = notices.find((n) => n.includes('SIGNING_KEY_SECRET'));
    expect(notice).toMatch(/ephemeral/);
    expect(notices.join('\n')).not.toContain(generated());
  });

  it('selects the redis driver from REDIS_URL', () => {
    expect(parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, generated).config.store).toEqual({
      driver: 'redis',
      url: 'redis://127.0.0.1:6379',
    });
    expect(() => parseConfig({ REDIS_URL: 'http://nope' }, generated)).toThrow(/REDIS_URL/);
  });

  it('selects the upstash driver from its URL and token, and wants both', () => {
    const env = { UPSTASH_REDIS_REST_URL: 'https://eu1-demo.upstash.io/', UPSTASH_REDIS_REST_TOKEN: 'tok' };
    expect(parseConfig(env, generated).config.store).toEqual({ driver: 'upstash', url: 'https://eu1-demo.upstash.io', token: 'tok' });
    expect(() => parseConfig({ UPSTASH_REDIS_REST_URL: 'https://eu1-demo.upstash.io' }, generated)).toThrow(/both/);
    expect(() => parseConfig({ UPSTASH_REDIS_REST_URL: 'http://example.org', UPSTASH_REDIS_REST_TOKEN: 't' }, generated)).toThrow(/https/);
    expect(
      parseConfig({ UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:8080', UPSTASH_REDIS_REST_TOKEN: 't' }, generated).config.store.driver,
    ).toBe('upstash');
  });

  it('refuses two stores at once', () => {
    expect(() =>
      parseConfig({ REDIS_URL: 'redis://x', UPSTASH_REDIS_REST_URL: 'https://y', UPSTASH_REDIS_REST_TOKEN: 't' }, generated),
    ).toThrow(/choose one/);
  });

  it('validates PORT, PUBLIC_ORIGIN and INSTANCE_ID', () => {
    expect(parseConfig({ PORT: '4000' }, generated).config.port).toBe(4000);
    expect(() => parseConfig({ PORT: 'eighty' }, generated)).toThrow(/PORT/);
    expect(parseConfig({ PUBLIC_ORIGIN: 'https://demo.example.org' }, generated).config.publicOrigin).toBe('https://demo.example.org');
    expect(() => parseConfig({ PUBLIC_ORIGIN: 'https://demo.example.org/app' }, generated)).toThrow(/PUBLIC_ORIGIN/);
    expect(() => parseConfig({ INSTANCE_ID: 'has spaces' }, generated)).toThrow(/INSTANCE_ID/);
  });

  it('reads ALLOWED_HOSTS as lowercased host names and refuses a scheme or a port', () => {
    expect(parseConfig({}, generated).config.allowedHosts).toEqual([]);
    expect(parseConfig({ ALLOWED_HOSTS: 'Demo.Example.org, workshop.test' }, generated).config.allowedHosts).toEqual([
      'demo.example.org',
      'workshop.test',
    ]);
    expect(() => parseConfig({ ALLOWED_HOSTS: 'https://demo.example.org' }, generated)).toThrow(/ALLOWED_HOSTS/);
    expect(() => parseConfig({ ALLOWED_HOSTS: 'demo.example.org:443' }, generated)).toThrow(/ALLOWED_HOSTS/);
  });

  it('accepts private Ed25519 JWKs with kids and refuses symmetric or public-only keys', () => {
    const ed = { kty: 'OKP', crv: 'Ed25519', kid: 'k1', x: 'pub', d: 'priv' };
    expect(parseConfig({ JWT_PRIVATE_KEYS: JSON.stringify([ed]) }, generated).config.jwtPrivateKeys).toEqual([ed]);
    expect(parseConfig({ JWT_PRIVATE_KEYS: JSON.stringify({ keys: [ed] }) }, generated).config.jwtPrivateKeys).toHaveLength(1);
    expect(() => parseConfig({ JWT_PRIVATE_KEYS: JSON.stringify([{ kty: 'oct', kid: 'h', k: 'c2VjcmV0' }]) }, generated)).toThrow(
      /symmetric/,
    );
    expect(() => parseConfig({ JWT_PRIVATE_KEYS: JSON.stringify([{ ...ed, d: undefined }]) }, generated)).toThrow(/private/);
    expect(() => parseConfig({ JWT_PRIVATE_KEYS: JSON.stringify([ed, ed]) }, generated)).toThrow(/repeats/);
    expect(() => parseConfig({ JWT_PRIVATE_KEYS: '{oops' }, generated)).toThrow(/JSON/);
  });

  it('takes DEMO_USERS from the environment and reports its mistakes', () => {
    const { config } = parseConfig({ DEMO_USERS: '[{"username":"ada","role":"admin","password":"analytical"}]' }, generated);
    expect(config.demoUsers).toEqual([{ id: 'usr_ada', username: 'ada', role: 'admin', password: 'analytical' }]);
    expect(() => parseConfig({ DEMO_USERS: '[{"username":"ada"}]' }, generated)).toThrow(/DEMO_USERS: entry 0/);
  });
});

describe('parseConfig: the admin account in production', () => {
  const production = { NODE_ENV: 'production', SESSION_PASSWORD: STRONG, SIGNING_KEY_SECRET: SIGNING_SECRET };
  const usernames = (env: Record<string, string>) => parseConfig(env, generated).config.demoUsers.map((user) => user.username);

  it('disables the public demo admin without ADMIN_PASSWORD or DEMO_USERS, keeps the demo users open, and says exactly that', () => {
    const { config, notices } = parseConfig(production, generated);
    expect(config.demoUsers.map((user) => [user.username, user.role])).toEqual([
      ['alice', 'user'],
      ['bob', 'user'],
    ]);
    expect(notices).toContain(
      'Public demo accounts open: alice, bob. Admin: disabled until ADMIN_PASSWORD (at least 12 characters) or DEMO_USERS is set. Set DEMO_USERS for a real workshop.',
    );
  });

  it('opens the admin with ADMIN_PASSWORD, never with the public one, and never prints it', () => {
    const password = 'Tq4-long-admin-password';
    const { config, notices } = parseConfig({ ...production, ADMIN_PASSWORD: password }, generated);
    const admin = config.demoUsers.find((user) => user.role === 'admin');
    expect(admin).toEqual({ id: 'usr_admin', username: 'admin', role: 'admin', password });
    expect(notices).toContain('Public demo accounts open: alice, bob. Admin: admin, with the password from ADMIN_PASSWORD.');
    expect(notices.join('\n')).not.toContain(password);
  });

  it('warns when ADMIN_PASSWORD is the public demo password', () => {
    const { notices } = parseConfig({ ...production, ADMIN_PASSWORD: 'control-room' }, generated);
    expect(notices.join('\n')).toMatch(/ADMIN_PASSWORD, which is the public demo password/);
  });

  it('refuses an ADMIN_PASSWORD shorter than 12 characters, in every mode', () => {
    expect(() => parseConfig({ ...production, ADMIN_PASSWORD: 'short-pass' }, generated)).toThrow(
      /ADMIN_PASSWORD must be 12-256 characters/,
    );
    expect(() => parseConfig({ ADMIN_PASSWORD: 'short-pass' }, generated)).toThrow(ConfigError);
  });

  it('lets DEMO_USERS define every account, the admin included (ADMIN_PASSWORD then ignored, with a notice)', () => {
    const DEMO_USERS = '[{"username":"ada","role":"admin","password":"analytical"}]';
    expect(usernames({ ...production, DEMO_USERS })).toEqual(['ada']);
    expect(parseConfig({ ...production, DEMO_USERS, ADMIN_PASSWORD: 'Tq4-long-admin-password' }, generated).notices.join('\n')).toMatch(
      /ADMIN_PASSWORD is ignored/,
    );
  });

  it('keeps admin with the public demo password in development', () => {
    expect(usernames({})).toEqual(['alice', 'bob', 'admin']);
  });
});

describe('parseConfig: login throttling', () => {
  it('defaults to the policy and ignores X-Forwarded-For unless proxies are trusted', () => {
    const { config } = parseConfig({}, generated);
    expect(config.loginThrottle).toEqual({
      windowSeconds: 300,
      maxFailuresPerAccount: 20,
      maxFailuresPerAccountAndClient: 5,
      maxFailuresPerClient: 50,
    });
    expect(config.trustedProxyHops).toBe(0);
  });

  it('takes every limit from the environment, 0 switching the per-account limit off, and refuses nonsense', () => {
    const { config } = parseConfig(
      {
        LOGIN_THROTTLE_WINDOW_SECONDS: '60',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '0',
        LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: '3',
        LOGIN_MAX_FAILURES_PER_CLIENT: '100',
        TRUSTED_PROXY_HOPS: '2',
      },
      generated,
    );
    expect(config.loginThrottle).toEqual({
      windowSeconds: 60,
      maxFailuresPerAccount: 0,
      maxFailuresPerAccountAndClient: 3,
      maxFailuresPerClient: 100,
    });
    expect(config.trustedProxyHops).toBe(2);
    expect(() => parseConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: '0' }, generated)).toThrow(/from 1 to 10000/);
    expect(() => parseConfig({ LOGIN_THROTTLE_WINDOW_SECONDS: '5' }, generated)).toThrow(/LOGIN_THROTTLE_WINDOW_SECONDS/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: 'yes' }, generated)).toThrow(/TRUSTED_PROXY_HOPS must be an integer from 0 to 10/);
  });
});

describe('parseSessionPasswords', () => {
  it('reads numbered passwords for rotation', () => {
    const other = 'Zq8-Ww3Lp0Nn5Rr7Tt9Yy2Uu4Ii6Oo1Pp';
    expect(parseSessionPasswords(JSON.stringify({ 2: other, 1: STRONG }))).toEqual({ '1': STRONG, '2': other });
  });

  it('rejects non-numeric ids and weak members', () => {
    expect(() => parseSessionPasswords(JSON.stringify({ current: STRONG }))).toThrow(/positive integer/);
    expect(() => parseSessionPasswords(JSON.stringify({ 1: STRONG, 2: 'weak' }))).toThrow(/id 2/);
    expect(() => parseSessionPasswords('{not json')).toThrow(/not valid JSON/);
  });
});

describe('session timeouts', () => {
  it('defaults to 30 min idle and 12 h absolute, and reads both from the environment', () => {
    expect(parseConfig({}, generated).config).toMatchObject({ sessionIdleTimeoutSeconds: 1800, sessionAbsoluteTimeoutSeconds: 43200 });
    expect(parseConfig({ SESSION_IDLE_TIMEOUT_SECONDS: '600', SESSION_ABSOLUTE_TIMEOUT_SECONDS: '3600' }, generated).config).toMatchObject({
      sessionIdleTimeoutSeconds: 600,
      sessionAbsoluteTimeoutSeconds: 3600,
    });
  });

  it('refuses an idle timeout longer than the absolute one, and nonsense values', () => {
    expect(() => parseConfig({ SESSION_IDLE_TIMEOUT_SECONDS: '7200', SESSION_ABSOLUTE_TIMEOUT_SECONDS: '3600' }, generated)).toThrow(
      /must not be longer/,
    );
    expect(() => parseConfig({ SESSION_IDLE_TIMEOUT_SECONDS: '10' }, generated)).toThrow(/SESSION_IDLE_TIMEOUT_SECONDS/);
    expect(() => parseConfig({ ACCESS_TOKEN_TTL_SECONDS: '2' }, generated)).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });
});

describe('bench reference routes', () => {
  it('are off unless BENCH_ROUTES=1, and a value that is neither 1 nor 0 stops the start', () => {
    expect(parseConfig({}, generated).config.benchRoutes).toBe(false);
    expect(parseConfig({ BENCH_ROUTES: '0' }, generated).config.benchRoutes).toBe(false);
    expect(parseConfig({ BENCH_ROUTES: '1' }, generated).config.benchRoutes).toBe(true);
    expect(() => parseConfig({ BENCH_ROUTES: 'yes' }, generated)).toThrow(/BENCH_ROUTES must be 1 \(on\) or 0 \(off\)/);
  });
});

describe('the attack lab switch', () => {
  it('serves the lab unless LAB_ENABLED=0', () => {
    expect(parseConfig({}, generated).config.labEnabled).toBe(true);
    expect(parseConfig({ LAB_ENABLED: '1' }, generated).config.labEnabled).toBe(true);
    expect(parseConfig({ LAB_ENABLED: '0' }, generated).config.labEnabled).toBe(false);
    expect(() => parseConfig({ LAB_ENABLED: 'off' }, generated)).toThrow(/LAB_ENABLED must be 1/);
  });
});

describe('the resource service path', () => {
  it('is null unless ORDERS_SERVICE_PATH is set, and keeps a same-origin path as given', () => {
    expect(parseConfig({}, generated).config.ordersServicePath).toBeNull();
    expect(parseConfig({ ORDERS_SERVICE_PATH: ' ' }, generated).config.ordersServicePath).toBeNull();
    expect(parseConfig({ ORDERS_SERVICE_PATH: '/orders' }, generated).config.ordersServicePath).toBe('/orders');
    expect(parseConfig({ ORDERS_SERVICE_PATH: '/svc/orders' }, generated).config.ordersServicePath).toBe('/svc/orders');
  });

  it.each(['orders', 'http://127.0.0.1:4100/orders', '//evil.example/orders', '/orders/', '/orders?x=1', '/a/../orders', '/', '/or ders'])(
    'refuses to start with %j, saying what a valid value looks like',
    (value) => {
      expect(() => parseConfig({ ORDERS_SERVICE_PATH: value }, generated)).toThrow(ConfigError);
      expect(() => parseConfig({ ORDERS_SERVICE_PATH: value }, generated)).toThrow(
        /ORDERS_SERVICE_PATH must be a path on this app's own origin, such as \/orders/,
      );
    },
  );
});
