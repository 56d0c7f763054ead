/**
 * The library calls alone: iron-session's unseal, jose's verify and one store GET, each in a tight
 * loop with nothing around it. Beside a phase measured inside a request, this says how much of the
 * phase is the library and how much is the request around it (the framework, the event loop,
 * everything else the process does at the time). Measured once per process, after warming up.
 */
import type { LatencySummary } from './bench-report';

export interface LibraryCosts {
  unseal: LatencySummary;
  verify: LatencySummary;
  /** One GET through the configured driver (its timeout guard included), on a key that does not exist. */
  storeGet: LatencySummary;
  /** When the measurement finished (epoch ms). */
  measuredAt: number;
}

export interface LibraryCalls {
  unseal(): Promise<unknown>;
  verify(): Promise<unknown>;
  storeGet(): Promise<unknown>;
}

/** Median and 90th percentile of `samples` (ms); null for no samples. */
export function summarizeLatencies(samples: readonly number[]): LatencySummary | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const middle = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { medianMs, p90Ms: at(0.9), samples: sorted.length };
}

/** Runs `call` `warm` times unmeasured, then `measured` times, each timed alone with `clock` (ms). */
export async function timeCall(
  call: () => Promise<unknown>,
  options: { warm: number; measured: number; clock: () => number },
): Promise<LatencySummary> {
  for (let i = 0; i < options.warm; i += 1) await call();
  const samples: number[] = [];
  for (let i = 0; i < options.measured; i += 1) {
    const started = options.clock();
    await call();
    samples.push(options.clock() - started);
  }
  return summarizeLatencies(samples)!;
}

export async function measureLibraryCosts(
  calls: LibraryCalls,
  options: {
    crypto: { warm: number; measured: number };
    store: { warm: number; measured: number };
    clock: () => number;
    now: () => number;
  },
): Promise<LibraryCosts> {
  const crypto = { ...options.crypto, clock: options.clock };
  const unseal = await timeCall(calls.unseal, crypto);
  const verify = await timeCall(calls.verify, crypto);
  const storeGet = await timeCall(calls.storeGet, { ...options.store, clock: options.clock });
  return { unseal, verify, storeGet, measuredAt: options.now() };
}
