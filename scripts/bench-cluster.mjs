#!/usr/bin/env node
// `npm run bench:cluster`: what a load balancer and a second instance change, and what the
// resource service costs next to the app's own route. On the production build, with Redis, via
// startCluster (scripts/cluster.mjs), autocannon with the same connections and duration for:
//
//   topologies  GET /api/jwt/me (Bearer) and GET /api/session/me (cookie) on one instance
//               directly, one instance behind nginx, two instances behind nginx;
//   orders      GET /orders on the orders service directly vs GET /api/jwt/me on an instance
//               directly, the same Bearer token (req/s and their ratio; the goal is >= 8x).
//
// It prints a table and writes JSON (docs/bench/cluster.json; --quick: about 1 s a measurement,
// test-results/bench-cluster-quick.json). Timings are reported, never asserted: it exits non-zero
// only when the script broke (a cluster did not start, or a measurement got errors or non-2xx).
// Options: --quick, BENCH_SECONDS, BENCH_CONNECTIONS.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import autocannon from 'autocannon';
import { startCluster } from './cluster.mjs';

const quick = process.argv.includes('--quick');
const numberFrom = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = numberFrom('BENCH_SECONDS', quick ? 1 : 6);
const CONNECTIONS = numberFrom('BENCH_CONNECTIONS', quick ? 10 : 50);
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

async function measure(label, url, headers) {
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const total = result.requests.total;
  if (total === 0 || result.errors > 0 || result.non2xx > total * MAX_NON_2XX_SHARE) {
    throw new Error(`${label}: ${total} requests, ${result.errors} errors, ${result.non2xx} non-2xx (${url})`);
  }
  const row = {
    label,
    url: new URL(url).pathname,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: total,
    non2xx: result.non2xx,
  };
  console.log(
    `  ${label.padEnd(44)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.latencyP50Ms} ms  p99 ${row.latencyP99Ms} ms`,
  );
  return row;
}

async function withCluster(instances, measureOn) {
  const cluster = await startCluster({ instances, store: 'redis', redisUrl: undefined });
  try {
    return await measureOn(cluster);
  } finally {
    await cluster.stop();
  }
}

const topologies = [];
let orders;
console.log(
  `Cluster bench${quick ? ' (quick)' : ''}: ${CONNECTIONS} connections, ${SECONDS} s a measurement, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'})`,
);

await withCluster(1, async (cluster) => {
  const instance = cluster.instances[0];
  const credentials = await signIn(cluster.origin);
  for (const route of ROUTES) {
    const headers = credentials[route.credential];
    topologies.push({
      route: route.path,
      topology: 'one instance, directly',
      ...(await measure(`${route.path} one instance, directly`, `${instance.url}${route.path}`, headers)),
    });
    topologies.push({
      route: route.path,
      topology: 'one instance behind nginx',
      ...(await measure(`${route.path} one instance behind nginx`, `${cluster.origin}${route.path}`, headers)),
    });
  }
  // The resource service and the app's own route, each directly, with the same token.
  const service = await measure('GET /orders, orders service directly', `${cluster.orders.url}/orders`, credentials.bearer);
  const app = await measure('GET /api/jwt/me, the instance directly', `${instance.url}/api/jwt/me`, credentials.bearer);
  const ratio = Math.round((service.requestsPerSecond / app.requestsPerSecond) * 10) / 10;
  orders = { service, app, ratio, goal: ORDERS_RATIO_GOAL, goalMet: ratio >= ORDERS_RATIO_GOAL };
});

await withCluster(2, async (cluster) => {
  const credentials = await signIn(cluster.origin);
  for (const route of ROUTES) {
    topologies.push({
      route: route.path,
      topology: 'two instances behind nginx',
      ...(await measure(`${route.path} two instances behind nginx`, `${cluster.origin}${route.path}`, credentials[route.credential])),
    });
  }
});

const cores = os.cpus().length;
const ceilingNote =
  cores <= 2
    ? `This machine has ${cores} cores: the load generator, nginx and every instance share them, so the 1-vs-2-instance comparison measures the machine, not the design. On separate machines each instance brings its own cores.`
    : `This machine has ${cores} cores, shared by the load generator, nginx and the instances: the 1-vs-2-instance gain is capped by them.`;

console.log('');
console.log('| route | topology | req/s | p50 ms | p99 ms |');
console.log('|---|---|---:|---:|---:|');
for (const row of topologies)
  console.log(`| ${row.route} | ${row.topology} | ${row.requestsPerSecond} | ${row.latencyP50Ms} | ${row.latencyP99Ms} |`);
console.log(
  `| /orders | orders service, directly | ${orders.service.requestsPerSecond} | ${orders.service.latencyP50Ms} | ${orders.service.latencyP99Ms} |`,
);
console.log(
  `| /api/jwt/me | one instance, directly (same token) | ${orders.app.requestsPerSecond} | ${orders.app.latencyP50Ms} | ${orders.app.latencyP99Ms} |`,
);
console.log('');
console.log(
  `Orders service vs the app's /api/jwt/me: ${orders.ratio}x (goal >= ${ORDERS_RATIO_GOAL}x: ${orders.goalMet ? 'met' : 'not met'}).`,
);
console.log(ceilingNote);

const report = {
  generatedAt: new Date().toISOString(),
  quick,
  machine: { cores, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, platform: `${os.platform()} ${os.release()}` },
  settings: {
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    warmUpSeconds: WARM_UP_SECONDS,
    store: 'redis',
    balancer: 'nginx round-robin',
  },
  topologies,
  ordersVsApp: orders,
  note: ceilingNote,
};
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Wrote ${OUTPUT}`);
