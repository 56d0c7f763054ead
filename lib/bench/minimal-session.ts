import 'server-only';
import { unsealData } from 'iron-session';
import type { ServerApp } from '@/lib/server/app';
import { hashOpaqueToken } from '@/lib/crypto/opaque-token';
import type { TimingPhase } from '@/lib/http/server-timing';
import { sessionKey, type SessionRecord } from '@/lib/session/session';
import { BENCH_ROUTES_OFF_MESSAGE, readReferenceCookie, referenceAnswer, referenceError, timePhase } from './reference-answer';

/**
 * GET /api/bench/minimal/session: the least a session check can do, for `npm run bench` to hold
 * the app's `/api/session/me` against. Only the library calls: iron-session `unsealData` of the
 * app's own cookie with the app's own passwords (`unseal`), then one GET of the session record on
 * the configured store driver, without the per-request timing wrapper or the simulated latency (`lookup`). No route wrapper, no
 * timeouts, no sliding, no events: whatever the app's route costs beyond this is the app's doing.
 */
export async function answerMinimalSession(request: Request, app: ServerApp): Promise<Response> {
  const { config } = app;
  if (!config.benchRoutes) return referenceError('not_found', BENCH_ROUTES_OFF_MESSAGE);
  const cookie = readReferenceCookie(request, 'session', config);
  if (cookie === null) return referenceError('unauthenticated', 'No session cookie.');
  const phases: TimingPhase[] = [];
  const data = await timePhase(phases, 'unseal', () =>
    unsealData<{ sid?: unknown }>(cookie, { password: config.sessionPasswords, ttl: config.sessionAbsoluteTimeoutSeconds }).catch(
      () => ({}) as { sid?: unknown },
    ),
  );
  if (typeof data.sid !== 'string') return referenceError('session_invalid', 'The session cookie does not unseal.', phases);
  const sessionId = data.sid;
  const raw = await timePhase(phases, 'lookup', () => app.driverStore.get(sessionKey('user', hashOpaqueToken(sessionId))));
  if (raw === null) return referenceError('session_invalid', 'No such session.', phases);
  const record = JSON.parse(raw) as SessionRecord;
  return referenceAnswer(
    {
      user: { id: record.userId, username: record.username, role: record.role },
      session: { createdAt: record.createdAt, lastSeenAt: record.lastSeenAt, absoluteExpiresAt: record.absoluteExpiresAt },
    },
    phases,
  );
}
