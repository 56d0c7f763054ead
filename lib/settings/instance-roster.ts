/**
 * Which instances are alive and which settings version each one serves. Every instance writes its
 * own entry (when it adopts a version, and again every few seconds while it lives); the admin reads
 * them all in one request. Behind a round-robin balancer one request reaches one instance, so
 * asking each instance in turn would measure the balancer's rhythm; the entries instead carry the
 * moment each instance adopted the version, on its own server clock, so the delay a change took to
 * reach it is `receivedAt - updatedAt`, whatever the page's polling. An instance that stops writing
 * drops off when its entry expires.
 */
import type { Store } from '@/lib/store/store';

/** The set listing every instance that has reported; its members are entry keys. */
export const INSTANCE_ROSTER_KEY = 'instances:settings';
const ENTRY_PREFIX = 'instances:settings:';

/** How often a live instance rewrites its entry. */
export const INSTANCE_REPORT_INTERVAL_MS = 5_000;
/** An entry outlives three missed reports, then the instance counts as gone. */
export const INSTANCE_ENTRY_TTL_MS = 3 * INSTANCE_REPORT_INTERVAL_MS;
/**
 * The roster set itself lives long and is renewed by every full report (at start, on each new
 * version, and every `FULL_REPORT_EVERY` heartbeats); dead members are pruned when it is read.
 */
export const INSTANCE_ROSTER_TTL_MS = 24 * 60 * 60 * 1000;
const FULL_REPORT_EVERY = 12;

/** One instance's settings, as it last reported them. */
export interface InstanceReport {
  id: string;
  /** The settings version it serves. */
  version: number;
  /** When it adopted that version (its clock, epoch ms). */
  receivedAt: number;
  /** When it wrote this entry (its clock, epoch ms). */
  reportedAt: number;
}

const entryKey = (id: string) => `${ENTRY_PREFIX}${id}`;

function parseReport(raw: string | null): InstanceReport | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<InstanceReport> | null;
    if (
      typeof value?.id === 'string' &&
      typeof value.version === 'number' &&
      typeof value.receivedAt === 'number' &&
      typeof value.reportedAt === 'number'
    )
      return value as InstanceReport;
  } catch {
    // A malformed entry is treated as gone: the roster is a display, never a decision.
  }
  return null;
}

/** Writes this instance's entry and lists it in the roster; the entry expires unless written again in time. */
export async function reportInstanceSettings(store: Store, report: InstanceReport): Promise<void> {
  const key = entryKey(report.id);
  await store.set(key, JSON.stringify(report), { ttlMs: INSTANCE_ENTRY_TTL_MS });
  await store.addToIndex(INSTANCE_ROSTER_KEY, key, INSTANCE_ROSTER_TTL_MS);
}

/**
 * The heartbeat: one store command, rewriting the entry only if it still exists. False when it
 * had expired (a store outage, a restarted store): the caller then reports in full, since the
 * roster may have pruned it meanwhile.
 */
async function refreshInstanceSettings(store: Store, report: InstanceReport): Promise<boolean> {
  return await store.set(entryKey(report.id), JSON.stringify(report), { ttlMs: INSTANCE_ENTRY_TTL_MS, onlyIfPresent: true });
}

/**
 * Every instance whose entry is still alive, sorted by id. Entries that expired are pruned from
 * the roster on the way.
 */
export async function listInstanceReports(store: Store): Promise<InstanceReport[]> {
  const keys = await store.listIndex(INSTANCE_ROSTER_KEY);
  if (keys.length === 0) return [];
  const values = await store.getMany(keys);
  const reports: InstanceReport[] = [];
  const gone: string[] = [];
  keys.forEach((key, index) => {
    const report = parseReport(values[index] ?? null);
    if (report === null) gone.push(key);
    else reports.push(report);
  });
  await Promise.all(gone.map((key) => store.removeFromIndex(INSTANCE_ROSTER_KEY, key)));
  return reports.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Keeps this instance's entry alive: reports in full now and whenever `report()` is called (a new
 * version adopted), and beats every `INSTANCE_REPORT_INTERVAL_MS` (one command; a full report
 * every `FULL_REPORT_EVERY` beats or when the entry was gone). Failures are dropped: a store
 * outage must not stop the instance, and the entry simply ages out.
 */
export function startInstanceReports(options: {
  store: Store;
  id: string;
  state: () => { version: number; receivedAt: number };
  now: () => number;
  every(ms: number, run: () => void): () => void;
}): { report(): Promise<void>; stop(): void } {
  const current = (): InstanceReport => {
    const { version, receivedAt } = options.state();
    return { id: options.id, version, receivedAt, reportedAt: options.now() };
  };
  const report = async () => {
    await reportInstanceSettings(options.store, current()).catch(() => {});
  };
  let beats = 0;
  const beat = async () => {
    beats += 1;
    const kept = beats % FULL_REPORT_EVERY !== 0 && (await refreshInstanceSettings(options.store, current()).catch(() => false));
    if (!kept) await report();
  };
  const stop = options.every(INSTANCE_REPORT_INTERVAL_MS, () => void beat());
  void report();
  return { report, stop };
}
