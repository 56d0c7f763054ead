import 'server-only';
import type { AppConfig } from '@/lib/config/config';
import type { PublishedEvent } from '@/lib/events/event-bus';
import { readCookie, type CookiePurpose } from '@/lib/http/cookies';
import { deriveAppOrigin } from '@/lib/http/cross-site';
import { RequestTimer } from '@/lib/http/request-timing';
import { isSecureContext } from '@/lib/http/secure-context';
import { STRICT_TRANSPORT_SECURITY, wantsStrictTransportSecurity } from '@/lib/http/security-headers';
import type { Store } from '@/lib/store/store';
import type { RequestCommandTally } from '@/lib/store/command-meter';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import type { ServerApp } from '../app';
import { WARM_UP_HEADER } from '../warm-up';

/** Everything one request needs, made once at its start by the route wrapper. */
export interface RequestContext {
  request: Request;
  app: ServerApp;
  config: AppConfig;
  /** The request's one wall-clock instant: every decision in it (expiry, issue times) uses this. */
  now: number;
  /** A timed view of the shared store: its calls become Server-Timing and X-Store-Lookups. */
  store: Store;
  storeCalls: StoreCallLog;
  /** Every store command the request caused, counted at the driver: X-Store-Commands. */
  storeCommands: RequestCommandTally;
  timer: RequestTimer;
  /** Whether the browser will accept Secure cookies (and `__Host-` names) from this request. */
  secure: boolean;
  /**
   * The request started before this process finished warming up: its timings include first-use
   * costs that are not the strategy's. Answered with `X-Cold-Start: 1`; its events say `cold`.
   */
  cold: boolean;
  /** The process's own warm-up request (lib/server/warm-up.ts): it publishes nothing. */
  warmUp: boolean;
  /** The app's own origin, for the cross-site check. */
  appOrigin: string;
  /** The value of one of the table's cookies, under this context's name for it. */
  cookie(purpose: CookiePurpose): string | null;
  publish(event: PublishedEvent): void;
}

export function beginRequest(request: Request, app: ServerApp): RequestContext {
  const storeCalls = new StoreCallLog();
  const host = request.headers.get('host');
  const secure = isSecureContext(request.url, host, app.config.publicOrigin);
  const cookieHeader = request.headers.get('cookie');
  const now = app.now();
  const warmUp = request.headers.get(WARM_UP_HEADER) === app.costs.warmUpToken;
  const cold = !warmUp && app.costs.warmth.beginRequest(now);
  return {
    request,
    app,
    config: app.config,
    now,
    store: timeStore(app.store, storeCalls.record),
    storeCalls,
    storeCommands: { commands: 0, closed: false },
    timer: new RequestTimer(),
    secure,
    appOrigin: deriveAppOrigin(request.url, host, app.config.publicOrigin),
    cookie: (purpose) => readCookie(cookieHeader, purpose, secure),
    cold,
    warmUp,
    publish: (event) => {
      if (warmUp) return;
      app.events.publish(cold ? { ...event, detail: { ...event.detail, cold: true } } : event);
    },
  };
}

/**
 * Adds Server-Timing, X-Store-Lookups (reads made through `ctx.store`), X-Store-Commands (every
 * command sent to the store while the request ran), X-Cold-Start on a cold request, X-Instance,
 * and HSTS over https.
 */
export function finishResponse(response: Response, ctx: RequestContext): Response {
  ctx.storeCommands.closed = true;
  response.headers.set('X-Store-Commands', String(ctx.storeCommands.commands));
  if (ctx.cold) response.headers.set('X-Cold-Start', '1');
  // Which instance answered: behind a load balancer the dashboard shows it per request.
  response.headers.set('X-Instance', ctx.app.instanceId);
  if (wantsStrictTransportSecurity(ctx.request.url, ctx.config.publicOrigin)) {
    response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  }
  return ctx.timer.apply(response, ctx.storeCalls.reads);
}
