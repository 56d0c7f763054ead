/**
 * Event streams live only as long as their credential, are capped per user, and release their
 * subscriber when the client goes away. Whole apps on the memory store; each "request" goes
 * through the real route wrapper, and the stream is read as a client reads it.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_STREAMS_PER_USER } from '@/lib/policy';
import { createTestApp } from '@/test-utils/test-app';
import type { ServerApp } from '../app';
import { requireAdmin } from '../admin/authenticate';
import { revokeUser } from '../admin/revoke';
import { changeSettings } from '../admin/settings';
import type { RequestContext } from '../http/context';
import type { Failure, Reply } from '../http/reply';
import { noContent } from '../http/reply';
import { createRouteWrapper } from '../http/route';
import { logInForTokens } from '../jwt/issue';
import { logInWithPassword } from '../session/login';
import { endCurrentSession } from '../session/logout';
import { openAdminEventStream, openUserEventStream } from './streams';

const alice = { username: 'alice', password: 'alice-password' };
const root = { username: 'root', password: 'root-password' };

function makeApp(env: Record<string, string> = {}): ServerApp {
  return createTestApp({
    env: {
      SESSION_PASSWORD: randomBytes(32).toString('base64url'),
      DEMO_USERS: JSON.stringify([
        { ...alice, role: 'user' },
        { ...root, role: 'admin' },
      ]),
      ...env,
    },
  });
}

function call(app: ServerApp, handler: (ctx: RequestContext) => Promise<Reply | Response>, cookie: string, signal?: AbortSignal) {
  return createRouteWrapper(() => app)(handler)(
    new Request('http://127.0.0.1:3000/api/events', { headers: { host: '127.0.0.1:3000', cookie }, signal }),
  );
}

async function inRequest<T>(app: ServerApp, work: (ctx: RequestContext) => Promise<T>, cookie = ''): Promise<T> {
  let result: { value: T } | undefined;
  await call(
    app,
    async (ctx) => {
      result = { value: await work(ctx) };
      return noContent();
    },
    cookie,
  );
  return result!.value;
}

async function sessionCookie(app: ServerApp, who: typeof alice, scope: 'user' | 'admin'): Promise<string> {
  const started = await inRequest(app, (ctx) => logInWithPassword(ctx, who, scope));
  if (!started.ok || !('value' in started.cookie)) throw new Error('login failed');
  return `${scope === 'user' ? '__Host-session' : '__Secure-admin-session'}=${started.cookie.value}`;
}

async function accessCookie(app: ServerApp): Promise<{ cookie: string; exp: number }> {
  const issued = await inRequest(app, (ctx) => logInForTokens(ctx, alice, 'token-endpoint'));
  if (!issued.ok) throw new Error('login failed');
  return { cookie: `__Host-access-token=${issued.tokens.access.token}`, exp: issued.tokens.access.claims.exp };
}

const adminStream = async (ctx: RequestContext) => {
  const admin = await requireAdmin(ctx);
  return admin.ok ? openAdminEventStream(ctx, admin.user) : admin;
};

/** Reads the stream until it ends (or `timeoutMs`): everything it sent, and when it ended. */
async function readToEnd(response: Response, timeoutMs: number): Promise<{ text: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  clearTimeout(deadline);
  return { text };
}

const endReason = (text: string) => JSON.parse(/event: ended\ndata: (.*)\n/.exec(text)?.[1] ?? 'null') as { reason: string } | null;

describe('event streams', () => {
  it('release their subscriber when the client aborts', async () => {
    const app = makeApp();
    const cookie = await sessionCookie(app, alice, 'user');
    expect(app.events.subscriberCount()).toBe(0);
    const client = new AbortController();
    const response = await call(app, openUserEventStream, cookie, client.signal);
    expect(response.status).toBe(200);
    expect(app.events.subscriberCount()).toBe(1);
    const reader = response.body!.getReader();
    await reader.read();
    client.abort();
    await reader.cancel().catch(() => {});
    expect(app.events.subscriberCount()).toBe(0);
  });

  it(`cap at ${MAX_EVENT_STREAMS_PER_USER} per user with a 429 rate_limited, and a closed one frees its place`, async () => {
    const app = makeApp();
    const cookie = await sessionCookie(app, alice, 'user');
    const clients = Array.from({ length: MAX_EVENT_STREAMS_PER_USER }, () => new AbortController());
    for (const client of clients) expect((await call(app, openUserEventStream, cookie, client.signal)).status).toBe(200);
    const refused = await call(app, openUserEventStream, cookie);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    expect(refused.headers.get('retry-after')).toBe('5');
    // Another user is not affected by alice's streams.
    expect((await call(app, adminStream, await sessionCookie(app, root, 'admin'), new AbortController().signal)).status).toBe(200);
    clients[0]!.abort();
    const again = new AbortController();
    expect((await call(app, openUserEventStream, cookie, again.signal)).status).toBe(200);
    for (const client of [...clients, again]) client.abort();
  });

  it('a session stream ends with event: ended once the session is logged out', async () => {
    const app = makeApp();
    const cookie = await sessionCookie(app, alice, 'user');
    const response = await call(app, openUserEventStream, cookie);
    await inRequest(app, (ctx) => endCurrentSession(ctx, 'user'), cookie);
    const read = await readToEnd(response, 9000);
    expect(endReason(read.text)).toEqual({ reason: 'session_invalid' });
    expect(app.events.subscriberCount()).toBe(0);
  });

  it('an admin stream ends once the admin logs out', async () => {
    const app = makeApp();
    const cookie = await sessionCookie(app, root, 'admin');
    const response = await call(app, adminStream, cookie);
    expect(response.status).toBe(200);
    await inRequest(app, (ctx) => endCurrentSession(ctx, 'admin'), cookie);
    const read = await readToEnd(response, 9000);
    expect(endReason(read.text)).toEqual({ reason: 'session_invalid' });
  });

  it("an access-token stream ends at the token's exp", async () => {
    const app = makeApp({ ACCESS_TOKEN_TTL_SECONDS: '5' });
    const { cookie, exp } = await accessCookie(app);
    const response = await call(app, openUserEventStream, cookie);
    expect(response.status).toBe(200);
    await readToEnd(response, 9000).then((read) => expect(endReason(read.text)).toEqual({ reason: 'token_expired' }));
    // At exp, not at exp plus the verifier's clock tolerance (5 s), nor at the next re-check.
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(Date.now()).toBeLessThan(exp * 1000 + 1000);
  });

  it('an access-token stream ends when the user is revoked with the denylist on', async () => {
    const app = makeApp();
    const adminCookie = await sessionCookie(app, root, 'admin');
    await inRequest(app, (ctx) => changeSettings(ctx, { denylist: true }), adminCookie);
    const response = await call(app, openUserEventStream, (await accessCookie(app)).cookie);
    expect(response.status).toBe(200);
    await inRequest(
      app,
      async (ctx) => {
        const admin = (await requireAdmin(ctx)) as Exclude<Awaited<ReturnType<typeof requireAdmin>>, Failure>;
        return revokeUser(ctx, admin.user, { username: 'alice' });
      },
      adminCookie,
    );
    const read = await readToEnd(response, 9000);
    expect(endReason(read.text)).toEqual({ reason: 'token_revoked' });
  });
});
