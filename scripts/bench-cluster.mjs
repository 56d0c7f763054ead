#!/usr/bin/env node
// `npm run bench:cluster`: what a load balancer and a second instance change, and what the
// resource service costs next to the app's own route. On the production build, with Redis, via
// startCluster (scripts/cluster.mjs), autocannon with the same connections and duration for:
//
//   topologies  GET /api/jwt/me (Bearer) and GET /api/session/me (cookie) on one instance
//               directly, one instance behind nginx, two instances behind nginx;
//   orders      GET /orders on the orders service directly vs GET /api/jwt/me on an instance
//               directly, the same Bearer token (req/s and their ratio; the goal is >= 8x), and
//               the server side's CPU ms per request (from /proc: the process groups that
//               answer, nginx included when in the path; the load generator never).
//
// A one-instance and a two-instance cluster run side by side; every target is measured in rounds
// whose order alternates, and the median of the rounds is reported. It prints a table and writes
// JSON (docs/bench/cluster.json; --quick: one round of 1 s a target,
// test-results/bench-cluster-quick.json). Timings are reported, never asserted: it exits non-zero
// only when the script broke (a cluster did not start, or a measurement got errors or non-2xx).
// Options: --quick, BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import autocannon from 'autocannon';
import { format } from 'prettier';
import { startCluster } from './cluster.mjs';
import { CLOCK_TICKS_PER_SECOND, groupPids, procStat } from './lib/processes.mjs';

const quick = process.argv.includes('--quick');
const numberFrom = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = numberFrom('BENCH_SECONDS', quick ? 1 : 4);
const CONNECTIONS = numberFrom('BENCH_CONNECTIONS', quick ? 10 : 50);
const ROUNDS = numberFrom('BENCH_ROUNDS', quick ? 1 : 3);
const WARM_UP_SECONDS = quick ? 0.5 : 2;
const OUTPUT = quick ? 'test-results/bench-cluster-quick.json' : 'docs/bench/cluster.json';
/** More than this share of non-2xx answers means the setup is wrong, not slow. */
const MAX_NON_2XX_SHARE = 0.01;
const ORDERS_RATIO_GOAL = 8;
const DEMO_USER = { username: 'alice', password: 'wonderland' };
const ROUTES = [
  { name: 'jwt', path: '/api/jwt/me', credential: 'bearer' },
  { name: 'session', path: '/api/session/me', credential: 'cookie' },
];

if (!existsSync('.next/BUILD_ID')) {
  console.error('No production build: run `npx next build` first.');
  process.exit(1);
}

