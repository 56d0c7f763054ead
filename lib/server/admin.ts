import 'server-only';
import type { NextRequest } from 'next/server';
import type { SessionView } from '@/lib/session/session';
import type { User } from '@/lib/users/users';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/request-body';
import { beginAuthRequest, refuseCrossSite, type AuthRequestContext } from './auth-request';
import { authenticateSession, jsonError } from './session';

export type AdminAuthResult = { ok: true; user: User; session: SessionView } | { ok: false; response: Response };

/**
 * Every /api/admin route calls this itself (a check in the proxy alone is bypassable, as
 * CVE-2025-29927 showed). Only the admin-scoped session counts: its cookie is path-scoped to
 * /api/admin, so it never travels with ordinary requests. Someone signed in with an ordinary
 * session (its cookie is Path=/, so it does arrive here) gets 403; nobody signed in gets 401.
 */
export async function requireAdmin(request: NextRequest, ctx: AuthRequestContext): Promise<AdminAuthResult> {
  const admin = await authenticateSession(request, ctx, 'admin');
  if (admin.ok && admin.user.role === 'admin') return { ok: true, user: admin.user, session: admin.session };
  const ordinary = await authenticateSession(request, ctx, 'user');
  if (ordinary.ok && ordinary.user.role !== 'admin') {
    return { ok: false, response: ctx.finish(jsonError('forbidden', 'This needs an administrator; you are signed in as a regular user.')) };
  }
  return { ok: false, response: ctx.finish(jsonError('unauthenticated', 'Administrator login required: POST /api/admin/login.')) };
}

export type AdminRequest = { ok: true; ctx: AuthRequestContext; admin: User } | { ok: false; response: Response };

/**
 * The common start of every admin route: refuse cross-site requests when it changes state, begin
 * the timed request, and require the admin session.
 */
export async function beginAdminRequest(request: NextRequest, options: { changesState: boolean }): Promise<AdminRequest> {
  if (options.changesState) {
    const refused = refuseCrossSite(request);
    if (refused) return { ok: false, response: refused };
  }
  const ctx = beginAuthRequest(request);
  const admin = await requireAdmin(request, ctx);
  return admin.ok ? { ok: true, ctx, admin: admin.user } : { ok: false, response: admin.response };
}

/** The admin route's JSON body, or the finished error response for a malformed one. */
export async function readAdminBody(request: NextRequest, ctx: AuthRequestContext): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  return body.ok ? body : { ok: false, response: ctx.finish(errorResponse(body.code, body.message)) };
}
