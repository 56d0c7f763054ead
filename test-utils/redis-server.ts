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

export interface RedisServerOptions {
  /** Listen here instead of a free port: restarting on the same address is a reconnect test. */
  port?: number;
  /**
   * Turns the append-only file on in this directory, fsynced on every write, so a restart with the
   * same directory (after SIGKILL, even) comes back with every acknowledged write. Without it,
   * persistence is off and nothing touches the disk.
   */
  appendOnlyDir?: string;
}

/** Starts a throwaway redis-server on loopback (see RedisServerOptions for restarts and persistence). */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RunningRedis> {
  const port = options.port ?? (await findFreePort());
  const binary = process.env.REDIS_SERVER_BIN ?? 'redis-server';
  const persistence =
    options.appendOnlyDir === undefined
      ? ['--appendonly', 'no']
      : ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.appendOnlyDir];
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--protected-mode', 'yes'], {
    stdio: 'ignore',
  });
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
