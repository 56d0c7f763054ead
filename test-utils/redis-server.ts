import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { findFreePort } from './free-port';

export interface RunningRedis {
  url: string;
  port: number;
  pid: number;
  /** SIGKILL, as a crash or a pulled cable would: no goodbye to connected clients. */
  kill(): Promise<void>;
  /** Graceful stop; safe to call twice. */
  stop(): Promise<void>;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a throwaway redis-server on a free loopback port, with persistence off so nothing is
 * written to disk. Pass `port` to restart one on the same address (a reconnect test).
 */
export async function startRedisServer(options: { port?: number } = {}): Promise<RunningRedis> {
  const port = options.port ?? (await findFreePort());
  const binary = process.env.REDIS_SERVER_BIN ?? 'redis-server';
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    {
      stdio: 'ignore',
    },
  );
  const spawnFailure = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`could not start ${binary} (apt-get install redis-server): ${error.message}`)));
  });
  await Promise.race([waitForPort(port, 10_000), spawnFailure]);
  const pid = child.pid;
  if (pid === undefined) throw new Error('redis-server has no pid');
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
