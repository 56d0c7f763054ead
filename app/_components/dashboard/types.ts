import type { ObservedRequest } from '@/lib/dashboard/request-stats';

export type StrategyId = 'session' | 'jwt';

export interface User {
  id: string;
  username: string;
  role: string;
}

export interface CookieView {
  name: string;
  sizeBytes: number;
  preview: string;
  attributes: { httpOnly: boolean; secure: boolean; sameSite: string; path: string; maxAgeSeconds: number; expiresAt: number };
}

export interface SessionInspection {
  cookie: CookieView;
  contains: string;
  record: { storeKey: string; user: User; id: string; createdAt: number; lastSeenAt: number; expiresAt: number; absoluteExpiresAt: number; userAgent: string | null };
}

export interface JwtInspection {
  cookie: CookieView;
  header: { alg: string; kid: string; typ: string };
  payload: Record<string, string | number> & { exp: number; iat: number };
  signature: string;
}

export interface RefreshInspection {
  cookie: CookieView;
  family: { id: string; generation: number; currentSince: number; idleExpiresAt: number; absoluteExpiresAt: number; parent: string | null };
}

/** One completed request on the race timeline. */
export interface RaceMark {
  at: number;
  kind: 'accepted' | 'rejected' | 'refreshed';
  code: string | null;
  authMs: number;
}

export interface LaneState {
  user: User | null;
  requests: ObservedRequest[];
  marks: RaceMark[];
  last: (ObservedRequest & { code: string | null; path: string }) | null;
  /** Client time of the first rejection after the latest revoke, if any. */
  firstRejectionAt: number | null;
  firstRejectionCode: string | null;
  error: string | null;
}

export const EMPTY_LANE: LaneState = { user: null, requests: [], marks: [], last: null, firstRejectionAt: null, firstRejectionCode: null, error: null };

export interface RuntimeSettings {
  accessTokenTtlSeconds: number;
  denylist: boolean;
  refreshGraceSeconds: number;
  storeLatencyMs: number;
}
