import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from './concurrency-limit';

/** A piece of work that runs until the test lets it finish (or fail). */
function controllable() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  let started = false;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve('done');
    fail = reject;
  });
  return {
    work: () => {
      started = true;
      return done;
    },
    finish: () => finish(),
    fail: (error: Error) => fail(error),
    started: () => started,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createConcurrencyLimit', () => {
  it('runs at most maxActive at once, queues up to maxQueued, and refuses the rest at once without starting them', async () => {
    const limit = createConcurrencyLimit({ maxActive: 2, maxQueued: 1 });
    const jobs = [controllable(), controllable(), controllable(), controllable()];
    const runs = jobs.slice(0, 3).map((job) => limit.run(job.work));
    await tick();
    expect(jobs.map((job) => job.started())).toEqual([true, true, false, false]);
    expect(limit.load()).toEqual({ active: 2, queued: 1 });

    const started = performance.now();
    expect(await limit.run(jobs[3]!.work)).toEqual({ ok: false });
    expect(performance.now() - started).toBeLessThan(20);
    expect(jobs[3]!.started()).toBe(false);

    jobs[0]!.finish();
    expect(await runs[0]).toEqual({ ok: true, value: 'done' });
    await tick();
    expect(jobs[2]!.started()).toBe(true);
    expect(limit.load()).toEqual({ active: 2, queued: 0 });
    jobs[1]!.finish();
    jobs[2]!.finish();
    await Promise.all(runs);
    expect(limit.load()).toEqual({ active: 0, queued: 0 });
  });

  it('releases the slot when the work fails, and passes the error on', async () => {
    const limit = createConcurrencyLimit({ maxActive: 1, maxQueued: 0 });
    const failing = controllable();
    const run = limit.run(failing.work);
    expect(await limit.run(async () => 'x')).toEqual({ ok: false });
    failing.fail(new Error('scrypt failed'));
    await expect(run).rejects.toThrow('scrypt failed');
    expect(limit.load()).toEqual({ active: 0, queued: 0 });
    expect(await limit.run(async () => 'next')).toEqual({ ok: true, value: 'next' });
  });

  it('hands a freed slot to the oldest waiter, not to a newcomer', async () => {
    const limit = createConcurrencyLimit({ maxActive: 1, maxQueued: 1 });
    const first = controllable();
    const waiter = controllable();
    const running = limit.run(first.work);
    const queued = limit.run(waiter.work);
    first.finish();
    await running;
    // The slot now belongs to the waiter: a newcomer has to queue behind it.
    const newcomer = limit.run(async () => 'newcomer');
    await tick();
    expect(waiter.started()).toBe(true);
    waiter.finish();
    expect(await queued).toEqual({ ok: true, value: 'done' });
    expect(await newcomer).toEqual({ ok: true, value: 'newcomer' });
  });
});
