#!/usr/bin/env node
// `npm run bench`: what each strategy costs, measured on the production build in one run, for
// each store (memory, a real redis-server, Upstash through the local REST endpoint in front of
// that redis-server). Per store it starts `next start` with the bench's reference routes on
// (BENCH_ROUTES=1; fresh secrets per run, never written anywhere), logs in once per strategy as
// the demo user, and measures:
//
//   library  the library calls alone, as the server measured them at start-up (GET /api/costs);
//   phases   Server-Timing of sequential warm requests, app routes and minimal routes interleaved,
//            requests that still ran cold (X-Cold-Start) left out;
//   load     autocannon on baseline, minimal-session, minimal-jwt, session, jwt, jwt-denylist, in
//            an order that alternates from round to round, with the server's CPU per request
//            from /proc (the next-server process);
//   commands store commands per request: X-Store-Commands, and for Redis and Upstash also
//            `INFO commandstats` around a fixed number of requests, minus an idle period as long.
//
// It prints one table with the ratios issue 11 sets as targets and writes JSON in the shape of
// lib/costs/bench-report.ts (docs/bench/latest.json; --quick: test-results/bench-quick.json),
// checked against that declaration by the TypeScript compiler. Timings are reported, never
// asserted: it exits non-zero only when the script itself broke.
//
// Options: --quick (CI: short runs, one round), BENCH_SECONDS (per route and round),
// BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_SEQUENTIAL (sequential requests per route),
// BENCH_STORES (comma-separated subset of memory,redis,upstash).
// Everything it starts (redis-server, the REST endpoint, next start) listens on loopback only and
// is stopped by process group however the script ends.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import {
  CLOCK_TICKS_PER_SECOND,
  freePort,
  procStat,
  serverPid,
  sleep,
  startDetached,
  startRedisServer,
  stopChild,
  stopChildren,
  stopChildrenWhenThisProcessEnds,
} from './lib/processes.mjs';

stopChildrenWhenThisProcessEnds();

const quick = process.argv.includes('--quick');
const numberFrom = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = numberFrom('BENCH_SECONDS', quick ? 1 : 4);
const ROUNDS = numberFrom('BENCH_ROUNDS', quick ? 1 : 3);
const CONNECTIONS = numberFrom('BENCH_CONNECTIONS', quick ? 10 : 50);
const SEQUENTIAL = numberFrom('BENCH_SEQUENTIAL', quick ? 50 : 300);
const WARM_UP_REQUESTS = quick ? 30 : 200;
/** Requests per route between two `INFO commandstats` readings; the idle reading lasts as long. */
const COMMANDSTATS_REQUESTS = quick ? 100 : 1000;
const STORES = (process.env.BENCH_STORES ?? 'memory,redis,upstash').split(',').map((store) => store.trim());
const OUTPUT = quick ? 'test-results/bench-quick.json' : 'docs/bench/latest.json';
/** The demo user of the README's "Demo users" (public on purpose); the admin gets a per-run password. */
const DEMO_USER = { username: 'alice', password: 'wonderland' };
const ADMIN_USERNAME = 'admin';

/** The routes under load, as lib/costs/bench-report.ts names them; `denylist` is the admin setting it needs. */
const ROUTES = [
  { name: 'baseline', path: '/api/bench/baseline', credential: null, denylist: false },
  { name: 'minimal-session', path: '/api/bench/minimal/session', credential: 'session', denylist: false },
  { name: 'minimal-jwt', path: '/api/bench/minimal/jwt', credential: 'jwt', denylist: false },
  { name: 'session', path: '/api/session/me', credential: 'session', denylist: false },
  { name: 'jwt', path: '/api/jwt/me', credential: 'jwt', denylist: false },
  { name: 'jwt-denylist', path: '/api/jwt/me', credential: 'jwt', denylist: true },
];
const routeNamed = (name) => ROUTES.find((route) => route.name === name);

