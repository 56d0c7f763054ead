// A second copy of scripts/upstash-rest-proxy.mjs (which the bench runs as its own process): Playwright
// compiles what a spec imports to CommonJS, and an imported .mjs then fails to load. Keep the two in step.
/**
 * A small Upstash-compatible REST endpoint in front of a real redis-server, so the `upstash`
 * driver (and @upstash/redis itself) can be tested against real Redis on loopback.
 * Test and development utility only: the app never imports it.
 *
 * It speaks the subset @upstash/redis 1.39 uses (see RECIPES.md): POST with a JSON command array
 * to `/`, an array of them to `/pipeline` (auto-pipelining sends even single commands there) and
 * to `/multi-exec`; `Authorization: Bearer <token>`; with `Upstash-Encoding: base64` every string
 * result except "OK" is base64 of its bytes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, ErrorReply } from 'redis';

type Reply = string | number | null | Reply[];
type Outcome = { result: unknown } | { error: string };

export interface UpstashRestProxy {
  url: string;
  token: string;
  /** Number of HTTP requests served, to show the client really went through here. */
  requestCount(): number;
  close(): Promise<void>;
}

function encodeBase64(reply: Reply): unknown {
  if (typeof reply === 'string') return reply === 'OK' ? reply : Buffer.from(reply, 'utf8').toString('base64');
  if (Array.isArray(reply)) return reply.map(encodeBase64);
  return reply;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function isCommand(value: unknown): value is (string | number)[] {
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === 'string' || typeof part === 'number');
}

export async function startUpstashRestProxy(options: { redisUrl: string; token?: string }): Promise<UpstashRestProxy> {
  const token = options.token ?? `test-token-${Math.random().toString(36).slice(2)}`;
  const redis = createClient({ url: options.redisUrl, RESP: 2, disableOfflineQueue: true, socket: { reconnectStrategy: () => 100 } });
  redis.on('error', () => {});
  await redis.connect();
  let served = 0;

  async function run(command: (string | number)[], base64: boolean): Promise<Outcome> {
    try {
      const reply = (await redis.sendCommand(command.map(String))) as Reply;
      return { result: base64 ? encodeBase64(reply) : reply };
    } catch (error) {
      if (error instanceof ErrorReply) return { error: error.message };
      throw error;
    }
  }

  async function runTransaction(commands: (string | number)[][], base64: boolean): Promise<Outcome[]> {
    const multi = redis.multi();
    for (const command of commands) multi.addCommand(command.map(String));
    const replies = (await multi.exec()) as unknown as (Reply | Error)[];
    return replies.map((reply) => (reply instanceof Error ? { error: reply.message } : { result: base64 ? encodeBase64(reply) : reply }));
  }

  function send(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  const server = createServer(async (request, response) => {
    served += 1;
    try {
      if (request.method !== 'POST') return send(response, 405, { error: 'Method not allowed' });
      if (request.headers.authorization !== `Bearer ${token}`) return send(response, 401, { error: 'Unauthorized' });
      const base64 = String(request.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
      const path = (request.url ?? '/').split('?')[0];
      let body: unknown;
      try {
        body = JSON.parse(await readBody(request));
      } catch {
        return send(response, 400, { error: 'ERR failed to parse JSON body' });
      }
      if (path === '/' || path === '') {
        if (!isCommand(body)) return send(response, 400, { error: 'ERR a command is a non-empty array' });
        const outcome = await run(body, base64);
        return send(response, 'error' in outcome ? 400 : 200, outcome);
      }
      if (path === '/pipeline' || path === '/multi-exec') {
        if (!Array.isArray(body) || !body.every(isCommand)) return send(response, 400, { error: 'ERR a pipeline is an array of commands' });
        const outcomes =
          path === '/pipeline' ? await Promise.all(body.map((command) => run(command, base64))) : await runTransaction(body, base64);
        return send(response, 200, outcomes);
      }
      return send(response, 404, { error: 'Not found' });
    } catch (error) {
      // Redis behind the proxy is down: answer like a gateway would.
      return send(response, 503, { error: `ERR upstream redis unavailable: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requestCount: () => served,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (redis.isOpen) redis.destroy();
    },
  };
}
