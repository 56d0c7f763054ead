#!/usr/bin/env node
// Load and soak against the production build on a real redis-server (`npm run load`; the last
// stage of `npm test`). It starts its own redis-server and `next start` on free loopback ports and
// stops both (by process group) however it ends. It builds only if `.next` has no build yet.
//
//   load: CONNECTIONS keep-alive connections hammer /api/session/me, /api/jwt/me and /api/jwt/me
//         with the denylist on, LOAD_SECONDS each: zero transport errors, zero non-2xx.
//   soak: SOAK_USERS simulated dashboard users for SOAK_SECONDS: each polls both /me routes once a
//         second, refreshes its JWT when it expires (the app runs with 5 s access tokens) and logs
//         out and back in at most a couple of times. Asserted: no unexpected answer, the Redis key
//         count stays within a bound proportional to the live users, server memory is flat.
//
// Timings are printed, never asserted. Every assertion counts as one test in test-results/load.json
// (`{ passed, failed, assertions, figures }`), which scripts/test.mjs adds to the totals.
// Options: --full (60 s load, 10 min soak), or LOAD_SECONDS, SOAK_SECONDS, SOAK_USERS, CONNECTIONS.
//
// Logins are kept few (two per user at the start, two per logout cycle), spread over many users,
// so the per-username and per-client login throttling is never reached.
import { spawnSync } from 'node:child_process';
import { randomBytes, scrypt } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import {
  CLOCK_TICKS_PER_SECOND,
  freePort,
  groupPids,
  procStat,
  rssKiB,
  serverPid,
  sleep,
  startDetached,
  startRedisServer,
  stopChildren,
  stopChildrenWhenThisProcessEnds,
} from './lib/processes.mjs';

stopChildrenWhenThisProcessEnds();

const full = process.argv.includes('--full');
const numberFrom = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const LOAD_SECONDS = numberFrom('LOAD_SECONDS', full ? 60 : 10);
const SOAK_SECONDS = numberFrom('SOAK_SECONDS', full ? 600 : 120);
const SOAK_USERS = numberFrom('SOAK_USERS', 20);
const CONNECTIONS = numberFrom('CONNECTIONS', 100);
const ACCESS_TOKEN_TTL_SECONDS = 5;
const POLL_INTERVAL_MS = 1000;
/**
 * Keys one signed-in user may hold: session + its index, refresh record + family + family index,
 * a few rotation markers still inside the grace window, and what each of its (at most two)
 * logouts may leave until it expires. Proportional to users, not to requests.
 */
const KEYS_PER_LIVE_USER = 10;
/** Memory counts as flat when RSS over the last minute grows slower than this. */
const RSS_SLOPE_BOUND_MIB_PER_MIN = 30;
/**
 * Keys that exist however many users there are (event log, signing keys, settings), and the
 * instance roster (one set, one entry per live instance: lib/settings/instance-roster.ts).
 */
const FIXED_KEYS = new Set(['events:log', 'jwt:signing-keys', 'settings:runtime']);
const isFixedKey = (key) => FIXED_KEYS.has(key) || key.startsWith('instances:');
const PASSWORD = 'load-and-soak-password';

const assertions = [];
const figures = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  settings: { LOAD_SECONDS, SOAK_SECONDS, SOAK_USERS, CONNECTIONS, ACCESS_TOKEN_TTL_SECONDS },
};

