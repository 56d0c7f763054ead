/**
 * Every policy number of the app, declared once. Configuration parsing, runtime-settings
 * validation, the domain code and the UI all import from here, so changing a default or a bound
 * is a one-line change that every tier sees. Pure constants: safe to import from client code.
 */

/** A tunable number: its default and the range configuration or the admin may move it within. */
export interface BoundedSeconds {
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Lifetime of a new access token. 15 min by default; 5 s makes expiry visible on stage, and 1 h is
 * the ceiling: past that, a stolen token is a long-lived credential nobody can revoke.
 */
export const ACCESS_TOKEN_TTL_SECONDS: BoundedSeconds = { defaultValue: 15 * MINUTE, min: 5, max: HOUR };

/**
 * No genuine access token is older than the longest lifetime the settings allow, whatever its
 * `exp` says: verification refuses older ones (`maxTokenAge`).
 */
export const MAX_ACCESS_TOKEN_AGE_SECONDS = ACCESS_TOKEN_TTL_SECONDS.max;

/** Tolerated clock difference between instances (and other verifiers), in both directions. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** A session unused this long ends (sliding). */
export const SESSION_IDLE_TIMEOUT_SECONDS: BoundedSeconds = { defaultValue: 30 * MINUTE, min: MINUTE, max: 7 * DAY };

/** A session ends this long after login, however active. */
export const SESSION_ABSOLUTE_TIMEOUT_SECONDS: BoundedSeconds = { defaultValue: 12 * HOUR, min: 5 * MINUTE, max: 30 * DAY };

/**
 * Sliding the idle window costs a store write; writing at most this often keeps a busy page from
 * turning every read into a write, at the price of the idle timeout being up to this much shorter.
 */
export const SESSION_TOUCH_INTERVAL_SECONDS = MINUTE;

/** A refresh token unused this long expires (each rotation restarts it). */
export const REFRESH_TOKEN_IDLE_SECONDS = 7 * DAY;

/** A refresh-token family ends this long after login, however active. */
export const REFRESH_TOKEN_ABSOLUTE_SECONDS = 30 * DAY;

/**
 * How long after a rotation a second presentation of the same refresh token counts as a concurrent
 * duplicate (two tabs refreshing at once, 409) instead of theft.
 */
export const REFRESH_GRACE_SECONDS: BoundedSeconds = { defaultValue: 10, min: 0, max: 60 };

/** Simulated network delay added to every store call, in milliseconds (0 = none). */
export const STORE_LATENCY_MS: BoundedSeconds = { defaultValue: 0, min: 0, max: 2000 };

/**
 * A cookie's Max-Age ends this long before the credential it carries (as iron-session does), so a
 * browser never sends a value the server would call expired because of clock skew.
 */
export const COOKIE_EXPIRY_MARGIN_SECONDS = 60;

/** Quick choices for the access-token lifetime, shown by the dashboard and the admin console. */
export const ACCESS_TOKEN_TTL_PRESETS: readonly { label: string; seconds: number }[] = [
  { label: '15 min', seconds: ACCESS_TOKEN_TTL_SECONDS.defaultValue },
  { label: '60 s', seconds: 60 },
  { label: '10 s', seconds: 10 },
  { label: '5 s', seconds: ACCESS_TOKEN_TTL_SECONDS.min },
];

/** Quick choices for the simulated store latency, in milliseconds. */
export const STORE_LATENCY_PRESETS_MS: readonly number[] = [0, 5, 20, 50, 100];

/**
 * An open event stream re-checks the credential it was opened with this often (one store read for
 * a session, or with the denylist on), and ends when it no longer holds. An access token's stream
 * also ends at the token's exp, to the second.
 */
export const EVENT_STREAM_RECHECK_SECONDS = 5;

/** Open event streams per user (and per admin) on one instance; one more is a 429. */
export const MAX_EVENT_STREAMS_PER_USER = 4;