/** Each in-app phase against the same phase of its minimal route (target: at most 1.10x). */
const PHASE_PAIRS = [
  { route: 'session', phase: 'unseal', minimal: 'minimal-session', library: 'unseal' },
  { route: 'session', phase: 'lookup', minimal: 'minimal-session', library: 'storeGet' },
  { route: 'jwt', phase: 'verify', minimal: 'minimal-jwt', library: 'verify' },
  { route: 'jwt-denylist', phase: 'verify', minimal: 'minimal-jwt', library: 'verify' },
];

const cpuSeconds = (pid) => (procStat(pid)?.cpuTicks ?? Number.NaN) / CLOCK_TICKS_PER_SECOND;

// --- HTTP -----------------------------------------------------------------------------------------

const agent = new Agent({ keepAlive: true, maxSockets: 4, timeout: 4_000 });

/** One request; resolves with status, headers, parsed JSON (if any) and the cookies it set. */
function send(baseURL, method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const allHeaders = { origin: baseURL, ...headers };
    if (payload !== undefined) allHeaders['content-type'] = 'application/json';
    const req = request(`${baseURL}${path}`, { method, agent, headers: allHeaders }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON (a 204)
        }
        const cookies = new Map();
        for (const line of response.headers['set-cookie'] ?? []) {
          const pair = line.split(';')[0];
          const at = pair.indexOf('=');
          if (at > 0 && pair.slice(at + 1) !== '') cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
        }
        resolve({ status: response.statusCode, headers: response.headers, json, cookies });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** `unseal;dur=0.412, lookup;dur=0.300` as { unseal: 0.412, lookup: 0.3 } (a phase named twice is summed). */
function parseServerTiming(value) {
  const phases = {};
  for (const entry of String(value ?? '').split(',')) {
    const match = /^\s*([\w-]+)\s*;.*?dur=([\d.]+)/.exec(entry);
    if (match) phases[match[1]] = (phases[match[1]] ?? 0) + Number(match[2]);
  }
  return phases;
}

// --- Statistics -----------------------------------------------------------------------------------

const round3 = (value) => Math.round(value * 1000) / 1000;

function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  const median = sorted.length === 0 ? 0 : sorted.length % 2 ? at(0.5) : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { medianMs: round3(median), p90Ms: round3(at(0.9)), samples: sorted.length };
}

const mean = (values) => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

// --- One store ------------------------------------------------------------------------------------

/** Starts `next start` on `store` with fresh secrets; returns its base URL, process group and admin password. */
async function startApp(store, storeEnv) {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = { ...process.env };
  // Only what this run decides reaches the server: no store, users or secrets from the caller's shell.
  for (const name of ['REDIS_URL', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'DEMO_USERS', 'JWT_PRIVATE_KEYS', 'PUBLIC_ORIGIN'])
    delete env[name];
  const adminPassword = randomBytes(18).toString('base64url');
  const app = startDetached('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    ...env,
    ...storeEnv,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    BENCH_ROUTES: '1',
    SESSION_PASSWORD: randomBytes(32).toString('base64url'),
    SIGNING_KEY_SECRET: randomBytes(32).toString('base64url'),
    ADMIN_PASSWORD: adminPassword,
    INSTANCE_ID: `bench-${store}`,
    // The longest lifetime: the token must outlive this store's whole run.
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  });
  for (const started = Date.now(); ; await sleep(200)) {
    if (app.exitCode !== null) throw new Error(`next start exited:\n${app.output()}`);
    const health = await send(baseURL, 'GET', '/api/health').catch(() => null);
    if (health?.status === 200) break;
    if (Date.now() - started > 60_000) throw new Error(`next start did not answer within 60 s:\n${app.output()}`);
  }
  return { app, baseURL, pgid: app.pid, adminPassword };
}

async function logIn(baseURL, path, credentials) {
  const answer = await send(baseURL, 'POST', path, { body: credentials });
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.cookies;
}

