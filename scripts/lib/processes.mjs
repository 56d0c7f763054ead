// What every script that starts servers needs: free loopback ports, children in their own process
// groups (`next start` runs `next-server` as a child, so killing one PID would leave the server
// running), stopped on every exit path, and per-process figures read from /proc.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createClient } from 'redis';

const children = [];

/** Stops every process group started through `startDetached`; runs on every exit path. */
export function stopChildren() {
  for (const child of children.splice(0)) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * For a script that should die with its children: Ctrl-C or SIGTERM kills them all and exits.
 * Not done on import: a caller with its own orderly shutdown (the cluster launcher, a Playwright
 * worker) must not inherit it.
 */
export function stopChildrenWhenThisProcessEnds() {
  process.on('exit', stopChildren);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopChildren();
      process.exit(130);
    });
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now, on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `command` as the leader of a new process group with exactly the environment `env` (the
 * callers decide what of theirs reaches the child); `child.output()` is everything it printed.
 */
export function startDetached(command, args, env = process.env) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  children.push(child);
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  child.output = () => log;
  return child;
}

/** Kills one child's whole process group now. */
export function stopChild(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  const index = children.indexOf(child);
  if (index !== -1) children.splice(index, 1);
}

export const CLOCK_TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

/** The process group and the CPU ticks (user + system) of a process, or null once it is gone. */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pgrp: Number(fields[2]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Every process of the group `pgid`. */
export function groupPids(pgid) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => procStat(pid)?.pgrp === pgid);
}

/** Resident memory of a process in KiB (0 once it is gone). */
export function rssKiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The process that serves requests: the largest of the group (next-server, not the `next start` launcher). */
export const serverPid = (pgid) => groupPids(pgid).sort((a, b) => rssKiB(b) - rssKiB(a))[0];

/**
 * A throwaway redis-server on a free loopback port (no persistence), and a connected client.
 * It is one of this script's children: it stops with them.
 */
export async function startRedisServer() {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server = startDetached('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  const client = createClient({ url, RESP: 2 });
  client.on('error', () => {});
  for (let attempt = 0; ; attempt++) {
    try {
      await client.connect();
      return { url, client, process: server };
    } catch (error) {
      if (attempt > 100 || server.exitCode !== null) throw new Error(`redis-server did not start: ${error.message}\n${server.output()}`);
      await sleep(50);
    }
  }
}
