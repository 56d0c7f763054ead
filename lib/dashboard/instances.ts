/**
 * The dashboard's view of a cluster, from what the browser saw: which instance answered each
 * request (`X-Instance`), how long after a revoke each instance served its first refusal, and
 * when each instance adopted the latest settings (reported by the instances themselves, on their
 * own clocks). Pure and framework-free.
 */
import { INSTANCE_ENTRY_TTL_MS, type InstanceReport } from '@/lib/settings/instance-roster';

/** The least a timeline mark carries for these sums. */
export interface InstanceMark {
  at: number;
  kind: 'accepted' | 'rejected' | 'refreshed';
  code: string | null;
  instance: string | null;
}

/** Colours that read on white and on a projector, none of them the red of a rejection. */
export const INSTANCE_COLORS: readonly string[] = ['#1d4ed8', '#c2410c', '#7e22ce', '#0f766e', '#be185d', '#a16207'];

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Every instance named in `marks`, sorted (app-2 before app-10), so colours do not swap as answers arrive. */
export function instancesSeen(...lanes: readonly (readonly Pick<InstanceMark, 'instance'>[])[]): string[] {
  const seen = new Set<string>();
  for (const marks of lanes) for (const mark of marks) if (mark.instance !== null) seen.add(mark.instance);
  return [...seen].sort(byId);
}

export interface InstanceStyle {
  color: string;
  /** One to three characters drawn beside a mark: the instance's trailing number, or a letter. */
  tag: string;
}

/**
 * A colour and a short tag per instance. `app-1`, `app-2` become `1`, `2`; names without a short
 * distinct trailing number (`host:48213`, `blue`) become `A`, `B`, ...
 */
export function styleInstances(ids: readonly string[]): Map<string, InstanceStyle> {
  const numbers = ids.map((id) => /(?:^|\D)(\d{1,3})$/.exec(id)?.[1] ?? null);
  const numbered = numbers.every((n) => n !== null) && new Set(numbers).size === ids.length;
  return new Map(
    ids.map((id, index) => [
      id,
      {
        color: INSTANCE_COLORS[index % INSTANCE_COLORS.length]!,
        tag: numbered ? numbers[index]! : String.fromCharCode(65 + (index % 26)),
      },
    ]),
  );
}

export type RefusalAfterRevoke =
  | { state: 'refused'; afterMs: number; code: string | null }
  /** Answered since the revoke, and every answer was an acceptance so far. */
  | { state: 'accepting' };

/**
 * Per instance, how long after `revokedAt` it served its first refusal in this lane; instances
 * that answered only acceptances since are `accepting`. Instances not asked since the revoke are absent.
 */
export function refusalsByInstance(marks: readonly InstanceMark[], revokedAt: number | null): Map<string, RefusalAfterRevoke> {
  const result = new Map<string, RefusalAfterRevoke>();
  if (revokedAt === null) return result;
  for (const mark of marks) {
    if (mark.at < revokedAt || mark.instance === null) continue;
    if (result.get(mark.instance)?.state === 'refused') continue;
    result.set(
      mark.instance,
      mark.kind === 'rejected' ? { state: 'refused', afterMs: mark.at - revokedAt, code: mark.code } : { state: 'accepting' },
    );
  }
  return result;
}

/**
 * Folds one roster answer into what is known. Behind a balancer each answer comes from whichever
 * instance the request reached; with a memory store each knows only itself, so the union over
 * several answers is the cluster. The newest report per instance wins; an instance whose newest
 * report is older than the entry lifetime, measured against the newest report of all, is gone.
 */
export function mergeInstanceReports(known: readonly InstanceReport[], fresh: readonly InstanceReport[]): InstanceReport[] {
  const latest = new Map<string, InstanceReport>();
  for (const report of [...known, ...fresh]) {
    const previous = latest.get(report.id);
    if (previous === undefined || report.reportedAt >= previous.reportedAt) latest.set(report.id, report);
  }
  const newest = Math.max(0, ...[...latest.values()].map((report) => report.reportedAt));
  return [...latest.values()].filter((report) => newest - report.reportedAt <= INSTANCE_ENTRY_TTL_MS).sort((a, b) => byId(a.id, b.id));
}

export type SettingsReach =
  | { id: string; state: 'defaults' }
  /** Serves the latest version; `afterMs` from the admin's change to this instance adopting it. */
  | { id: string; state: 'current'; version: number; afterMs: number }
  /** Adopted the latest version when it started, after the change was made. */
  | { id: string; state: 'at-start'; version: number }
  | { id: string; state: 'behind'; version: number };

/**
 * Beyond this, the instance did not receive the change as news: it read it at start-up.
 * Events arrive within about a second and the background re-read runs every 5 s.
 */
export const PROPAGATION_LIMIT_MS = 30_000;

/** How each instance stands against the latest settings version (`updatedAt` on the writer's clock). */
export function settingsReach(reports: readonly InstanceReport[], latest: { version: number; updatedAt: number }): SettingsReach[] {
  return reports.map((report): SettingsReach => {
    if (report.version === 0 && latest.version === 0) return { id: report.id, state: 'defaults' };
    if (report.version < latest.version) return { id: report.id, state: 'behind', version: report.version };
    // Clocks of different machines may differ a little: a negative delay is shown as 0.
    const afterMs = Math.max(0, report.receivedAt - latest.updatedAt);
    if (afterMs > PROPAGATION_LIMIT_MS) return { id: report.id, state: 'at-start', version: report.version };
    return { id: report.id, state: 'current', version: report.version, afterMs };
  });
}

/** The newest settings version among roster answers, with when it was written. */
export function latestSettings(
  current: { version: number; updatedAt: number } | null,
  answer: { version: number; updatedAt: number },
): { version: number; updatedAt: number } {
  return current === null || answer.version >= current.version ? answer : current;
}

/** Milliseconds as a short reading: `35 ms`, `1.24 s`. */
export function formatDelay(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