/**
 * The library calls alone, from GET /api/costs once the server has measured them (a second or so
 * after start). Null with the reason when this build does not serve it: then the table says "not
 * available" and the JSON carries zero samples, never a made-up figure.
 */
async function readLibraryCosts(baseURL) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await send(baseURL, 'GET', '/api/costs');
    if (answer.status === 404) return { library: null, reason: 'GET /api/costs is not served by this build' };
    if (answer.status !== 200) return { library: null, reason: `GET /api/costs answered ${answer.status}` };
    if (answer.json?.library) return { library: answer.json.library, reason: null };
    if (Date.now() > deadline) return { library: null, reason: 'GET /api/costs had not measured the library calls after 20 s' };
    await sleep(500);
  }
}

function createSettingsSwitch(baseURL, adminCookies) {
  const cookie = [...adminCookies].map(([name, value]) => `${name}=${value}`).join('; ');
  let current = false;
  return async function setDenylist(on) {
    if (current === on) return;
    const answer = await send(baseURL, 'PUT', '/api/admin/settings', { headers: { cookie }, body: { denylist: on } });
    if (answer.status !== 200) throw new Error(`PUT /api/admin/settings ${JSON.stringify({ denylist: on })}: ${answer.status}`);
    current = on;
  };
}

/**
 * Sequential warm requests, the routes interleaved request by request so that a burst of load
 * from elsewhere on the machine hits them alike. Returns, per route, each phase's samples and the
 * X-Store-Commands of every request.
 */
async function measurePhases(baseURL, routes, headersFor) {
  const samples = Object.fromEntries(routes.map((route) => [route.name, { phases: {}, commands: [], cold: 0 }]));
  for (let i = 0; i < WARM_UP_REQUESTS + SEQUENTIAL; i++) {
    for (const route of routes) {
      const answer = await send(baseURL, 'GET', route.path, { headers: headersFor(route) });
      if (answer.status !== 200)
        throw new Error(`GET ${route.path} (${route.name}) answered ${answer.status} ${JSON.stringify(answer.json)}`);
      if (i < WARM_UP_REQUESTS) continue;
      const figures = samples[route.name];
      if (answer.headers['x-cold-start'] === '1') {
        figures.cold += 1;
        continue;
      }
      for (const [phase, ms] of Object.entries(parseServerTiming(answer.headers['server-timing']))) (figures.phases[phase] ??= []).push(ms);
      const commands = answer.headers['x-store-commands'];
      if (commands !== undefined) figures.commands.push(Number(commands));
    }
  }
  return samples;
}

/** Calls per command since the last CONFIG RESETSTAT, leaving out the bench's own INFO and CONFIG. */
async function commandStats(redis) {
  const info = await redis.info('commandstats');
  const calls = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (match[1] === 'info' || match[1].startsWith('config')) continue;
    calls[match[1]] = Number(match[2]);
  }
  return calls;
}

const totalCalls = (calls) => Object.values(calls).reduce((sum, count) => sum + count, 0);

/**
 * Store commands per request measured at Redis itself: COMMANDSTATS_REQUESTS sequential requests,
 * then an idle period as long (the instance's background polling), the difference per request.
 */
async function measureCommandStats(redis, baseURL, route, headers) {
  await redis.configResetStat();
  const started = performance.now();
  for (let i = 0; i < COMMANDSTATS_REQUESTS; i++) {
    const answer = await send(baseURL, 'GET', route.path, { headers });
    if (answer.status !== 200) throw new Error(`GET ${route.path} (${route.name}) answered ${answer.status}`);
  }
  const busyMs = performance.now() - started;
  const busy = await commandStats(redis);
  await redis.configResetStat();
  await sleep(busyMs);
  const idle = await commandStats(redis);
  const perRequest = {};
  for (const command of new Set([...Object.keys(busy), ...Object.keys(idle)])) {
    const net = ((busy[command] ?? 0) - (idle[command] ?? 0)) / COMMANDSTATS_REQUESTS;
    if (Math.abs(net) >= 0.0005) perRequest[command] = round3(net);
  }
  return { perRequest: round3((totalCalls(busy) - totalCalls(idle)) / COMMANDSTATS_REQUESTS), byCommand: perRequest };
}

