/** The session flow against a real redis-server, through the redis driver. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { StoreUnavailableError } from '@/lib/store/store';
import { startRedisServer, type RunningRedis } from '@/test-utils/redis-server';
import { createSession, listUserSessions, revokeSession, revokeUserSessions, validateSession, type SessionPolicy } from './session';

const policy: SessionPolicy = { idleTimeoutSeconds: 2, absoluteTimeoutSeconds: 3600, touchIntervalSeconds: 60 };
const alice = { id: `usr_alice_${Date.now()}`, username: 'alice', role: 'user' as const };

let redis: RunningRedis;
let store: Store;

beforeAll(async () => {
  redis = await startRedisServer();
  store = createRedisStore({ url: redis.url });
});

afterAll(async () => {
  await store?.close();
  await redis?.stop();
});

describe('sessions on real Redis', () => {
  it('creates, validates, lists and revokes one session', async () => {
    const laptop = await createSession(store, alice, { now: Date.now(), policy, userAgent: 'Laptop' });
    const phone = await createSession(store, alice, { now: Date.now(), policy, userAgent: 'Phone' });
    expect((await validateSession(store, laptop.sessionId, { now: Date.now(), policy })).ok).toBe(true);
    expect((await listUserSessions(store, alice.id, { now: Date.now(), policy })).map((s) => s.userAgent).sort()).toEqual([
      'Laptop',
      'Phone',
    ]);
    await revokeSession(store, alice.id, laptop.session.id);
    expect((await validateSession(store, laptop.sessionId, { now: Date.now(), policy })).ok).toBe(false);
    expect((await validateSession(store, phone.sessionId, { now: Date.now(), policy })).ok).toBe(true);
  });

  it('lets Redis expire an idle session by its TTL', async () => {
    const { sessionId, session } = await createSession(store, alice, { now: Date.now(), policy });
    await new Promise((resolve) => setTimeout(resolve, 2200));
    // Checked with a "now" from before the deadline: only the store's own TTL can have removed it.
    expect(await validateSession(store, sessionId, { now: session.createdAt, policy })).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it("revokes all of a user's sessions in one operation", async () => {
    const user = { ...alice, id: `${alice.id}_all` };
    const sessions = await Promise.all(
      [1, 2, 3].map(() => createSession(store, user, { now: Date.now(), policy: { ...policy, idleTimeoutSeconds: 600 } })),
    );
    expect(await revokeUserSessions(store, user.id)).toBe(3);
    for (const s of sessions) expect((await validateSession(store, s.sessionId, { now: Date.now(), policy })).ok).toBe(false);
  });

  it('throws the typed store-unavailable error once Redis is gone (the route answers 503)', async () => {
    const { sessionId } = await createSession(store, alice, { now: Date.now(), policy: { ...policy, idleTimeoutSeconds: 600 } });
    await redis.kill();
    await expect(validateSession(store, sessionId, { now: Date.now(), policy })).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(createSession(store, alice, { now: Date.now(), policy })).rejects.toMatchObject({ code: 'store_unavailable' });
  });
});
