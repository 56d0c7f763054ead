/**
 * WRONG ON PURPOSE: lab session ids made from a counter and the clock, `sid-<counter>-<unix seconds>`.
 * Anyone handed one id knows the next: the counter plus one, issued at some second between then and
 * now. The real ids are 256 bits from the CSPRNG (lib/crypto/opaque-token.ts): nothing to count.
 */
export function formatGuessableId(counter: number, nowMs: number): string {
  return `sid-${counter}-${Math.floor(nowMs / 1000)}`;
}

const GUESSABLE_ID_PATTERN = /^sid-(\d{1,12})-(\d{1,12})$/;

export function parseGuessableId(id: string): { counter: number; issuedAtSeconds: number } | null {
  const match = GUESSABLE_ID_PATTERN.exec(id);
  if (match === null) return null;
  return { counter: Number(match[1]), issuedAtSeconds: Number(match[2]) };
}

/** Guessing further back than this is pointless for the demo and would send too many requests. */
const MAX_GUESS_WINDOW_SECONDS = 120;

/**
 * The ids issued right after `knownId`, newest counter first: the next `idsAhead` counters, each at
 * every second from the known id's second up to `nowMs` (capped to MAX_GUESS_WINDOW_SECONDS).
 */
export function guessNextIds(knownId: string, nowMs: number, idsAhead = 2): string[] {
  const known = parseGuessableId(knownId);
  if (known === null) return [];
  const lastSecond = Math.min(Math.floor(nowMs / 1000), known.issuedAtSeconds + MAX_GUESS_WINDOW_SECONDS);
  const guesses: string[] = [];
  for (let step = 1; step <= idsAhead; step++) {
    for (let second = known.issuedAtSeconds; second <= lastSecond; second++) guesses.push(`sid-${known.counter + step}-${second}`);
  }
  return guesses;
}