/** One autocannon run against `route`, with the server's CPU time over it. */
async function loadRoute(baseURL, pid, route, headers, seconds) {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ url: `${baseURL}${route.path}`, connections: CONNECTIONS, duration: seconds, headers });
  const cpu = cpuSeconds(pid) - cpuBefore;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: result.throughput.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuSeconds: cpu,
  };
}

/** The routes in round `r`: rotated by one each round and reversed every other round. */
function orderForRound(r) {
  const rotated = [...ROUTES.slice(r % ROUTES.length), ...ROUTES.slice(0, r % ROUTES.length)];
  return r % 2 === 1 ? rotated.reverse() : rotated;
}

async function benchStore(store, redisUrl, redis) {
  console.log(`\n=== ${store}`);
  let storeEnv = {};
  let proxy = null;
  if (store !== 'memory') await redis.flushAll();
  if (store === 'redis') storeEnv = { REDIS_URL: redisUrl };
  if (store === 'upstash') {
    const token = randomBytes(24).toString('base64url');
    proxy = startDetached('node', ['scripts/upstash-rest-proxy.mjs', redisUrl, token], process.env);
    let url = null;
    for (const started = Date.now(); url === null; await sleep(50)) {
      url = /\{"url":"([^"]+)"\}/.exec(proxy.output())?.[1] ?? null;
      if (proxy.exitCode !== null || Date.now() - started > 15_000)
        throw new Error(`the Upstash REST endpoint did not start:\n${proxy.output()}`);
    }
    storeEnv = { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token };
  }
  const { app, baseURL, pgid, adminPassword } = await startApp(store, storeEnv);
  try {
    const pid = serverPid(pgid);
    const costs = await readLibraryCosts(baseURL);
    console.log(costs.library ? '  library calls: from GET /api/costs' : `  library calls: not available (${costs.reason})`);

    const sessionCookies = await logIn(baseURL, '/api/session/login', DEMO_USER);
    const jwtCookies = await logIn(baseURL, '/api/jwt/login', DEMO_USER);
    const setDenylist = createSettingsSwitch(
      baseURL,
      await logIn(baseURL, '/api/admin/login', { username: ADMIN_USERNAME, password: adminPassword }),
    );
    const pick = (cookies, pattern) => {
      const entry = [...cookies].find(([name]) => pattern.test(name));
      if (!entry) throw new Error(`login set no cookie matching ${pattern}: ${[...cookies.keys()].join(', ')}`);
      return `${entry[0]}=${entry[1]}`;
    };
    // Each route gets only the credential it checks, as a browser scoped to it would send.
    const credentialCookies = { session: pick(sessionCookies, /session$/), jwt: pick(jwtCookies, /access-token$/) };
    const headersFor = (route) => (route.credential === null ? {} : { cookie: credentialCookies[route.credential] });

    console.log(`  phases: ${WARM_UP_REQUESTS} warm-up + ${SEQUENTIAL} sequential requests per route, interleaved`);
    await setDenylist(false);
    const phaseSamples = await measurePhases(
      baseURL,
      ROUTES.filter((route) => !route.denylist),
      headersFor,
    );
    await setDenylist(true);
    Object.assign(phaseSamples, await measurePhases(baseURL, [routeNamed('jwt-denylist')], headersFor));
    await setDenylist(false);

    const commandstats = {};
    if (redis && store !== 'memory') {
      console.log(`  store commands: INFO commandstats over ${COMMANDSTATS_REQUESTS} requests per route, minus an idle period as long`);
      for (const route of ROUTES) {
        await setDenylist(route.denylist);
        // The settings change itself is a store write and an event: let it pass before counting.
        await sleep(1_500);
        commandstats[route.name] = await measureCommandStats(redis, baseURL, route, headersFor(route));
      }
      await setDenylist(false);
    }

    console.log(`  load: ${ROUNDS} round(s), ${SECONDS} s per route, ${CONNECTIONS} connections`);
    const runs = Object.fromEntries(ROUTES.map((route) => [route.name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      const order = orderForRound(r);
      console.log(`    round ${r + 1}: ${order.map((route) => route.name).join(', ')}`);
      for (const route of order) {
        await setDenylist(route.denylist);
        // Unmeasured: the first burst on a route warms it under concurrency.
        if (r === 0) await loadRoute(baseURL, pid, route, headersFor(route), quick ? 0.5 : 1);
        runs[route.name].push(await loadRoute(baseURL, pid, route, headersFor(route), SECONDS));
      }
    }
    await setDenylist(false);
    return { costs, phaseSamples, commandstats, runs, credentialCookies };
  } finally {
    stopChild(app);
    if (proxy) stopChild(proxy);
  }
}

// --- The report -----------------------------------------------------------------------------------

const NOT_MEASURED = { medianMs: 0, p90Ms: 0, samples: 0 };

function buildReport(results) {
  const cpus = os.cpus();
  const report = {
    version: 1,
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    },
    settings: { quick, rounds: ROUNDS, secondsPerRoute: SECONDS, connections: CONNECTIONS, sequentialRequests: SEQUENTIAL },
    library: {},
    phases: [],
    routes: [],
    ratios: [],
  };
  for (const [store, result] of Object.entries(results)) {
    const library = result.costs.library;
    report.library[store] = {
      unseal: library?.unseal ?? NOT_MEASURED,
      verify: library?.verify ?? NOT_MEASURED,
      storeGet: library?.storeGet ?? NOT_MEASURED,
    };
    for (const route of ROUTES) {
      const figures = result.phaseSamples[route.name];
      for (const phase of ['unseal', 'lookup', 'verify', 'denylist']) {
        if (figures?.phases[phase]) report.phases.push({ store, route: route.name, phase, latency: summarize(figures.phases[phase]) });
      }
      const runs = result.runs[route.name];
      const requests = runs.reduce((sum, run) => sum + run.requests, 0);
      const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
      const header = mean(figures?.commands ?? []);
      const counted = result.commandstats[route.name]?.perRequest;
      report.routes.push({
        store,
        route: route.name,
        requestsPerSecond: Math.round(requests / seconds),
        latencyP50Ms: round3(mean(runs.map((run) => run.p50))),
        latencyP99Ms: round3(mean(runs.map((run) => run.p99))),
        cpuMicrosPerRequest: Math.round((runs.reduce((sum, run) => sum + run.cpuSeconds, 0) * 1e6) / Math.max(1, requests)),
        // X-Store-Commands when the build sends it; else what Redis counted; -1: measured by neither.
        storeCommandsPerRequest: Number.isFinite(header) ? round3(header) : (counted ?? -1),
        credentialBytes: route.credential === null ? 0 : Buffer.byteLength(result.credentialCookies[route.credential]),
        responseBytes: Math.round(runs.reduce((sum, run) => sum + run.bytes, 0) / Math.max(1, requests)),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
        non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
      });
    }
    const phaseOf = (route, phase) => report.phases.find((p) => p.store === store && p.route === route && p.phase === phase)?.latency;
    const routeOf = (route) => report.routes.find((r) => r.store === store && r.route === route);
    const ratio = (name, value, target, met) => report.ratios.push({ store, name, value: round3(value), target, met });
    for (const pair of PHASE_PAIRS) {
      const app = phaseOf(pair.route, pair.phase);
      const minimal = phaseOf(pair.minimal, pair.phase);
      if (app && minimal) {
        const value = app.medianMs / minimal.medianMs;
        ratio(`${pair.route} ${pair.phase} vs ${pair.minimal}`, value, '≤ 1.10x', value <= 1.1);
      }
    }
    for (const [route, minimal] of [
      ['session', 'minimal-session'],
      ['jwt', 'minimal-jwt'],
    ]) {
      const rps = routeOf(route).requestsPerSecond / routeOf(minimal).requestsPerSecond;
      ratio(`${route} req/s vs ${minimal}`, rps, '≥ 0.95x', rps >= 0.95);
      const cpu = routeOf(route).cpuMicrosPerRequest / routeOf(minimal).cpuMicrosPerRequest;
      ratio(`${route} CPU/request vs ${minimal}`, cpu, '≤ 1.10x', cpu <= 1.1);
    }
    const denylist = routeOf('jwt-denylist').requestsPerSecond / routeOf('jwt').requestsPerSecond;
    ratio('jwt-denylist req/s vs jwt', denylist, '≥ 0.90x', denylist >= 0.9);
  }
  return report;
}

