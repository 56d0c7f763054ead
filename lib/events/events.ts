/**
 * What the server did, as a stream of events the dashboard draws live: logins, lookups, verifies,
 * refreshes, rejections with their reason, revocations, key and settings changes. Each carries
 * the instance that handled it and, where there was work to time, its measured duration.
 */
export const EVENT_TYPES = [
  'login',
  'lookup',
  'verify',
  'refresh',
  'refresh_reused',
  'logout',
  'revoke',
  'rejection',
  'key_rotated',
  'key_retired',
  'settings_changed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
type Strategy = 'session' | 'jwt' | 'admin';

export interface AuthEvent {
  type: EventType;
  /** Epoch ms when the server finished the work. */
  at: number;
  strategy: Strategy | null;
  /** Whose credential this was about; null for global events (settings, keys). */
  userId: string | null;
  username: string | null;
  durationMs: number | null;
  /** The rejection or error code, e.g. `session_invalid`, `token_expired`. */
  code: string | null;
  instance: string;
  detail: Record<string, string | number | boolean | null>;
}

/** An event as delivered, with the id of its place in the shared log. */
export interface DeliveredEvent extends AuthEvent {
  id: string;
}

export type EventViewer = { kind: 'admin' } | { kind: 'user'; userId: string };

/**
 * The admin sees everything; a user sees events about their own credentials, plus global events
 * that change what they will experience (settings, keys, a revocation of them).
 */
export function isVisibleTo(event: AuthEvent, viewer: EventViewer): boolean {
  if (viewer.kind === 'admin') return true;
  if (event.userId === null) return event.type === 'settings_changed' || event.type === 'key_rotated' || event.type === 'key_retired';
  return event.userId === viewer.userId;
}

const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

/** Parses an event read back from the shared log; anything malformed is dropped, not trusted. */
export function parseEvent(raw: string): AuthEvent | null {
  try {
    const value = JSON.parse(raw) as Partial<AuthEvent>;
    if (
      typeof value.type !== 'string' ||
      !EVENT_TYPE_SET.has(value.type) ||
      typeof value.at !== 'number' ||
      typeof value.instance !== 'string'
    )
      return null;
    return {
      type: value.type as EventType,
      at: value.at,
      strategy: value.strategy === 'session' || value.strategy === 'jwt' || value.strategy === 'admin' ? value.strategy : null,
      userId: typeof value.userId === 'string' ? value.userId : null,
      username: typeof value.username === 'string' ? value.username : null,
      durationMs: typeof value.durationMs === 'number' ? value.durationMs : null,
      code: typeof value.code === 'string' ? value.code : null,
      instance: value.instance,
      detail: typeof value.detail === 'object' && value.detail !== null ? value.detail : {},
    };
  } catch {
    return null;
  }
}
