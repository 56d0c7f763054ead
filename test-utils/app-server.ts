import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DEMO_ADMIN } from '@/lib/users/demo-credentials';
import { findFreePort } from './free-port';

/**
 * One signing-key secret per test run: instances started against the same Redis must decrypt each
 * other's signing key. Generated here, never committed.
 */
const SIGNING_KEY_SECRET_FOR_THIS_RUN = randomBytes(32).toString('base64url');

export interface RunningAppServer {
  baseURL: string;
  port: number;
  /** The process group of `next start` and the `next-server` it runs (see `serverProcessId`). */
  processGroup: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the production build (`next start`) as an extra app instance on a free loopback port,
 * with its own environment (e.g. REDIS_URL). It runs in its own process group and is stopped with
 * `kill -- -PGID`: killing only the `next start` PID would leave `next-server` running.
 * Requires `next build` to have run (npm test does it first).
 */
export async function startAppServer(env: Record<string, string>): Promise<RunningAppServer> {
  const port = await findFreePort();
  const child: ChildProcess = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SESSION_PASSWORD: randomBytes(32).toString('base64url'),
      SIGNING_KEY_SECRET: SIGNING_KEY_SECRET_FOR_THIS_RUN,
      // The public demo admin password, set explicitly as the Playwright servers do (see
      // playwright.config.ts); pass ADMIN_PASSWORD: '' for a server whose admin is disabled.
      ADMIN_PASSWORD: DEMO_ADMIN.password,
      ...env,
    },
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    const up = await fetch(`${baseURL}/api/health`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseURL,
    port,
    processGroup: child.pid!,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
