import 'server-only';
import { clearCookieHeader, setCookieHeader, type CookiePurpose } from '@/lib/http/cookies';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@/lib/http/errors';

/** A cookie to set (a credential living `lifetimeSeconds`) or to clear, by its purpose in the cookie table. */
export type CookieChange = { purpose: CookiePurpose; value: string; lifetimeSeconds: number } | { purpose: CookiePurpose; clear: true };

interface ReplyExtras {
  cookies?: readonly CookieChange[];
  headers?: Readonly<Record<string, string>>;
}

/** A successful answer: a status and a JSON body (or none). */
export interface Success extends ReplyExtras {
  ok: true;
  status: number;
  body: unknown;
}

/**
 * An expected failure, as the glue returns it: an error code from the one table in
 * lib/http/errors.ts, which alone decides its HTTP status.
 */
export interface Failure extends ReplyExtras {
  ok: false;
  code: ErrorCode;
  message: string;
}

/** What a route handler returns; the route wrapper turns it into the response, once, for every route. */
export type Reply = Success | Failure;

export const ok = (body: unknown, extras: ReplyExtras & { status?: number } = {}): Success => ({ ok: true, status: 200, body, ...extras });

export const noContent = (extras: ReplyExtras = {}): Success => ({ ok: true, status: 204, body: null, ...extras });

export const fail = (code: ErrorCode, message: string, extras: ReplyExtras = {}): Failure => ({ ok: false, code, message, ...extras });

export const clearCookie = (purpose: CookiePurpose): CookieChange => ({ purpose, clear: true });

/**
 * The response for a reply. Every answer is `no-store` unless the reply says otherwise (it holds
 * a credential, or is about one); every error body is `{ error, message }`.
 */
export function toResponse(reply: Reply, secure: boolean): Response {
  const headers = new Headers({ 'Cache-Control': 'no-store', ...reply.headers });
  for (const cookie of reply.cookies ?? []) {
    headers.append(
      'Set-Cookie',
      'clear' in cookie
        ? clearCookieHeader(cookie.purpose, secure)
        : setCookieHeader(cookie.purpose, cookie.value, secure, cookie.lifetimeSeconds),
    );
  }
  if (!reply.ok) {
    const body: ErrorBody = { error: reply.code, message: reply.message };
    return Response.json(body, { status: ERROR_STATUS[reply.code], headers });
  }
  if (reply.body === null) return new Response(null, { status: reply.status, headers });
  return Response.json(reply.body, { status: reply.status, headers });
}
