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

/**
 * Password verifications allowed to run at once in one process. Each scrypt at OWASP cost holds
 * 128 MiB and one of libuv's four worker threads for about 0.3 s; the other threads stay free for
 * the crypto every authenticated request needs (unsealing cookies, verifying tokens), and memory
 * stays bounded (2 x 128 MiB) however many logins arrive.
 */
export const PASSWORD_HASHING_MAX_ACTIVE = 2;

/**
 * Logins allowed to wait for a verification slot; beyond that a login is refused at once with
 * 503 `server_busy`, before any scrypt work. 8 waiting behind 2 slots is at most about 1.2 s of
 * waiting, short enough for a person at a login form.
 */
export const PASSWORD_HASHING_MAX_QUEUED = 8;

/** What `Retry-After` says when a login was refused because every verification slot was taken. */
export const PASSWORD_HASHING_BUSY_RETRY_AFTER_SECONDS = 1;

/** A tunable count: its default and the range configuration may move it within. */
export interface BoundedCount {
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Login throttling counts failed password logins in fixed windows of this length (aligned to the
 * clock, so `Retry-After` is the time left in the window). Short on purpose: a lockout someone
 * else caused ends within minutes.
 */
export const LOGIN_THROTTLE_WINDOW_SECONDS: BoundedSeconds = { defaultValue: 5 * MINUTE, min: 10, max: HOUR };

/**
 * Failed logins for one account from one client address per window. Only counted when the
 * client address is known (TRUSTED_PROXY_HOPS): the tight limit that stops one guesser without
 * locking anyone else out.
 */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: BoundedCount = { defaultValue: 5, min: 1, max: 10_000 };

/**
 * Failed logins for one account from anywhere per window (0 turns this limit off). The brake on a
 * guesser spread over many addresses, and the only limit when client addresses are unknown. Its
 * price: anyone can keep an account locked by sending this many wrong passwords per window, so it
 * sits well above what a person mistyping produces. 20 guesses per 5 minutes is under 6,000 a
 * day, hopeless against a real password.
 */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT: BoundedCount = { defaultValue: 20, min: 0, max: 10_000 };

/**
 * Failed logins from one client address, whatever the account, per window: stops one address
 * spraying a common password across many accounts. Generous, as a classroom behind one NAT
 * shares an address.
 */
export const LOGIN_MAX_FAILURES_PER_CLIENT: BoundedCount = { defaultValue: 50, min: 1, max: 100_000 };

/** X-Forwarded-For hops to trust (TRUSTED_PROXY_HOPS); 0: the header is ignored. */
export const TRUSTED_PROXY_HOPS: BoundedCount = { defaultValue: 0, min: 0, max: 10 };

/**
 * Measuring honestly. A process warms itself at start (self-requests through both /me routes) and
 * measures the library calls alone; requests that start before that finished are labelled cold.
 * Should the warm-up fail (store down at boot), real traffic warms the process: after this many
 * cold requests it counts as warm.
 */
export const COLD_REQUESTS_BEFORE_WARM_BY_TRAFFIC = 50;
/** Self-requests per /me route at start: enough for the JIT to optimise the hot path. */
export const WARM_UP_REQUESTS_PER_ROUTE = 40;
/** The library calls alone: unmeasured runs first, then measured ones (crypto, then the store GET). */
export const LIBRARY_COST_RUNS = { crypto: { warm: 300, measured: 300 }, store: { warm: 100, measured: 200 } } as const;
