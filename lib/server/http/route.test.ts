import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '@/lib/store/store';
import { createTestApp } from '@/test-utils/test-app';
import { createRouteWrapper } from './route';
import { fail, noContent, ok } from './reply';

const app = createTestApp({ instanceId: 'route-test' });
const route = createRouteWrapper(() => app);
const ORIGIN = 'http://127.0.0.1:3000';

function request(method: string, headers: Record<string, string> = {}, path = '/api/test'): Request {
  return new Request(`${ORIGIN}${path}`, { method, headers: { host: '127.0.0.1:3000', ...headers } });
}

/** What every answer carries, whatever the exit path. */
function expectFinished(response: Response): void {
  expect(response.headers.get('x-instance')).toBe('route-test');
  expect(response.headers.get('x-store-lookups')).toMatch(/^\d+$/);
  expect(response.headers.get('x-store-commands')).toMatch(/^\d+$/);
}

describe('route wrapper: cross-site refusal', () => {
  let calls = 0;
  const handler = route(async () => {
    calls += 1;
    return noContent();
  });

  it.each([
    ['POST', { 'sec-fetch-site': 'cross-site' }],
    ['DELETE', { 'sec-fetch-site': 'cross-site' }],
    ['PUT', { origin: 'http://evil.localhost:3000' }],
    ['POST', { origin: 'null' }],
  ])('refuses a state-changing %s from another site with a JSON 403, before the handler runs', async (method, headers) => {
    const before = calls;
    const response = await handler(request(method, headers));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'cross_site_request' });
    expect(calls).toBe(before);
    expectFinished(response);
  });

  it.each([
    ['GET', { 'sec-fetch-site': 'cross-site' }],
    ['POST', { 'sec-fetch-site': 'same-origin', origin: ORIGIN }],
    ['POST', {}],
  ])('lets %s %j through', async (method, headers) => {
    const before = calls;
    expect((await handler(request(method, headers))).status).toBe(204);
    expect(calls).toBe(before + 1);
  });
});

