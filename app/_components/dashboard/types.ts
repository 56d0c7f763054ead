import type { ObservedRequest } from '@/lib/dashboard/request-stats';
import type { User } from '@/lib/users/users';

/** UI-only types of the dashboard; what the API sends is typed in lib/client/api.ts. */
export type StrategyId = 'session' | 'jwt';

/** One completed request on the race timeline. */
export interface RaceMark {
  at: number;
  kind: 'accepted' | 'rejected' | 'refreshed';
  code: string | null;
  authMs: number;
  /** `X-Instance` of the answer: which app instance (or `orders`) served it. */
  instance: string | null;
}

export interface LaneState {
  user: User | null;
  /** The page was loaded with this strategy's credential and is asking the server about it. */
  restoring: boolean;
  requests: ObservedRequest[];
  marks: RaceMark[];
  last: (ObservedRequest & { code: string | null; path: string }) | null;
  /** Client time of the first rejection after the latest revoke, if any. */
  firstRejectionAt: number | null;
  firstRejectionCode: string | null;
  error: string | null;
}

export const EMPTY_LANE: LaneState = {
  user: null,
  restoring: false,
  requests: [],
  marks: [],
  last: null,
  firstRejectionAt: null,
  firstRejectionCode: null,
  error: null,
};
