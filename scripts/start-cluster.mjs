/**
 * `npm run start:cluster`: the app as a small deployment on this machine (see scripts/cluster.mjs):
 * nginx round-robin over N `next start` instances, one Redis, the orders service at /orders.
 * Flags: --instances N (default 2), --store redis|memory (default redis), --port P (the balancer;
 * default a free port), --orders-cache-seconds S, --lab (keep the attack lab on). Ctrl-C or SIGTERM stops everything, and so does
 * any child that dies on its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startCluster } from './cluster.mjs';

const USAGE = 'usage: npm run start:cluster -- [--instances N] [--store redis|memory] [--port P] [--orders-cache-seconds S] [--lab]';

function parseFlags() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        instances: { type: 'string', default: '2' },
        store: { type: 'string', default: 'redis' },
        port: { type: 'string' },
        'orders-cache-seconds': { type: 'string' },
        lab: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const integer = (name, raw, min, max) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      console.error(`--${name} must be an integer from ${min} to ${max}, got "${raw}"\n${USAGE}`);
      process.exit(2);
    }
    return value;
  };
  if (values.store !== 'redis' && values.store !== 'memory') {
    console.error(`--store must be redis or memory, got "${values.store}"\n${USAGE}`);
    process.exit(2);
  }
  return {
    instances: integer('instances', values.instances, 1, 16),
    store: values.store,
    balancerPort: values.port === undefined ? undefined : integer('port', values.port, 1, 65535),
    ordersCacheSeconds:
      values['orders-cache-seconds'] === undefined ? undefined : integer('orders-cache-seconds', values['orders-cache-seconds'], 0, 86400),
    lab: values.lab,
  };
}

function buildIfMissing() {
  if (existsSync('.next/BUILD_ID')) return;
  console.log('No production build yet: running `next build` first.');
  const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function printTable(cluster) {
  const rows = [
    ['open this', cluster.origin, 'nginx, round-robin over the instances'],
    ...cluster.instances.map((instance) => [instance.id, instance.url, `next start (process group ${instance.processGroup})`]),
    ['redis', cluster.redis?.url ?? '-', cluster.redis ? 'shared by every instance' : 'memory store: each instance keeps its own'],
    [
      'orders service',
      cluster.orders ? `${cluster.origin}/orders` : '-',
      cluster.orders ? `resource service, directly at ${cluster.orders.url}` : 'not running',
    ],
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  console.log('');
  for (const [what, where, note] of rows) console.log(`  ${what.padEnd(widths[0])}  ${where.padEnd(widths[1])}  ${note}`);
  console.log('');
  for (const notice of cluster.notices) console.log(`  note: ${notice}`);
  console.log('  Every API answer names the instance that served it in its X-Instance header. Ctrl-C stops everything.');
}

const options = parseFlags();
buildIfMissing();

let cluster;
let stopping = false;
async function shutDown(reason, exitCode) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping the cluster...`);
  await cluster?.stop();
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutDown('Ctrl-C', 0));
process.on('SIGTERM', () => void shutDown('SIGTERM', 0));

try {
  cluster = await startCluster({
    ...options,
    onUnexpectedExit({ name, code, signal, output }) {
      console.error(`\n${name} exited on its own (code ${code}, signal ${signal}). Its last output:\n${output.slice(-4000)}`);
      void shutDown(`${name} died`, 1);
    },
  });
} catch (error) {
  console.error(`The cluster did not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
if (!stopping) printTable(cluster);