function check(name, ok, detail) {
  assertions.push({ name, ok: Boolean(ok), detail });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail === undefined ? '' : `  (${detail})`}`);
}

/** The same PHC string lib/users/password.ts verifies, with a cheap cost: logins are not what is measured. */
function hashPassword(password) {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, { N: 2 ** 10, r: 8, p: 1 }, (error, key) => {
      if (error) reject(error);
      const b64 = (bytes) => bytes.toString('base64').replace(/=+$/, '');
      resolve(`$scrypt$ln=10,r=8,p=1$${b64(salt)}$${b64(key)}`);
    }),
  );
}

// --- Process figures from /proc ------------------------------------------------------------------

/** CPU seconds used so far by every process of the app's group (next start and next-server). */
const groupCpuSeconds = (pgid) => groupPids(pgid).reduce((sum, pid) => sum + (procStat(pid)?.cpuTicks ?? 0), 0) / CLOCK_TICKS_PER_SECOND;

const rssMiB = (pid) => rssKiB(pid) / 1024;

// --- HTTP with a small cookie jar ----------------------------------------------------------------

// Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them under us.
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, timeout: 4_000 });
let baseURL;

/**
 * One request. A GET that fails with ECONNRESET on a reused keep-alive socket (the server closed it
 * as we sent) is retried once, as browsers do; anything else is reported as it happened.
 */
async function send(method, path, options = {}) {
  const answer = await sendOnce(method, path, options);
  if (answer.status === 0 && answer.reusedSocket && method === 'GET' && /ECONNRESET/.test(answer.error))
    return sendOnce(method, path, options);
  return answer;
}

function sendOnce(method, path, { cookies, body } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { origin: baseURL };
    if (cookies && cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const req = request(`${baseURL}${path}`, { method, agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        if (cookies) {
          for (const line of response.headers['set-cookie'] ?? []) {
            const [pair, ...attributes] = line.split(';');
            const [name, ...value] = pair.split('=');
            const cleared = value.join('') === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
            if (cleared) cookies.delete(name.trim());
            else cookies.set(name.trim(), value.join('='));
          }
        }
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON (a 204)
        }
        resolve({ status: response.statusCode, json, ms: performance.now() - started });
      });
    });
    req.on('error', (error) =>
      resolve({ status: 0, error: error.message, reusedSocket: req.reusedSocket, ms: performance.now() - started }),
    );
    req.end(payload);
  });
}

async function logIn(cookies, route, username) {
  const answer = await send('POST', route, { cookies, body: { username, password: PASSWORD } });
  if (answer.status !== 200) throw new Error(`${route} as ${username} answered ${answer.status} ${JSON.stringify(answer.json)}`);
}

// --- Phases --------------------------------------------------------------------------------------

const percentile = (sorted, p) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

/** Keeps `connections` requests to `path` in flight until `seconds` pass; returns each answer. */
async function keepBusy(path, cookies, seconds, onAnswer) {
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) onAnswer(await send('GET', path, { cookies: new Map(cookies) }));
    }),
  );
}

async function hammer(label, path, cookies, pgid) {
  // Unmeasured: the first requests to a route compile and warm it, whichever route runs first.
  await keepBusy(path, cookies, 2, () => {});
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const cpuBefore = groupCpuSeconds(pgid);
  const started = performance.now();
  await keepBusy(path, cookies, LOAD_SECONDS, (answer) => {
    if (answer.status === 0) errors += 1;
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    latencies.push(answer.ms);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = (groupCpuSeconds(pgid) - cpuBefore) * 1000;
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  const figure = {
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    serverCpuMsPerRequest: Number((cpuMs / Math.max(1, latencies.length)).toFixed(3)),
    errors,
    non2xx,
    statuses,
  };
  figures.load ??= {};
  figures.load[label] = figure;
  console.log(`  ${label}: ${JSON.stringify(figure)}`);
  check(`load ${label}: ${CONNECTIONS} connections for ${LOAD_SECONDS} s, zero errors`, errors === 0, `${errors} errors`);
  check(`load ${label}: zero non-2xx answers`, non2xx === 0, JSON.stringify(statuses));
}

async function sampleKeys(redis) {
  const keys = await redis.keys('*');
  const byPrefix = {};
  for (const key of keys) {
    const prefix = key.includes(':') ? key.slice(0, key.indexOf(':')) : key;
    byPrefix[prefix] = (byPrefix[prefix] ?? 0) + 1;
  }
  return { total: keys.length, credentialKeys: keys.filter((key) => !isFixedKey(key)).length, byPrefix };
}

/** Least-squares slope of (seconds, MiB) samples, in MiB per minute. */
function slopePerMinute(samples) {
  const n = samples.length;
  if (n < 2) return 0;
  const meanT = samples.reduce((s, [t]) => s + t, 0) / n;
  const meanY = samples.reduce((s, [, y]) => s + y, 0) / n;
  const num = samples.reduce((s, [t, y]) => s + (t - meanT) * (y - meanY), 0);
  const den = samples.reduce((s, [t]) => s + (t - meanT) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

async function simulateUser(username, deadline, tally) {
  const cookies = new Map();
  await logIn(cookies, '/api/session/login', username);
  await logIn(cookies, '/api/jwt/login', username);
  // At most two logout cycles per user over the soak, at random times: few logins per username.
  const cycles = Math.min(2, Math.floor(SOAK_SECONDS / 45));
  const logoutAt = Array.from(
    { length: cycles },
    (_, i) => Date.now() + ((i + 0.2 + Math.random() * 0.6) * SOAK_SECONDS * 1000) / (cycles || 1),
  )
    .filter((at) => at < deadline - 10_000)
    .sort((a, b) => a - b);
  const unexpected = (where, answer) => {
    tally.unexpected += 1;
    if (tally.examples.length < 5)
      tally.examples.push(`${username} ${where}: ${answer.status} ${answer.error ?? answer.json?.error ?? ''}`);
  };
  while (Date.now() < deadline) {
    const round = Date.now();
    const session = await send('GET', '/api/session/me', { cookies });
    tally.requests += 1;
    if (session.status !== 200) unexpected('session me', session);
    let jwt = await send('GET', '/api/jwt/me', { cookies });
    tally.requests += 1;
    if (jwt.status === 401 && jwt.json?.error === 'token_expired') {
      // Expected every ACCESS_TOKEN_TTL_SECONDS: refresh, as the dashboard does, then ask again.
      tally.expired += 1;
      const refresh = await send('POST', '/api/jwt/refresh', { cookies });
      tally.requests += 1;
      if (refresh.status === 200) tally.refreshes += 1;
      else unexpected('refresh', refresh);
      jwt = await send('GET', '/api/jwt/me', { cookies });
      tally.requests += 1;
    }
    if (jwt.status !== 200) unexpected('jwt me', jwt);
    if (logoutAt.length > 0 && Date.now() >= logoutAt[0]) {
      logoutAt.shift();
      const ended = await send('POST', '/api/session/logout', { cookies });
      const revoked = await send('DELETE', '/api/jwt/refresh', { cookies });
      tally.requests += 2;
      if (ended.status >= 300) unexpected('session logout', ended);
      if (revoked.status >= 300) unexpected('jwt logout', revoked);
      await logIn(cookies, '/api/session/login', username);
      await logIn(cookies, '/api/jwt/login', username);
      tally.logins += 2;
    }
    await sleep(Math.max(0, POLL_INTERVAL_MS - (Date.now() - round)));
  }
}

async function soak(redis, pgid, users) {
  const tally = { requests: 0, expired: 0, refreshes: 0, logins: users.length * 2, unexpected: 0, examples: [] };
  const started = Date.now();
  const deadline = started + SOAK_SECONDS * 1000;
  const samples = [];
  const pid = serverPid(pgid);
  const sampler = (async () => {
    while (Date.now() < deadline) {
      const keys = await sampleKeys(redis);
      samples.push({ t: (Date.now() - started) / 1000, rssMiB: rssMiB(pid), ...keys });
      await sleep(5000);
    }
  })();
  // Users start spread over the first poll interval, as real dashboards would.
  await Promise.all(
    users.map(async (username, i) => (await sleep((i * POLL_INTERVAL_MS) / users.length), simulateUser(username, deadline, tally))),
  );
  await sampler;
  samples.push({ t: (Date.now() - started) / 1000, rssMiB: rssMiB(pid), ...(await sampleKeys(redis)) });

  const lastMinute = samples.filter((s) => s.t >= Math.max(samples.at(-1).t - 60, Math.min(30, SOAK_SECONDS / 2)));
  const slope = slopePerMinute(lastMinute.map((s) => [s.t, s.rssMiB]));
  const maxCredentialKeys = Math.max(...samples.map((s) => s.credentialKeys));
  const keyBound = KEYS_PER_LIVE_USER * users.length;
  figures.soak = {
    ...tally,
    users: users.length,
    seconds: SOAK_SECONDS,
    maxCredentialKeys,
    keyBound,
    finalKeysByPrefix: samples.at(-1).byPrefix,
    rssStartMiB: Number(samples[0].rssMiB.toFixed(1)),
    rssEndMiB: Number(samples.at(-1).rssMiB.toFixed(1)),
    rssSlopeLastMinuteMiBPerMin: Number(slope.toFixed(2)),
    samples: samples.map(({ t, rssMiB: rss, total, credentialKeys }) => ({
      t: Math.round(t),
      rssMiB: Number(rss.toFixed(1)),
      total,
      credentialKeys,
    })),
  };
  console.log('\n  t(s)  RSS(MiB)  keys  credential keys');
  for (const s of figures.soak.samples)
    console.log(`  ${String(s.t).padStart(4)}  ${String(s.rssMiB).padStart(8)}  ${String(s.total).padStart(4)}  ${s.credentialKeys}`);
  console.log(`  keys by prefix at the end: ${JSON.stringify(figures.soak.finalKeysByPrefix)}`);

  check(
    `soak: ${users.length} users for ${SOAK_SECONDS} s, no answer other than 200 and expected token_expired`,
    tally.unexpected === 0,
    `${tally.unexpected} unexpected${tally.examples.length ? `: ${tally.examples.join('; ')}` : ''}`,
  );
  check(
    'soak: access tokens expired and were refreshed',
    tally.refreshes > 0 && tally.refreshes >= tally.expired,
    `${tally.refreshes} refreshes for ${tally.expired} expiries`,
  );
  check(
    `soak: credential keys in Redis stay within ${KEYS_PER_LIVE_USER} per live user (${keyBound})`,
    maxCredentialKeys <= keyBound,
    `max ${maxCredentialKeys} over ${tally.requests} requests`,
  );
  check(
    `soak: server memory flat over the last minute (slope < ${RSS_SLOPE_BOUND_MIB_PER_MIN} MiB/min)`,
    slope < RSS_SLOPE_BOUND_MIB_PER_MIN,
    `${slope.toFixed(2)} MiB/min`,
  );
}

// --- Main ----------------------------------------------------------------------------------------

async function main() {
  if (!existsSync('.next/BUILD_ID')) {
    console.log('No production build: running next build first.');
    if (spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' }).status !== 0) throw new Error('next build failed');
  }
  const { client: redis, url: redisUrl } = await startRedisServer();

  const passwordHash = await hashPassword(PASSWORD);
  const soakUsers = Array.from({ length: SOAK_USERS }, (_, i) => `soak${String(i + 1).padStart(2, '0')}`);
  const users = [
    { username: 'ops', role: 'admin', passwordHash },
    { username: 'loader', role: 'user', passwordHash },
    ...soakUsers.map((username) => ({ username, role: 'user', passwordHash })),
  ];
  const appPort = await freePort();
  baseURL = `http://127.0.0.1:${appPort}`;
  const app = startDetached('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(appPort)], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SESSION_PASSWORD: randomBytes(32).toString('base64url'),
    SIGNING_KEY_SECRET: randomBytes(32).toString('base64url'),
    REDIS_URL: redisUrl,
    DEMO_USERS: JSON.stringify(users),
    INSTANCE_ID: 'load',
    ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
  });
  for (const started = Date.now(); ; await sleep(200)) {
    if (app.exitCode !== null) throw new Error(`next start exited:\n${app.output()}`);
    if ((await send('GET', '/api/health')).status === 200) break;
    if (Date.now() - started > 60_000) throw new Error(`next start did not answer within 60 s:\n${app.output()}`);
  }
  const pgid = app.pid;

  const ops = new Map();
  await logIn(ops, '/api/admin/login', 'ops');
  const setSettings = async (settings) => {
    const answer = await send('PUT', '/api/admin/settings', { cookies: ops, body: settings });
    if (answer.status !== 200) throw new Error(`settings ${JSON.stringify(settings)}: ${answer.status} ${JSON.stringify(answer.json)}`);
  };

  console.log(`\n--- load: ${CONNECTIONS} connections, ${LOAD_SECONDS} s per route`);
  const loader = new Map();
  await logIn(loader, '/api/session/login', 'loader');
  // A token that outlives the load phase; the soak below runs on the 5 s lifetime.
  await setSettings({ accessTokenTtlSeconds: Math.max(60, LOAD_SECONDS * 4) });
  await logIn(loader, '/api/jwt/login', 'loader');
  await setSettings({ accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS });
  await hammer('session me', '/api/session/me', loader, pgid);
  await hammer('jwt me', '/api/jwt/me', loader, pgid);
  await setSettings({ denylist: true });
  await hammer('jwt me, denylist on', '/api/jwt/me', loader, pgid);
  await setSettings({ denylist: false });

  console.log(`\n--- soak: ${SOAK_USERS} users, ${SOAK_SECONDS} s, access tokens of ${ACCESS_TOKEN_TTL_SECONDS} s`);
  // Only the soak's own credentials should count: end the loader's and the admin's first.
  await send('POST', '/api/session/logout', { cookies: loader });
  await send('DELETE', '/api/jwt/refresh', { cookies: loader });
  await soak(redis, pgid, soakUsers);
  redis.destroy();
}

let crashed = null;
try {
  await main();
} catch (error) {
  crashed = error;
  console.error(`load script failed: ${error.stack ?? error}`);
  check('load script ran to the end', false, error.message.split('\n')[0]);
} finally {
  stopChildren();
  agent.destroy();
}

const passed = assertions.filter((a) => a.ok).length;
const failed = assertions.length - passed;
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/load.json', `${JSON.stringify({ passed, failed, assertions, figures }, null, 2)}\n`);
console.log(`\nload: ${passed} passed, ${failed} failed (figures in test-results/load.json)`);
process.exit(failed === 0 && crashed === null ? 0 : 1);