/** A Bearer access token and a session cookie for the demo user, through `baseURL`. */
async function signIn(baseURL) {
  const post = (path) =>
    fetch(`${baseURL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_USER) });
  const tokenResponse = await post('/api/jwt/token');
  if (tokenResponse.status !== 200) throw new Error(`POST /api/jwt/token answered ${tokenResponse.status}: ${await tokenResponse.text()}`);
  const { access_token: accessToken } = await tokenResponse.json();
  const sessionResponse = await post('/api/session/login');
  if (sessionResponse.status !== 200) throw new Error(`POST /api/session/login answered ${sessionResponse.status}`);
  const cookie = sessionResponse.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
  return { bearer: { authorization: `Bearer ${accessToken}` }, cookie: { cookie } };
}

/** /proc exists on Linux only: elsewhere the CPU figures are null. */
const CPU_MEASURED = existsSync('/proc/self/stat');

/** CPU seconds (user + system) used so far by every process of these process groups. */
function cpuSecondsOf(processGroups) {
  if (!CPU_MEASURED) return 0;
  let ticks = 0;
  for (const group of processGroups) for (const pid of groupPids(group)) ticks += procStat(pid)?.cpuTicks ?? 0;
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/**
 * One autocannon run, with the server side's CPU time per request (the processes that answer:
 * the instance, plus nginx when it is in the path; never the load generator). Throws when the
 * answers show a broken setup rather than a slow one.
 */
async function run(target, seconds) {
  const cpuBefore = cpuSecondsOf(target.processGroups);
  const result = await autocannon({ url: target.url, connections: CONNECTIONS, duration: seconds, headers: target.headers });
  const cpuSeconds = cpuSecondsOf(target.processGroups) - cpuBefore;
  const total = result.requests.total;
  if (total === 0 || result.errors > 0 || result.non2xx > total * MAX_NON_2XX_SHARE) {
    throw new Error(`${target.label}: ${total} requests, ${result.errors} errors, ${result.non2xx} non-2xx (${target.url})`);
  }
  return { ...result, cpuMsPerRequest: CPU_MEASURED ? (cpuSeconds * 1000) / total : null };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

console.log(
  `Cluster bench${quick ? ' (--quick: these numbers prove the script runs, not what things cost; the Next routes are barely warm)' : ''}: ${CONNECTIONS} connections, ${SECONDS} s a measurement, ${ROUNDS} round(s), ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'})`,
);

// Both clusters run side by side for the whole bench, so the 1-vs-2 comparison is measured in
// interleaved rounds under the same background load; an idle cluster costs next to no CPU.
const [single, pair] = await Promise.all([
  startCluster({ instances: 1, store: 'redis', redisUrl: null }),
  startCluster({ instances: 2, store: 'redis', redisUrl: null }),
]);
const loadBefore = os.loadavg()[0];
let topologies;
let orders;
try {
  const [singleCredentials, pairCredentials] = await Promise.all([signIn(single.origin), signIn(pair.origin)]);
  const instance = single.instances[0];
  const targets = [];
  for (const route of ROUTES) {
    const on = (topology, base, credentials, processGroups) => ({
      route: route.path,
      topology,
      processGroups,
      label: `${route.path} ${topology}`,
      url: `${base}${route.path}`,
      headers: credentials[route.credential],
    });
    targets.push(on('one instance, directly', instance.url, singleCredentials, [instance.processGroup]));
    targets.push(on('one instance behind nginx', single.origin, singleCredentials, [instance.processGroup, single.balancer.processGroup]));
    targets.push(
      on('two instances behind nginx', pair.origin, pairCredentials, [
        ...pair.instances.map((each) => each.processGroup),
        pair.balancer.processGroup,
      ]),
    );
  }
  // The resource service with the same Bearer token as "/api/jwt/me one instance, directly".
  const ordersTarget = {
    route: '/orders',
    topology: 'orders service, directly',
    label: '/orders orders service, directly',
    url: `${single.orders.url}/orders`,
    processGroups: [single.orders.processGroup],
    headers: singleCredentials.bearer,
  };
  targets.push(ordersTarget);

  for (const target of targets) await run(target, WARM_UP_SECONDS);
  const samples = new Map(targets.map((target) => [target, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate the order so no target always runs first (or right after the heaviest one).
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) samples.get(target).push(await run(target, SECONDS));
  }

  const summarize = (target) => {
    const results = samples.get(target);
    const row = {
      route: target.route,
      topology: target.topology,
      requestsPerSecond: Math.round(median(results.map((result) => result.requests.average))),
      latencyP50Ms: median(results.map((result) => result.latency.p50)),
      latencyP99Ms: median(results.map((result) => result.latency.p99)),
      serverCpuMsPerRequest: CPU_MEASURED ? Math.round(median(results.map((result) => result.cpuMsPerRequest)) * 1000) / 1000 : null,
      rounds: results.map((result) => Math.round(result.requests.average)),
      requests: results.reduce((sum, result) => sum + result.requests.total, 0),
    };
    console.log(
      `  ${target.label.padEnd(44)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.latencyP50Ms} ms  p99 ${row.latencyP99Ms} ms  server CPU ${row.serverCpuMsPerRequest} ms/request  (rounds: ${row.rounds.join(', ')})`,
    );
    return row;
  };
  topologies = targets.filter((target) => target !== ordersTarget).map(summarize);
  const service = summarize(ordersTarget);
  const app = topologies.find((row) => row.route === '/api/jwt/me' && row.topology === 'one instance, directly');
  const ratio = Math.round((service.requestsPerSecond / app.requestsPerSecond) * 10) / 10;
  // Requests a core can serve, from CPU per request: what the ratio would be with a core each.
  const cpuRatio = CPU_MEASURED ? Math.round((app.serverCpuMsPerRequest / service.serverCpuMsPerRequest) * 10) / 10 : null;
  orders = { service, app, ratio, cpuRatio, goal: ORDERS_RATIO_GOAL, goalMet: ratio >= ORDERS_RATIO_GOAL };
} finally {
  await Promise.all([single.stop(), pair.stop()]);
}

const cores = os.cpus().length;
const ceilingNote =
  cores <= 2
    ? `This machine has ${cores} cores: the load generator, nginx and every instance share them, so the 1-vs-2-instance comparison measures the machine, not the design. On separate machines each instance brings its own cores.`
    : `This machine has ${cores} cores, shared by the load generator, nginx and the instances: the 1-vs-2-instance gain is capped by them.`;

console.log('');
console.log('| route | topology | req/s | p50 ms | p99 ms | server CPU ms/request |');
console.log('|---|---|---:|---:|---:|---:|');
for (const row of [...topologies, orders.service])
  console.log(
    `| ${row.route} | ${row.topology} | ${row.requestsPerSecond} | ${row.latencyP50Ms} | ${row.latencyP99Ms} | ${row.serverCpuMsPerRequest} |`,
  );
console.log('');
console.log(
  `Orders service vs the app's /api/jwt/me, each directly with the same token: ${orders.ratio}x the req/s (goal >= ${ORDERS_RATIO_GOAL}x: ${orders.goalMet ? 'met' : 'not met'})${orders.cpuRatio === null ? '' : `; ${orders.cpuRatio}x fewer CPU ms per request`}.`,
);
console.log(
  `Load average (1 min) when the clusters were up, before the bench: ${loadBefore.toFixed(2)} (other work on the machine skews every figure).`,
);
console.log(ceilingNote);

const report = {
  generatedAt: new Date().toISOString(),
  quick,
  machine: { cores, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, platform: `${os.platform()} ${os.release()}` },
  settings: {
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    rounds: ROUNDS,
    warmUpSeconds: WARM_UP_SECONDS,
    loadAverageBefore: Math.round(loadBefore * 100) / 100,
    store: 'redis',
    balancer: 'nginx round-robin',
  },
  topologies,
  ordersVsApp: orders,
  note: ceilingNote,
};
mkdirSync(dirname(OUTPUT), { recursive: true });
// Formatted as `prettier --check .` (in npm test) expects the committed report to be.
writeFileSync(OUTPUT, await format(JSON.stringify(report), { parser: 'json' }));
console.log(`Wrote ${OUTPUT}`);
