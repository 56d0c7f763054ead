import type { NextRequest } from 'next/server';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { eventStreamResponse } from '@/lib/server/event-stream';
import { authenticateJwtRequest } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';
import { authenticateSession, jsonError } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events about the caller's own credentials (and global changes such as settings).
 * The caller is identified by either strategy's credential; the admin's stream is
 * /api/admin/events, where the admin cookie is sent.
 */
export const GET = handleRoute(async (request: NextRequest) => {
  const ctx = beginAuthRequest(request);
  const session = await authenticateSession(request, ctx);
  if (session.ok) return eventStreamResponse({ kind: 'user', userId: session.user.id }, request.signal);
  const access = await authenticateJwtRequest(request, ctx);
  if (access.ok) return eventStreamResponse({ kind: 'user', userId: access.verified.user.id }, request.signal);
  return jsonError('unauthenticated', 'Sign in with a session cookie or an access token to receive your events.');
});
