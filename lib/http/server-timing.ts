/** One `Server-Timing` metric: a phase of handling the request and how long it took. */
export interface TimingPhase {
  name: string;
  durationMs: number;
  description?: string;
}

/**
 * Formats phases as a `Server-Timing` header value, e.g. `unseal;dur=0.412, lookup;dur=1.830`.
 * Browsers expose it to page scripts through the Resource Timing API, which is how the dashboard
 * shows server-measured costs instead of guessing from the outside.
 */
export function formatServerTiming(phases: readonly TimingPhase[]): string {
  return phases
    .map(({ name, durationMs, description }) => {
      const token = name.replace(/[^A-Za-z0-9_-]/g, '_');
      const desc = description === undefined ? '' : `;desc="${description.replace(/["\\]/g, '')}"`;
      return `${token};dur=${durationMs.toFixed(3)}${desc}`;
    })
    .join(', ');
}
