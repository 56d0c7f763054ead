/**
 * When the orders lane asks the resource service. It shares the JWT lane's access-token cookie
 * but not its fate: after a revoke the JWT lane may stop at once (denylist), while the service,
 * which sees only the JWKS, keeps accepting the same cookie. So the lane keeps asking after a
 * revoke until the service itself refuses. Pure, for the dashboard's hook.
 */
export interface OrdersLaneProgress {
  /** The JWT lane holds a login (so the browser holds an access-token cookie, or soon a fresh one). */
  jwtSignedIn: boolean;
  /** The latest revoke (page clock), or null. */
  revokedAt: number | null;
  /** The service has refused since that revoke. */
  refusedSinceRevoke: boolean;
}

/** Whether the lane asks now: while the JWT lane is signed in, and after a revoke until the first refusal. */
export function ordersLaneAsks({ jwtSignedIn, revokedAt, refusedSinceRevoke }: OrdersLaneProgress): boolean {
  return jwtSignedIn || (revokedAt !== null && !refusedSinceRevoke);
}

/** Whether an answer at `at` is the refusal the race measures: the first since the revoke. */
export function isFirstRefusalAfterRevoke(progress: OrdersLaneProgress, at: number, refused: boolean): boolean {
  return refused && progress.revokedAt !== null && at >= progress.revokedAt && !progress.refusedSinceRevoke;
}