const pad = (value, width) => String(value).padStart(width);
const ms = (value) => (value === undefined ? '-' : value.toFixed(3));
const times = (a, b) => (a === undefined || b === undefined || b === 0 ? '-' : `${(a / b).toFixed(2)}x`);

function printTable(report, results) {
  const lines = [];
  const note = quick ? ' (--quick: these numbers prove the script runs, not what things cost)' : '';
  lines.push(`\nBench ${report.date}, ${report.machine.cpuModel}, ${report.machine.cores} cores, Node ${report.machine.node}${note}`);
  lines.push(
    `${report.settings.rounds} round(s) x ${report.settings.secondsPerRoute} s per route, ${report.settings.connections} connections; phases over ${report.settings.sequentialRequests} sequential warm requests`,
  );
  lines.push('\nPhases: median ms (app | minimal route | library alone)');
  lines.push(
    `${'store'.padEnd(8)} ${'route / phase'.padEnd(22)} ${pad('app', 8)} ${pad('minimal', 8)} ${pad('library', 8)} ${pad('app/min', 8)} ${pad('min/lib', 8)}  target`,
  );
  for (const store of Object.keys(results)) {
    const library = results[store].costs.library;
    for (const pair of PHASE_PAIRS) {
      const find = (route) => report.phases.find((p) => p.store === store && p.route === route && p.phase === pair.phase)?.latency.medianMs;
      const app = find(pair.route);
      const minimal = find(pair.minimal);
      const alone = library?.[pair.library]?.medianMs;
      const verdict = app !== undefined && minimal !== undefined ? (app / minimal <= 1.1 ? '≤1.10x ✓' : '≤1.10x ✗') : '';
      lines.push(
        `${store.padEnd(8)} ${`${pair.route} ${pair.phase}`.padEnd(22)} ${pad(ms(app), 8)} ${pad(ms(minimal), 8)} ${pad(alone === undefined ? 'n/a' : ms(alone), 8)} ${pad(times(app, minimal), 8)} ${pad(times(minimal, alone), 8)}  ${verdict}`,
      );
    }
    const denylist = report.phases.find((p) => p.store === store && p.route === 'jwt-denylist' && p.phase === 'denylist');
    if (denylist) lines.push(`${store.padEnd(8)} ${'jwt-denylist denylist'.padEnd(22)} ${pad(ms(denylist.latency.medianMs), 8)}`);
    if (!library) lines.push(`${store.padEnd(8)} library alone: not available (${results[store].costs.reason})`);
  }
  lines.push('\nRoutes under load');
  lines.push(
    `${'store'.padEnd(8)} ${'route'.padEnd(16)} ${pad('req/s', 7)} ${pad('x base', 7)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('CPU µs', 7)} ${pad('cmd/req', 8)} ${pad('redis', 7)} ${pad('cred B', 6)} ${pad('resp B', 6)} ${pad('err', 4)} ${pad('non2xx', 6)}`,
  );
  for (const store of Object.keys(results)) {
    const baseline = report.routes.find((r) => r.store === store && r.route === 'baseline');
    for (const row of report.routes.filter((r) => r.store === store)) {
      const header = mean(results[store].phaseSamples[row.route]?.commands ?? []);
      const counted = results[store].commandstats[row.route];
      lines.push(
        `${store.padEnd(8)} ${row.route.padEnd(16)} ${pad(row.requestsPerSecond, 7)} ${pad(times(row.requestsPerSecond, baseline.requestsPerSecond), 7)} ${pad(row.latencyP50Ms.toFixed(1), 7)} ${pad(row.latencyP99Ms.toFixed(1), 7)} ${pad(row.cpuMicrosPerRequest, 7)} ${pad(Number.isFinite(header) ? header.toFixed(3) : 'n/a', 8)} ${pad(counted ? counted.perRequest.toFixed(3) : '-', 7)} ${pad(row.credentialBytes, 6)} ${pad(row.responseBytes, 6)} ${pad(row.errors, 4)} ${pad(row.non2xx, 6)}`,
      );
    }
  }
  lines.push(
    '  cmd/req: mean X-Store-Commands (n/a: no header; the minimal routes skip the wrapper that counts); redis: INFO commandstats per request, idle subtracted',
  );
  const breakdown = Object.entries(results).flatMap(([store, result]) =>
    Object.entries(result.commandstats).map(([route, counted]) => `  ${store} ${route}: ${JSON.stringify(counted.byCommand)}`),
  );
  if (breakdown.length > 0) lines.push('  commands per request, by command:', ...breakdown);
  lines.push('\nTargets (issue 11), computed in this run');
  for (const ratio of report.ratios)
    lines.push(
      `${ratio.store.padEnd(8)} ${ratio.name.padEnd(40)} ${pad(`${ratio.value.toFixed(3)}x`, 7)}  ${ratio.target.padEnd(8)} ${ratio.met ? '✓ met' : '✗ missed'}`,
    );
  console.log(lines.join('\n'));
}

