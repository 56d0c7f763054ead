#!/usr/bin/env node
// The whole test suite, as one command (`npm test`):
//   1. system programs (redis-server, nginx, Chromium) are present, installed with apt-get as root if not;
//   2. static checks: types (tsc), lint (ESLint), formatting (Prettier), unused code (knip), each
//      counted as one test, so a lint or format failure shows in the totals;
//   3. unit + contract tests (vitest; each file starts its own redis-server on a free port);
//   4. the production build, then the Playwright end-to-end tests in Chromium against it;
//   5. load and soak against that build on real Redis (scripts/load.mjs, modest settings: about
//      3 minutes), each of its assertions counted as one test;
//   6. the bench, short (scripts/bench.mjs --quick, about a minute), counted as one test: it
//      must run to the end and write a report of the declared shape; no timing is asserted;
//   7. the cluster bench, short (scripts/bench-cluster.mjs --quick, about 30 s), one test too.
// It ends with one plain line of real totals, `N passed, N failed, N skipped`, also written to
// test-results/totals.txt for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './lib/processes.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (name) => `node_modules/.bin/${name}`;

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.error) console.error(result.error.message);
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

if (!run('system packages', 'bash', ['scripts/ensure-system-deps.sh'])) {
  problems.push('system packages are missing (see above)');
  totals.failed += 1;
} else {
  const checks = [
    ['types', bin('tsc'), ['--noEmit']],
    ['lint', bin('eslint'), ['.', '--max-warnings=0']],
    ['formatting', bin('prettier'), ['--check', '.']],
    ['unused code', bin('knip'), []],
  ];
  for (const [label, command, args] of checks) {
    if (run(`static check: ${label}`, command, args)) {
      totals.passed += 1;
    } else {
      totals.failed += 1;
      problems.push(`static check failed: ${label} (see above)`);
    }
  }

  const unitOk = run('unit and contract tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ]);
  const vitest = readJson('test-results/vitest.json');
  if (vitest) {
    totals.passed += vitest.numPassedTests;
    totals.failed += vitest.numFailedTests;
    totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  if (!unitOk) problems.push('vitest reported failures');

  if (!run('production build', bin('next'), ['build'])) {
    problems.push('next build failed, so the end-to-end tests could not run');
    // Counted as one failure, so the closing line never reads "0 failed" for a broken build.
    totals.failed += 1;
  } else {
    const port = await freePort();
    // A second server with 5 s access tokens for the JWT expiry specs.
    let shortTtlPort = await freePort();
    while (shortTtlPort === port) shortTtlPort = await freePort();
    const e2eOk = run('end-to-end tests (Chromium)', bin('playwright'), ['test'], {
      E2E_PORT: String(port),
      E2E_SHORT_TTL_PORT: String(shortTtlPort),
      E2E_SKIP_BUILD: '1',
    });
    const playwright = readJson('test-results/playwright.json');
    if (playwright?.stats) {
      totals.passed += playwright.stats.expected + playwright.stats.flaky;
      totals.failed += playwright.stats.unexpected;
      totals.skipped += playwright.stats.skipped;
    }
    if (!e2eOk) problems.push('Playwright reported failures');

    // The script stops every process it starts (by process group), whatever happens.
    const loadOk = run('load and soak (real Redis)', 'node', ['scripts/load.mjs']);
    const load = readJson('test-results/load.json');
    if (load) {
      totals.passed += load.passed;
      totals.failed += load.failed;
    } else {
      totals.failed += 1;
    }
    if (!loadOk) problems.push('the load and soak stage reported failures (see test-results/load.json)');

    // One test: the bench still runs end to end and writes a report of the declared shape. Its
    // timings are never asserted (a short run on a shared CI machine measures nothing reliable).
    const benchOk = run('bench, quick (memory, Redis, Upstash)', 'node', ['scripts/bench.mjs', '--quick']);
    if (benchOk && readJson('test-results/bench-quick.json')) {
      totals.passed += 1;
    } else {
      totals.failed += 1;
      problems.push('the quick bench broke (see above; a timing never fails it)');
    }

    // One test: the cluster bench (nginx, one and two instances, the orders service) runs end to
    // end and writes its report; about 30 s, a third of it starting the two clusters. No timing asserted.
    const clusterBenchOk = run('cluster bench, quick (nginx, Redis, orders service)', 'node', ['scripts/bench-cluster.mjs', '--quick']);
    if (clusterBenchOk && readJson('test-results/bench-cluster-quick.json')) {
      totals.passed += 1;
    } else {
      totals.failed += 1;
      problems.push('the quick cluster bench broke (see above; a timing never fails it)');
    }
  }
}

for (const problem of problems) console.error(`\n✗ ${problem}`);
const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync('test-results/totals.txt', `${line}\n`);
console.log(`\n${line}`);
process.exit(problems.length === 0 && totals.failed === 0 && existsSync('test-results/totals.txt') ? 0 : 1);
