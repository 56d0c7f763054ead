/**
 * Client-side bookkeeping for the dashboard, from what the server reported on each response:
 * `Server-Timing` phases, `X-Store-Lookups`, `X-Store-Commands`, `X-Credential-Bytes` and
 * `X-Cold-Start`. Pure and framework-free. The
 * header is parsed once, by `lib/client/server-timing.ts`.
 */
import type { TimingPhase } from '@/lib/http/server-timing';

export interface ObservedRequest {
  at: number;
  status: number;
  phases: TimingPhase[];
  storeLookups: number;
  storeCommands: number;
  credentialBytes: number;
  /** `X-Instance`: which app instance answered. */
  instance: string | null;
  /** Answered before the server had warmed up: counted, but kept out of the median. */
  cold: boolean;
}

export interface RequestTotals {
  requests: number;
  lookups: number;
  lookupsPerRequest: number;
  /** Store commands of any kind (reads and writes) per request. */
  commandsPerRequest: number;
  /** Mean bytes of credential sent per request. */
  credentialBytesPerRequest: number;
  /** Median of the summed auth phases (everything the server timed) per warm request, in ms. */
  medianAuthMs: number | null;
  /** Requests left out of the median because they ran cold. */
  coldExcluded: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(requests: readonly ObservedRequest[]): RequestTotals {
  const lookups = requests.reduce((sum, r) => sum + r.storeLookups, 0);
  const commands = requests.reduce((sum, r) => sum + r.storeCommands, 0);
  const bytes = requests.reduce((sum, r) => sum + r.credentialBytes, 0);
  const warm = requests.filter((r) => !r.cold);
  return {
    requests: requests.length,
    lookups,
    lookupsPerRequest: requests.length === 0 ? 0 : lookups / requests.length,
    commandsPerRequest: requests.length === 0 ? 0 : commands / requests.length,
    credentialBytesPerRequest: requests.length === 0 ? 0 : bytes / requests.length,
    medianAuthMs: median(warm.map((r) => r.phases.reduce((sum, p) => sum + p.durationMs, 0))),
    coldExcluded: requests.length - warm.length,
  };
}
