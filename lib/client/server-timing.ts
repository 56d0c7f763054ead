/**
 * The one `Server-Timing` parser of the app, the reading side of `formatServerTiming`
 * (lib/http/server-timing.ts). Pure and framework-free: the dashboard, the session page and the
 * JWT page read the server's own phase timings through it.
 */
import type { TimingPhase } from '@/lib/http/server-timing';

export type { TimingPhase };

/** Parses `unseal;dur=0.412, lookup;dur=1.830` (descriptions and unknown params ignored). */
export function parseServerTiming(header: string | null): TimingPhase[] {
  if (!header) return [];
  const phases: TimingPhase[] = [];
  for (const metric of header.split(',')) {
    const [rawName, ...params] = metric.split(';').map((part) => part.trim());
    if (!rawName) continue;
    const dur = params.find((param) => param.toLowerCase().startsWith('dur='));
    const durationMs = dur === undefined ? 0 : Number(dur.slice(4));
    if (Number.isFinite(durationMs)) phases.push({ name: rawName, durationMs });
  }
  return phases;
}

/** The duration of one named phase, or null when the server did not report it. */
export function phaseDuration(phases: readonly TimingPhase[], name: string): number | null {
  return phases.find((phase) => phase.name === name)?.durationMs ?? null;
}