describe('route wrapper: Host validation (DNS rebinding)', () => {
  let calls = 0;
  const handler = route(async () => {
    calls += 1;
    return noContent();
  });
  const withAllowed = createRouteWrapper(() => createTestApp({ env: { ALLOWED_HOSTS: 'demo.example.org, Workshop.test' } }));
  const withPublicOrigin = createRouteWrapper(() => createTestApp({ env: { PUBLIC_ORIGIN: 'https://demo.example.org' } }));

  it.each(['evil.example:3000', 'rebind.attacker.test', '127.0.0.1.nip.io:3000', 'localhost.evil.example'])(
    'refuses Host %s with a JSON 421 before the handler runs, even for a GET',
    async (host) => {
      const before = calls;
      const response = await handler(new Request('http://127.0.0.1:3000/api/test', { headers: { host } }));
      expect(response.status).toBe(421);
      expect(await response.json()).toMatchObject({ error: 'misdirected_request' });
      expect(calls).toBe(before);
      expectFinished(response);
    },
  );

  it.each(['127.0.0.1:3000', '192.168.1.20:3000', '[::1]:3000', 'localhost:3000', 'LOCALHOST', 'app.localhost:3000'])(
    'accepts Host %s, which no outside DNS answer can rebind',
    async (host) => {
      const before = calls;
      expect((await handler(new Request('http://127.0.0.1:3000/api/test', { headers: { host } }))).status).toBe(204);
      expect(calls).toBe(before + 1);
    },
  );

  it('accepts the names in ALLOWED_HOSTS, with any port and case, and nothing else', async () => {
    const allowed = withAllowed(async () => noContent());
    const status = async (host: string) => (await allowed(new Request('http://127.0.0.1:3000/api/test', { headers: { host } }))).status;
    expect(await status('demo.example.org')).toBe(204);
    expect(await status('workshop.test:8080')).toBe(204);
    expect(await status('evil.demo.example.org')).toBe(421);
  });

  it('with PUBLIC_ORIGIN set, trusts the Host for nothing and so refuses none (a proxy in front may rewrite it)', async () => {
    const response = await withPublicOrigin(async () => noContent())(
      new Request('http://10.0.0.5:3000/api/test', { headers: { host: 'internal-backend:3000' } }),
    );
    expect(response.status).toBe(204);
    // An https public origin: HSTS on every answer.
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000');
  });

  it('sends no HSTS over plain http', async () => {
    expect((await handler(request('GET'))).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('route wrapper: every exit is finished', () => {
  it('a success: JSON, no-store, the phases measured in Server-Timing and the store reads counted', async () => {
    const response = await route(async (ctx) => {
      await ctx.timer.measure('lookup', () => ctx.store.get('nothing'));
      return ok({ hello: 'world' });
    })(request('GET'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: 'world' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('server-timing')).toMatch(/^lookup;dur=\d+\.\d{3}$/);
    expect(response.headers.get('x-store-lookups')).toBe('1');
    expect(response.headers.get('x-store-commands')).toBe('1');
    expectFinished(response);
  });

  it("counts store commands at the driver: writes, and calls that bypass the request's own store view, are counted too", async () => {
    const response = await route(async (ctx) => {
      await ctx.store.set('written', 'x');
      await ctx.app.store.get('written');
      await Promise.all([ctx.app.store.get('a'), ctx.app.store.delete('b')]);
      return noContent();
    })(request('GET'));
    expect(response.headers.get('x-store-lookups')).toBe('0');
    expect(response.headers.get('x-store-commands')).toBe('4');
  });

  it('bills each request only for its own commands, when requests overlap', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = route(async (ctx) => {
      await ctx.store.get('one');
      await gate;
      await ctx.store.get('two');
      return noContent();
    })(request('GET'));
    const fast = await route(async (ctx) => {
      for (let i = 0; i < 5; i += 1) await ctx.store.get('x');
      return noContent();
    })(request('GET'));
    release();
    expect(fast.headers.get('x-store-commands')).toBe('5');
    expect((await slow).headers.get('x-store-commands')).toBe('2');
  });

  it('an expected failure: the status from the one error table, the error body, cookies cleared by the table', async () => {
    const response = await route(async () => fail('session_expired', 'gone', { cookies: [{ purpose: 'session', clear: true }] }))(
      request('GET'),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'session_expired', message: 'gone' });
    // Loopback is a secure context: the prefixed name, Secure, and the table's attributes.
    expect(response.headers.get('set-cookie')).toBe('__Host-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure');
    expectFinished(response);
  });

  it('a stream handed back as a Response is finished too', async () => {
    const response = await route(async () => new Response('data: x\n\n', { headers: { 'content-type': 'text/event-stream' } }))(
      request('GET'),
    );
    expect(await response.text()).toBe('data: x\n\n');
    expectFinished(response);
  });

  it('a store outage thrown anywhere is a 503 that says when to retry', async () => {
    const response = await route(async () => {
      throw new StoreUnavailableError('redis', 'get');
    })(request('POST'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: 'store_unavailable' });
    expectFinished(response);
  });

  it('a bug is a JSON 500 that tells nothing about its cause', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = await route(async () => {
        throw new Error('secret detail');
      })(request('GET'));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'internal_error' });
      expect(text).not.toContain('secret detail');
      expectFinished(response);
    } finally {
      console.error = original;
    }
  });

  it('sets cookies through the table under the plain name on a plain-http LAN address', async () => {
    const response = await route(async () => ok({}, { cookies: [{ purpose: 'accessToken', value: 'tok', lifetimeSeconds: 30 }] }))(
      new Request('http://192.168.1.20:3000/api/test', { headers: { host: '192.168.1.20:3000' } }),
    );
    expect(response.headers.get('set-cookie')).toBe('access-token=tok; Path=/; Max-Age=30; HttpOnly; SameSite=Lax');
  });

  it("gives the handler the request's one `now` and the route parameters", async () => {
    const before = Date.now();
    const response = await route<{ id: string }>(async (ctx, params) => ok({ id: params.id, now: ctx.now }))(request('GET'), {
      params: Promise.resolve({ id: 'abc' }),
    });
    const body = (await response.json()) as { id: string; now: number };
    expect(body.id).toBe('abc');
    expect(body.now).toBeGreaterThanOrEqual(before);
    expect(body.now).toBeLessThanOrEqual(Date.now());
  });
});
