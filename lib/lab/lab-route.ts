import 'server-only';
import { fail, toResponse, type Reply } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import type { RequestContext } from '@/lib/server/http/context';
import { clearLabCookieHeader, readLabCookie, setLabCookieHeader, type LabCookiePurpose } from './lab-cookies';

type LabCookieChange = { purpose: LabCookiePurpose; value: string; maxAgeSeconds: number } | { purpose: LabCookiePurpose; clear: true };

/** A lab handler's answer: a reply as every route gives, plus the lab cookies to set or clear. */
export type LabReply = Reply & { labCookies?: readonly LabCookieChange[] };

export interface LabContext {
  ctx: RequestContext;
  /** The value of one of the lab's own cookies (never one of the app's). */
  labCookie(purpose: LabCookiePurpose): string | null;
}

const LAB_OFF_MESSAGE = 'The attack lab is switched off on this server (LAB_ENABLED=0).';

/**
 * The shape of every /api/lab route: the app's own route wrapper (Host check, cross-site check,
 * timing headers) with one gate in front: with LAB_ENABLED=0 every lab route is a JSON 404. Lab
 * handlers get the request context, but by convention use only lab keys and lab cookies.
 */
export function labRoute<Params = Record<string, never>>(handler: (lab: LabContext, params: Params) => Promise<LabReply | Response>) {
  return route<Params>(async (ctx, params) => {
    if (!ctx.config.labEnabled) return fail('not_found', LAB_OFF_MESSAGE);
    const cookieHeader = ctx.request.headers.get('cookie');
    const result = await handler({ ctx, labCookie: (purpose) => readLabCookie(cookieHeader, purpose) }, params);
    if (result instanceof Response) return result;
    const { labCookies, ...reply } = result;
    if (!labCookies?.length) return reply;
    const response = toResponse(reply, ctx.secure);
    for (const change of labCookies) {
      response.headers.append(
        'Set-Cookie',
        'clear' in change ? clearLabCookieHeader(change.purpose) : setLabCookieHeader(change.purpose, change.value, change.maxAgeSeconds),
      );
    }
    return response;
  });
}
