import { describe, expect, it } from 'vitest';
import { INSTANCE_ENTRY_TTL_MS } from '@/lib/settings/instance-roster';
import {
  formatDelay,
  INSTANCE_COLORS,
  instancesSeen,
  latestSettings,
  mergeInstanceReports,
  PROPAGATION_LIMIT_MS,
  refusalsByInstance,
  settingsReach,
  styleInstances,
  type InstanceMark,
} from './instances';

const mark = (at: number, kind: InstanceMark['kind'], instance: string | null, code: string | null = null): InstanceMark => ({
  at,
  kind,
  code,
  instance,
});

describe('instancesSeen', () => {
  it('lists each instance once across lanes, in natural order, ignoring answers without the header', () => {
    const session = [mark(1, 'accepted', 'app-10'), mark(2, 'accepted', 'app-2'), mark(3, 'accepted', null)];
    const jwt = [mark(1, 'accepted', 'app-2'), mark(2, 'accepted', 'app-1')];
    expect(instancesSeen(session, jwt)).toEqual(['app-1', 'app-2', 'app-10']);
    expect(instancesSeen([], [])).toEqual([]);
  });
});

describe('styleInstances', () => {
  it('tags numbered instances by their number and gives each its own colour', () => {
    const styles = styleInstances(['app-1', 'app-2']);
    expect(styles.get('app-1')).toEqual({ color: INSTANCE_COLORS[0], tag: '1' });
    expect(styles.get('app-2')).toEqual({ color: INSTANCE_COLORS[1], tag: '2' });
  });

  it('falls back to letters when the trailing numbers are missing, long or repeated', () => {
    expect([...styleInstances(['host:48213', 'host:48290']).values()].map((s) => s.tag)).toEqual(['A', 'B']);
    expect([...styleInstances(['blue', 'green']).values()].map((s) => s.tag)).toEqual(['A', 'B']);
    expect([...styleInstances(['a-1', 'b-1']).values()].map((s) => s.tag)).toEqual(['A', 'B']);
  });
});

describe('refusalsByInstance', () => {
  it('measures, per instance, the time from the revoke to its first refusal, and keeps the first', () => {
    const marks = [
      mark(900, 'rejected', 'app-1', 'old'),
      mark(1_100, 'accepted', 'app-1'),
      mark(1_300, 'rejected', 'app-2', 'session_expired'),
      mark(1_600, 'rejected', 'app-1', 'session_expired'),
      mark(1_900, 'rejected', 'app-1', 'later'),
    ];
    const refusals = refusalsByInstance(marks, 1_000);
    expect(refusals.get('app-1')).toEqual({ state: 'refused', afterMs: 600, code: 'session_expired' });
    expect(refusals.get('app-2')).toEqual({ state: 'refused', afterMs: 300, code: 'session_expired' });
  });

  it('calls an instance that only accepted since the revoke accepting, and knows nothing before a revoke', () => {
    const marks = [mark(1_200, 'accepted', 'orders'), mark(1_400, 'refreshed', 'app-1')];
    expect(refusalsByInstance(marks, 1_000)).toEqual(
      new Map([
        ['orders', { state: 'accepting' }],
        ['app-1', { state: 'accepting' }],
      ]),
    );
    expect(refusalsByInstance(marks, null).size).toBe(0);
  });
});

describe('mergeInstanceReports', () => {
  const report = (id: string, version: number, reportedAt: number) => ({ id, version, receivedAt: reportedAt - 10, reportedAt });

  it('unites answers from different instances and keeps the newest report of each', () => {
    const first = mergeInstanceReports([], [report('app-1', 1, 1_000)]);
    const second = mergeInstanceReports(first, [report('app-2', 2, 1_500)]);
    const third = mergeInstanceReports(second, [report('app-1', 2, 2_000), report('app-2', 1, 1_200)]);
    expect(third).toEqual([report('app-1', 2, 2_000), report('app-2', 2, 1_500)]);
  });

  it('forgets an instance whose newest report is older than an entry lives', () => {
    const known = [report('app-1', 1, 1_000), report('app-2', 1, 1_000)];
    const merged = mergeInstanceReports(known, [report('app-1', 1, 1_000 + INSTANCE_ENTRY_TTL_MS + 1)]);
    expect(merged.map((r) => r.id)).toEqual(['app-1']);
  });
});

describe('settingsReach', () => {
  const latest = { version: 3, updatedAt: 10_000 };

  it('gives each instance serving the latest version its delay on the server clocks', () => {
    expect(settingsReach([{ id: 'app-1', version: 3, receivedAt: 10_004, reportedAt: 10_004 }], latest)).toEqual([
      { id: 'app-1', state: 'current', version: 3, afterMs: 4 },
    ]);
  });

  it('tells an instance behind, one that read the version at start-up, and the untouched defaults apart', () => {
    const reach = settingsReach(
      [
        { id: 'app-1', version: 2, receivedAt: 9_000, reportedAt: 10_500 },
        { id: 'app-2', version: 3, receivedAt: 10_000 + PROPAGATION_LIMIT_MS + 1, reportedAt: 50_000 },
        { id: 'app-3', version: 3, receivedAt: 9_990, reportedAt: 10_500 },
      ],
      latest,
    );
    expect(reach).toEqual([
      { id: 'app-1', state: 'behind', version: 2 },
      { id: 'app-2', state: 'at-start', version: 3 },
      // A clock a little behind the writer's: never a negative delay.
      { id: 'app-3', state: 'current', version: 3, afterMs: 0 },
    ]);
    expect(settingsReach([{ id: 'app-1', version: 0, receivedAt: 5, reportedAt: 5 }], { version: 0, updatedAt: 0 })).toEqual([
      { id: 'app-1', state: 'defaults' },
    ]);
  });
});

describe('latestSettings and formatDelay', () => {
  it('keeps the highest version seen', () => {
    expect(latestSettings(null, { version: 1, updatedAt: 5 })).toEqual({ version: 1, updatedAt: 5 });
    expect(latestSettings({ version: 2, updatedAt: 9 }, { version: 1, updatedAt: 5 })).toEqual({ version: 2, updatedAt: 9 });
    expect(latestSettings({ version: 2, updatedAt: 9 }, { version: 3, updatedAt: 12 })).toEqual({ version: 3, updatedAt: 12 });
  });

  it('reads milliseconds below a second and seconds above', () => {
    expect(formatDelay(35.4)).toBe('35 ms');
    expect(formatDelay(1_240)).toBe('1.24 s');
  });
});
