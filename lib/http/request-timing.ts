import type { TimingPhase } from './server-timing';
import { formatServerTiming } from './server-timing';

/**
 * Measures the phases of one auth request (unseal, lookup, verify, denylist, ...) on the monotonic
 * clock. Route handlers put the result in `Server-Timing` and the dashboard shows it, so every
 * number on screen is what the server actually spent.
 */
export class RequestTimer {
  readonly phases: TimingPhase[] = [];

  async measure<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.phases.push({ name, durationMs: performance.now() - started });
    }
  }

  /** Total time spent in phases called `name` (null if it never ran). */
  durationOf(name: string): number | null {
    const matching = this.phases.filter((phase) => phase.name === name);
    return matching.length === 0 ? null : matching.reduce((sum, phase) => sum + phase.durationMs, 0);
  }

  /** Adds the `Server-Timing` and `X-Store-Lookups` headers to a response and returns it. */
  apply(response: Response, storeLookups: number): Response {
    if (this.phases.length > 0) response.headers.set('Server-Timing', formatServerTiming(this.phases));
    response.headers.set('X-Store-Lookups', String(storeLookups));
    return response;
  }
}
