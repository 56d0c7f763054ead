import { describe, expect, it } from 'vitest';
import { createServerApp } from '@/lib/server/app';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createTestApp, serveRoutesFrom } from '@/test-utils/test-app';
import { GET as costs } from '@/app/api/costs/route';
import { GET as sessionMe } from '@/app/api/session/me/route';
import { generateOpaqueToken } from '@/lib/crypto/opaque-token';
import { cookieName } from '@/lib/http/cookies';
import { sealSessionId } from '@/lib/session/session-cookie';
import { warmUpServer, WARM_UP_HEADER } from './warm-up';

const ORIGIN = 'http://127.0.0.1:3000';

/** A server app that starts cold, as a real server process does (no timers: nothing runs behind the test's back). */
function coldApp() {
  const { config } = createTestApp();
  return createServerApp({ config, driverStore: createMemoryStore(), instanceId: 'cold', now: Date.now, timers: false, startsCold: true });
}

describe('warm-up', () => {
  it('labels requests cold until the warm-up finished, then measures the library calls alone and reports them', async () => {
    const app = coldApp();
    serveRoutesFrom(app);
    const before = await costs(new Request(`${ORIGIN}/api/costs`, { headers: { host: '127.0.0.1:3000' } }));
    expect(before.headers.get('x-cold-start')).toBe('1');
    expect(await before.json()).toMatchObject({ warmedAt: null, library: null, coldRequests: 1, driver: 'memory' });

    await warmUpServer(app, null);

    const after = await costs(new Request(`${ORIGIN}/api/costs`, { headers: { host: '127.0.0.1:3000' } }));
    expect(after.headers.get('x-cold-start')).toBeNull();
    expect(after.headers.get('x-store-commands')).toBe('0');
    const body = (await after.json()) as { warmedBy: string; library: Record<string, { medianMs: number; samples: number }> };
    expect(body.warmedBy).toBe('warm-up');
    for (const call of ['unseal', 'verify', 'storeGet']) {
      expect(body.library[call]!.medianMs).toBeGreaterThan(0);
      expect(body.library[call]!.samples).toBeGreaterThanOrEqual(100);
    }
  });

  it('a warm-up request publishes nothing and is not counted cold; the marker is worthless without the process token', async () => {
    const app = coldApp();
    serveRoutesFrom(app);
    const watcher = app.events.subscribe({ kind: 'admin' });
    // A well-sealed cookie for a session that does not exist: a rejection, which is an event.
    const sealed = await sealSessionId(generateOpaqueToken(), app.config.sessionPasswords, 60);
    const cookie = `${cookieName('session', true)}=${sealed}`;
    const ask = (marker: string) =>
      sessionMe(new Request(`${ORIGIN}/api/session/me`, { headers: { host: '127.0.0.1:3000', cookie, [WARM_UP_HEADER]: marker } }));
    const own = await ask(app.costs.warmUpToken);
    expect(own.status).toBe(401);
    expect(own.headers.get('x-cold-start')).toBeNull();
    expect((await watcher.next(0)).events).toEqual([]);

    const forged = await ask('guessed');
    expect(forged.status).toBe(401);
    expect(forged.headers.get('x-cold-start')).toBe('1');
    expect(app.costs.warmth.state().coldRequests).toBe(1);
    const { events } = await watcher.next(0);
    expect(events.map((e) => [e.type, e.code, e.detail.cold])).toEqual([['rejection', 'session_invalid', true]]);
    watcher.close();
  });
});
