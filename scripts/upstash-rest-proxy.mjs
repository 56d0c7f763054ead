#!/usr/bin/env node
// A small Upstash-compatible REST endpoint in front of a real redis-server, so the `upstash`
// driver (and @upstash/redis itself) runs against real Redis on loopback. Test, bench and
// development utility only: the app never imports it. The one copy: the vitest and Playwright
// suites import it through test-utils/upstash-rest-proxy.ts (types in upstash-rest-proxy.d.mts),
// and `npm run bench` runs it as its own process:
//
//   node scripts/upstash-rest-proxy.mjs <redis-url> <token>   prints {"url": ...} once listening
//
// It speaks the subset @upstash/redis 1.39 uses (see RECIPES.md): POST with a JSON command array
// to `/`, an array of them to `/pipeline` (auto-pipelining sends even single commands there) and
// to `/multi-exec`; `Authorization: Bearer <token>`; with `Upstash-Encoding: base64` every string
// result except "OK" is base64 of its bytes.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createClient, ErrorReply } from 'redis';

function encodeBase64(reply) {
  if (typeof reply === 'string') return reply === 'OK' ? reply : Buffer.from(reply, 'utf8').toString('base64');
  if (Array.isArray(reply)) return reply.map(encodeBase64);
  return reply;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function isCommand(value) {
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === 'string' || typeof part === 'number');
}

/** Starts the endpoint on a free loopback port. See upstash-rest-proxy.d.mts for the types. */
export async function startUpstashRestProxy(options) {
  const token = options.token ?? `test-token-${Math.random().toString(36).slice(2)}`;
  const redis = createClient({ url: options.redisUrl, RESP: 2, disableOfflineQueue: true, socket: { reconnectStrategy: () => 100 } });
  redis.on('error', () => {});
  await redis.connect();
  let served = 0;

  async function run(command, base64) {
    try {
      const reply = await redis.sendCommand(command.map(String));
      return { result: base64 ? encodeBase64(reply) : reply };
    } catch (error) {
      if (error instanceof ErrorReply) return { error: error.message };
      throw error;
    }
  }

  async function runTransaction(commands, base64) {
    const multi = redis.multi();
    for (const command of commands) multi.addCommand(command.map(String));
    const replies = await multi.exec();
    return replies.map((reply) => (reply instanceof Error ? { error: reply.message } : { result: base64 ? encodeBase64(reply) : reply }));
  }

  function send(response, status, body) {
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
      let body;
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

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requestCount: () => served,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
      if (redis.isOpen) redis.destroy();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [redisUrl, token] = process.argv.slice(2);
  if (!redisUrl || !token) {
    console.error('usage: node scripts/upstash-rest-proxy.mjs <redis-url> <token>');
    process.exit(2);
  }
  // No top-level await: Playwright loads this module through require(), which refuses one.
  void startUpstashRestProxy({ redisUrl, token }).then((proxy) => console.log(JSON.stringify({ url: proxy.url })));
}
