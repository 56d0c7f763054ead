import 'server-only';
import { checkCrossSiteRequest, deriveAppOrigin } from '@/lib/http/cross-site';
import { errorResponse } from '@/lib/http/errors';
import { RequestTimer } from '@/lib/http/request-timing';
import { isSecureContext } from '@/lib/http/secure-context';
import type { Store } from '@/lib/store/store';
import { StoreCallLog, timeStore } from '@/lib/store/timed-store';
import type { AppConfig } from '@/lib/config/config';
import { getConfig } from './config';
import { getInstanceId } from './instance';
import { getStore } from './store';

/** Everything one auth request needs: the config, a timed view of the store, a phase timer. */
export interface AuthRequestContext {
  config: AppConfig;
  store: Store;
  storeCalls: StoreCallLog;
  timer: RequestTimer;
  /** Whether Secure cookies (and `__Host-` names) will be accepted by the browser. */
  secure: boolean;
  /** Adds Server-Timing, X-Store-Lookups (reads made through `store`) and X-Instance to the response. */
  finish(response: Response): Response;
}

export function beginAuthRequest(request: Request): AuthRequestContext {
  const config = getConfig();
  const storeCalls = new StoreCallLog();
  const store = timeStore(getStore(), storeCalls.record);
  const timer = new RequestTimer();
  return {
    config,
    store,
    storeCalls,
    timer,
    secure: isSecureContext(request.url, request.headers.get('host'), config.publicOrigin),
    finish: (response) => {
      // Which instance answered: behind a load balancer the dashboard shows it per request.
      response.headers.set('X-Instance', getInstanceId());
      return timer.apply(response, storeCalls.reads);
    },
  };
}

/** A 403 `cross_site_request` response when a state-changing request comes from another site. */
export function refuseCrossSite(request: Request): Response | null {
  const check = checkCrossSiteRequest({
    method: request.method,
    secFetchSite: request.headers.get('sec-fetch-site'),
    origin: request.headers.get('origin'),
    appOrigin: deriveAppOrigin(request.url, request.headers.get('host'), getConfig().publicOrigin),
  });
  return check.ok ? null : errorResponse(check.code, check.message);
}