/**
 * Checks the report against lib/costs/bench-report.ts with the TypeScript compiler: the JSON is
 * pasted as an object literal typed BenchReport, so a missing, extra or mistyped field fails.
 */
function checkShape(report) {
  mkdirSync('test-results', { recursive: true });
  const file = 'test-results/bench-report-shape-check.ts';
  writeFileSync(
    file,
    `import type { BenchReport } from '../lib/costs/bench-report';\nexport const report: BenchReport = ${JSON.stringify(report, null, 2)};\n`,
  );
  const tsc = spawnSync(
    'node_modules/.bin/tsc',
    ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', file],
    { encoding: 'utf8' },
  );
  if (tsc.status !== 0) throw new Error(`the report does not match lib/costs/bench-report.ts (see ${file}):\n${tsc.stdout}${tsc.stderr}`);
  rmSync(file);
}

// --- Main -----------------------------------------------------------------------------------------

async function main() {
  for (const store of STORES)
    if (!['memory', 'redis', 'upstash'].includes(store)) throw new Error(`BENCH_STORES: unknown store "${store}"`);
  if (!existsSync('.next/BUILD_ID')) {
    console.log('No production build: running next build first.');
    if (spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' }).status !== 0) throw new Error('next build failed');
  }
  let redis = null;
  let redisUrl = null;
  if (STORES.some((store) => store !== 'memory')) ({ client: redis, url: redisUrl } = await startRedisServer());
  const results = {};
  for (const store of STORES) results[store] = await benchStore(store, redisUrl, redis);
  redis?.destroy();
  const report = buildReport(results);
  printTable(report, results);
  checkShape(report);
  mkdirSync(OUTPUT.slice(0, OUTPUT.lastIndexOf('/')), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${OUTPUT} (shape checked against lib/costs/bench-report.ts).`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`bench failed: ${error.stack ?? error}`);
} finally {
  stopChildren();
  agent.destroy();
}
process.exit(failed ? 1 : 0);
