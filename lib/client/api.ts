/**
 * The pages' one way to talk to the API: every call the UI makes is a function here, typed with
 * the server's own types, and every answer is an `ApiResult`: `{ ok: true, data }` or
 * `{ ok: false, status, error }` with the server's `{ error, message }` body. Never throws: a
 * request that got no answer is `status: 0, error: network_error`. Each result also carries what
 * the server said about its own work (`Server-Timing`, `X-Store-Lookups`, `X-Credential-Bytes`,
 * `X-Instance`), which is what the dashboard shows.
 */
import type { CookieView } from '@/lib/http/cookies';
import type { ErrorBody, ErrorCode } from '@/lib/http/errors';
import type { AccessTokenClaims, AccessTokenHeader } from '@/lib/jwt/access-token';
import type { SigningKeySummary } from '@/lib/jwt/signing-keys';
import type { SignedInUser } from '@/lib/scenarios/signed-in-users';
import type { SessionView } from '@/lib/session/session';
import type { InstanceReport } from '@/lib/settings/instance-roster';
import type { RuntimeSettings, SETTINGS_BOUNDS, StoredSettings } from '@/lib/settings/settings';
import type { StoreHealth } from '@/lib/store/health';
import type { User } from '@/lib/users/users';
import { parseServerTiming, type TimingPhase } from './server-timing';

/**
 * What the resource service (services/orders) refuses with: it has its own few codes, since it
 * knows only the JWKS (`session_cookie_not_accepted`: a session cookie came, no access token).
 */
type OrdersErrorCode = 'missing_token' | 'session_cookie_not_accepted' | 'invalid_token' | 'token_expired' | 'unknown_key';

/** The server's error codes, the resource service's, and the two a client can meet on its own. */
type ClientErrorCode = ErrorCode | OrdersErrorCode | 'network_error' | 'unexpected_response';

export interface ApiError extends Omit<ErrorBody, 'error'> {
  error: ClientErrorCode;
}

/** What the response headers said about the server's work. */
export interface ResponseMeta {
  /** Client clock when the answer arrived. */
  at: number;
  status: number;
  /** The raw `Server-Timing` header, and the same parsed. */
  serverTiming: string | null;
  phases: TimingPhase[];
  storeLookups: number | null;
  /** `X-Store-Commands`: every store command the request caused, writes included. */
  storeCommands: number | null;
  credentialBytes: number | null;
  instance: string | null;
  /** `X-Cold-Start: 1`: the server answered before it was warm, so its timings are not the strategy's cost. */
  coldStart: boolean;
}

export type ApiResult<T> =
  { ok: true; status: number; data: T; meta: ResponseMeta } | { ok: false; status: number; error: ApiError; meta: ResponseMeta };

export interface Credentials {
  username: string;
  password: string;
}

// Answers, in the shapes the route handlers build (app/api/**).
export interface HealthBody {
  store: StoreHealth;
  instance: string;
}
export interface SessionMeBody {
  user: User;
  session: SessionView;
}
export interface SessionLoginBody {
  user: User;
  session: Pick<SessionView, 'createdAt' | 'expiresAt' | 'absoluteExpiresAt'>;
}
export type SessionListEntry = SessionView & { current: boolean };
export interface SessionInspection {
  cookie: CookieView;
  contains: string;
  record: SessionView & { storeKey: string; user: User };
}
export interface JwtLoginBody {
  user: User;
  accessTokenExpiresAt: number;
}
export interface JwtMeBody {
  user: User;
  token: Pick<AccessTokenClaims, 'jti' | 'iat' | 'exp'> & { kid: string };
}
export interface JwtInspection {
  cookie: CookieView;
  header: AccessTokenHeader;
  payload: AccessTokenClaims;
  signature: string;
}
export interface RefreshInspection {
  cookie: CookieView;
  family: { id: string; generation: number; currentSince: number; idleExpiresAt: number; absoluteExpiresAt: number; parent: string | null };
}
export interface JwtLogoutBody {
  loggedOut: true;
  familyRevoked: boolean;
}
/** Whether the browser holds a cookie that page scripts cannot see (it is path-scoped or HttpOnly). */
export interface PresenceBody {
  present: boolean;
}
export interface SettingsBody extends StoredSettings {
  bounds: typeof SETTINGS_BOUNDS;
  /** When the instance that answered picked up the version it serves. */
  instance: { id: string; version: number; receivedAt: number };
}
/** Every live instance and the settings version it serves (GET /api/admin/instances). */
export interface InstancesBody {
  instances: InstanceReport[];
  settings: { version: number; updatedAt: number };
  answeredBy: string;
}
/** The resource service's answer to the signed-in user: who the token names, and their orders. */
export interface OrdersBody {
  orders: unknown[];
}
export interface RevokeBody {
  revokedAt: number;
  sessionsRevoked: number;
  refreshFamiliesRevoked: number;
}
/** A latency figure the server measured in its own process (GET /api/costs). */
interface MeasuredLatency {
  medianMs: number;
  p90Ms: number;
  samples: number;
}
/** The library calls alone, timed in the server process at start-up; `library` is null until measured. */
export interface CostsBody {
  instance: string;
  driver: StoreHealth['driver'];
  warmedAt: number | null;
  library: { unseal: MeasuredLatency; verify: MeasuredLatency; storeGet: MeasuredLatency } | null;
}
export interface KeysBody {
  keys: SigningKeySummary[];
}

function numberHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  return value === null || value === '' || !Number.isFinite(Number(value)) ? null : Number(value);
}

function readMeta(response: Response, at = Date.now()): ResponseMeta {
  const serverTiming = response.headers.get('server-timing');
  return {
    at,
    status: response.status,
    serverTiming,
    phases: parseServerTiming(serverTiming),
    storeLookups: numberHeader(response.headers, 'x-store-lookups'),
    storeCommands: numberHeader(response.headers, 'x-store-commands'),
    credentialBytes: numberHeader(response.headers, 'x-credential-bytes'),
    instance: response.headers.get('x-instance'),
    coldStart: response.headers.get('x-cold-start') === '1',
  };
}

function isErrorBody(body: unknown): body is ErrorBody {
  const candidate = body as Partial<ErrorBody> | null;
  return (
    typeof candidate === 'object' && candidate !== null && typeof candidate.error === 'string' && typeof candidate.message === 'string'
  );
}

interface RequestOptions {
  body?: unknown;
  /** Statuses besides 2xx whose body is the answer (e.g. 503 from /api/health still describes the store). */
  alsoOk?: readonly number[];
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: options.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    const meta: ResponseMeta = {
      at: Date.now(),
      status: 0,
      serverTiming: null,
      phases: [],
      storeLookups: null,
      storeCommands: null,
      credentialBytes: null,
      instance: null,
      coldStart: false,
    };
    return { ok: false, status: 0, error: { error: 'network_error', message: 'The server did not answer.' }, meta };
  }
  const meta = readMeta(response);
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  if ((response.ok || options.alsoOk?.includes(response.status)) && body !== undefined)
    return { ok: true, status: response.status, data: body as T, meta };
  const error: ApiError = isErrorBody(body)
    ? body
    : { error: 'unexpected_response', message: `The server answered ${response.status} without an explanation.` };
  return { ok: false, status: response.status, error, meta };
}

const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body });
/** Only the two fields a login takes, whatever else the caller's object carries (a demo account's role). */
const loginBody = ({ username, password }: Credentials): Credentials => ({ username, password });

/** The admin's live event stream (Server-Sent Events; the admin cookie is sent to /api/admin only). */
export const ADMIN_EVENTS_PATH = '/api/admin/events';

export const api = {
  health: () => get<HealthBody>('/api/health', { alsoOk: [503] }),
  costs: () => get<CostsBody>('/api/costs'),
  session: {
    login: (credentials: Credentials) => post<SessionLoginBody>('/api/session/login', loginBody(credentials)),
    me: () => get<SessionMeBody>('/api/session/me'),
    inspect: () => get<SessionInspection>('/api/session/inspect'),
    logout: () => post<null>('/api/session/logout'),
    logoutEverywhere: () => post<{ sessionsRevoked: number }>('/api/session/logout-all'),
    list: () => get<{ sessions: SessionListEntry[] }>('/api/session/sessions'),
    revoke: (handle: string) => request<null>('DELETE', `/api/session/sessions/${encodeURIComponent(handle)}`),
  },
  jwt: {
    login: (credentials: Credentials) => post<JwtLoginBody>('/api/jwt/login', loginBody(credentials)),
    me: () => get<JwtMeBody>('/api/jwt/me'),
    inspect: () => get<JwtInspection>('/api/jwt/inspect'),
    /** Rotates the refresh cookie: a new access token and refresh token. */
    refresh: () => post<JwtLoginBody>('/api/jwt/refresh'),
    inspectRefresh: () => get<RefreshInspection>('/api/jwt/refresh'),
    /** Whether the browser holds a refresh cookie (it is sent to /api/jwt/refresh only). */
    refreshPresence: () => get<PresenceBody>('/api/jwt/refresh/presence'),
    logout: () => request<JwtLogoutBody>('DELETE', '/api/jwt/refresh'),
  },
  /**
   * The resource service at its same-origin path (ORDERS_SERVICE_PATH): the browser sends the
   * access-token cookie, and the service verifies it with the JWKS alone.
   */
  orders: (path: string) => get<OrdersBody>(path),
  admin: {
    /** Whether the browser holds an admin cookie (it is sent to /api/admin only). */
    presence: () => get<PresenceBody>('/api/admin/presence'),
    me: () => get<SessionMeBody>('/api/admin/me'),
    login: (credentials: Credentials) => post<SessionMeBody>('/api/admin/login', loginBody(credentials)),
    logout: () => post<null>('/api/admin/logout'),
    settings: () => get<SettingsBody>('/api/admin/settings'),
    /** Every live instance, the settings version it serves and when it adopted it. */
    instances: () => get<InstancesBody>('/api/admin/instances'),
    saveSettings: (patch: Partial<RuntimeSettings>) => request<SettingsBody>('PUT', '/api/admin/settings', { body: patch }),
    revoke: (username: string) => post<RevokeBody>('/api/admin/revoke', { username }),
    /** Every user with a live session, and those sessions (the admin dashboard scenario's list). */
    signedInUsers: () => get<{ users: SignedInUser[] }>('/api/admin/sessions'),
    keys: () => get<KeysBody>('/api/admin/keys'),
    rotateKey: () => post<KeysBody>('/api/admin/keys/rotate'),
    retireKey: (kid: string) => post<KeysBody>('/api/admin/keys/retire', { kid }),
  },
};
