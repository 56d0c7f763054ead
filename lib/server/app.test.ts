import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createTestApp } from '@/test-utils/test-app';

/** Two app instances on one store, driven by hand: what the shared event log wires between them. */
async function twoInstances() {
  const store = createMemoryStore();
  const one = createTestApp({ store, instanceId: 'one' });
  const two = createTestApp({ store, instanceId: 'two' });
  // A started instance reads the log from where it stands.
  await Promise.all([one.events.poll(), two.events.poll(), one.settings.ready(), two.settings.ready()]);
  return { store, one, two };
}

describe('the process app', () => {
  it('a settings change announced by one instance is served by the other after it reads the log', async () => {
    const { one, two } = await twoInstances();
    await one.settings.update({ denylist: true }, Date.now());
    one.events.publish({ type: 'settings_changed', strategy: 'admin' });
    await one.events.flush();
    expect(two.settings.current().denylist).toBe(false);
    await two.events.poll();
    await expect.poll(() => two.settings.current().denylist).toBe(true);
  });

  it("a key rotation announced by one instance reaches the other's key cache", async () => {
    const { store, one, two } = await twoInstances();
    const before = (await two.keys.get(store)).ring.signingKey.kid;
    expect((await one.keys.get(store)).ring.signingKey.kid).toBe(before);
    expect((await one.keys.rotate(Date.now())).ok).toBe(true);
    one.events.publish({ type: 'key_rotated', strategy: 'admin' });
    await one.events.flush();
    await two.events.poll();
    await expect.poll(async () => (await two.keys.get(store)).ring.signingKey.kid).not.toBe(before);
  });

  it('applies the simulated store latency from the settings it serves', async () => {
    const { one } = await twoInstances();
    await one.settings.update({ storeLatencyMs: 40 }, Date.now());
    const started = performance.now();
    await one.store.get('anything');
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    await one.settings.update({ storeLatencyMs: 0 }, Date.now());
  });
});
