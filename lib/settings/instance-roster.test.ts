import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import {
  INSTANCE_ENTRY_TTL_MS,
  INSTANCE_REPORT_INTERVAL_MS,
  INSTANCE_ROSTER_KEY,
  listInstanceReports,
  reportInstanceSettings,
  startInstanceReports,
} from './instance-roster';

function manualTimer() {
  const runs: (() => void)[] = [];
  return {
    every: (ms: number, run: () => void) => {
      expect(ms).toBe(INSTANCE_REPORT_INTERVAL_MS);
      runs.push(run);
      return () => runs.splice(runs.indexOf(run), 1);
    },
    tick: () => runs.forEach((run) => run()),
    count: () => runs.length,
  };
}

describe('the instance roster', () => {
  it('lists every instance that reported, sorted, with the version it serves and when it adopted it', async () => {
    const store = createMemoryStore();
    await reportInstanceSettings(store, { id: 'app-2', version: 3, receivedAt: 1_500, reportedAt: 2_000 });
    await reportInstanceSettings(store, { id: 'app-1', version: 3, receivedAt: 1_200, reportedAt: 2_000 });
    await reportInstanceSettings(store, { id: 'app-1', version: 4, receivedAt: 2_100, reportedAt: 2_100 });
    expect(await listInstanceReports(store)).toEqual([
      { id: 'app-1', version: 4, receivedAt: 2_100, reportedAt: 2_100 },
      { id: 'app-2', version: 3, receivedAt: 1_500, reportedAt: 2_000 },
    ]);
  });

  it('drops an instance that stopped reporting once its entry expires, and prunes it from the roster', async () => {
    let now = 10_000;
    const store = createMemoryStore({ now: () => now });
    await reportInstanceSettings(store, { id: 'app-1', version: 1, receivedAt: now, reportedAt: now });
    now += INSTANCE_ENTRY_TTL_MS / 2;
    await reportInstanceSettings(store, { id: 'app-2', version: 1, receivedAt: now, reportedAt: now });
    now += INSTANCE_ENTRY_TTL_MS / 2;
    expect((await listInstanceReports(store)).map((report) => report.id)).toEqual(['app-2']);
    expect(await store.listIndex(INSTANCE_ROSTER_KEY)).toEqual(['instances:settings:app-2']);
  });

  it('treats a malformed entry as gone instead of failing the listing', async () => {
    const store = createMemoryStore();
    await store.set('instances:settings:bad', '{"id":7}');
    await store.addToIndex(INSTANCE_ROSTER_KEY, 'instances:settings:bad');
    await reportInstanceSettings(store, { id: 'app-1', version: 0, receivedAt: 1, reportedAt: 1 });
    expect((await listInstanceReports(store)).map((report) => report.id)).toEqual(['app-1']);
  });

  it('reports at start, on every tick and on demand, with the state of that moment, and stops', async () => {
    let now = 5_000;
    const store = createMemoryStore({ now: () => now });
    const served = { version: 1, receivedAt: 4_000 };
    const timer = manualTimer();
    const reports = startInstanceReports({ store, id: 'app-1', state: () => served, now: () => now, every: timer.every });
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await listInstanceReports(store)).toEqual([{ id: 'app-1', version: 1, receivedAt: 4_000, reportedAt: 5_000 }]);

    now = 6_000;
    served.version = 2;
    served.receivedAt = 5_900;
    await reports.report();
    expect(await listInstanceReports(store)).toEqual([{ id: 'app-1', version: 2, receivedAt: 5_900, reportedAt: 6_000 }]);

    // Without the heartbeat the entry would have expired by now.
    now += INSTANCE_ENTRY_TTL_MS - 1;
    timer.tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    now += 2;
    expect((await listInstanceReports(store))[0]?.reportedAt).toBe(6_000 + INSTANCE_ENTRY_TTL_MS - 1);

    reports.stop();
    expect(timer.count()).toBe(0);
  });

  it('beats with one write while the entry lives, and reports in full once it was gone and pruned', async () => {
    let now = 1_000;
    const memory = createMemoryStore({ now: () => now });
    const calls: string[] = [];
    const store = new Proxy(memory, {
      get: (target, name: keyof typeof memory) =>
        typeof target[name] === 'function'
          ? (...args: unknown[]) => {
              calls.push(String(name));
              return (target[name] as (...a: unknown[]) => unknown)(...args);
            }
          : target[name],
    });
    const timer = manualTimer();
    // Extra state fields (the settings themselves) are not copied into the entry.
    const state = () => ({ version: 1, receivedAt: 900, settings: { denylist: true }, updatedAt: 800 });
    const reports = startInstanceReports({ store, id: 'app-1', state, now: () => now, every: timer.every });
    await new Promise((resolve) => setTimeout(resolve, 0));
    calls.length = 0;

    now += INSTANCE_REPORT_INTERVAL_MS;
    timer.tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['set']);

    // The entry expires (say the store was unreachable), and a reader prunes it from the roster.
    now += INSTANCE_ENTRY_TTL_MS + 1;
    expect(await listInstanceReports(memory)).toEqual([]);
    calls.length = 0;
    timer.tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['set', 'set', 'addToIndex']);
    expect(await listInstanceReports(memory)).toEqual([{ id: 'app-1', version: 1, receivedAt: 900, reportedAt: now }]);
    reports.stop();
  });

  it('keeps running when the store is down: the entry just ages out', async () => {
    const store = createMemoryStore();
    const broken = { ...store, set: () => Promise.reject(new Error('down')) };
    const timer = manualTimer();
    const reports = startInstanceReports({
      store: broken,
      id: 'app-1',
      state: () => ({ version: 1, receivedAt: 1 }),
      now: () => 1,
      every: timer.every,
    });
    await expect(reports.report()).resolves.toBeUndefined();
    expect(await listInstanceReports(store)).toEqual([]);
    reports.stop();
  });
});
