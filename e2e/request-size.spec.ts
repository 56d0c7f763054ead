import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../test-utils/app-server';

// A production server of its own, so its memory is this test's alone.
let app: RunningAppServer;

test.beforeAll(async () => {
  app = await startAppServer({ INSTANCE_ID: 'e2e-request-size' });
});

test.afterAll(async () => {
  await app?.stop();
});

const MiB = 1024 * 1024;
const BODY_BYTES = 100 * MiB;
/** How much the server's resident memory may grow while refusing the 100 MiB body. */
const RSS_GROWTH_BOUND_BYTES = 32 * MiB;

/** The `next-server` process `next start` runs: the member of its process group holding the most memory. */
function serverProcessId(processGroup: number): number {
  const members = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        // Field 5 of /proc/<pid>/stat is the process group; the command name (field 2) may hold spaces.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        return group === processGroup ? [Number(pid)] : [];
      } catch {
        return [];
      }
    });
  const named = members.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('next-server'));
  const candidates = named.length > 0 ? named : members;
  if (candidates.length === 0) throw new Error(`no process in group ${processGroup}`);
  return candidates.sort((a, b) => residentBytes(b) - residentBytes(a))[0]!;
}

function residentBytes(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kib === undefined ? 0 : Number(kib) * 1024;
}

/**
 * POSTs `totalBytes` of JSON-looking padding with Transfer-Encoding: chunked (no Content-Length),
 * generated as it is sent, so the client never holds it. Stops sending once the answer arrives.
 */
function postEndlessJson(url: string, totalBytes: number): Promise<{ status: number; body: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body, sentBytes });
        request.destroy();
      });
    });
    // After the answer the server may close the connection while we still write: that is expected.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sentBytes < totalBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    request.write('{"username":"alice","password":"');
    pump();
  });
}

test(`a ${BODY_BYTES / MiB} MiB chunked body to a login route is refused with 413 while the server's memory grows by far less than the body`, async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL: app.baseURL });
  // Warm up the route, so loading its code does not count as growth.
  expect((await api.post('/api/session/login', { data: { username: 'alice', password: 'wonderland' } })).status()).toBe(200);
  await api.dispose();
  const pid = serverProcessId(app.processGroup);
  const before = residentBytes(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 20);

  const answer = await postEndlessJson(`${app.baseURL}/api/session/login`, BODY_BYTES);
  clearInterval(sampler);
  peak = Math.max(peak, residentBytes(pid));

  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ error: 'payload_too_large' });
  const growth = peak - before;
  console.log(
    `request-size: sent ${(answer.sentBytes / MiB).toFixed(1)} MiB before the 413; next-server RSS ${(before / MiB).toFixed(0)} MiB -> peak ${(peak / MiB).toFixed(0)} MiB (+${(growth / MiB).toFixed(1)} MiB)`,
  );
  expect(growth).toBeLessThan(RSS_GROWTH_BOUND_BYTES);
  // The server is still fine.
  expect((await fetch(`${app.baseURL}/api/health`)).status).toBe(200);
});
