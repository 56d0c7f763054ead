import 'server-only';
import { fail, ok, type Reply } from '@/lib/server/http/reply';
import { readJson } from '@/lib/server/http/body';
import { findLabTokenHolder, type LabUser } from './lab-users';
import type { WeakVerification } from './weak-verification';

/** The Bearer token of a lab request, or the 4xx to answer. */
export function readLabBearer(request: Request): { ok: true; token: string } | { ok: false; reply: Reply } {
  const header = request.headers.get('authorization');
  if (header === null) return { ok: false, reply: fail('unauthenticated', 'Send the token as Authorization: Bearer <token>.') };
  const match = /^Bearer[ ]+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) return { ok: false, reply: fail('bad_request', 'The Authorization header is not "Bearer <token>".') };
  return { ok: true, token: match[1] };
}

/** The weak endpoint's answer: 200 with the user it let in and why, or 401 invalid_token. */
export function answerWeakVerification(verification: WeakVerification): Reply {
  if (!verification.ok) return fail('invalid_token', `Refused by the weak verifier: ${verification.message}.`);
  // The reason first: it is the line the page's answer panel must show without scrolling.
  return ok({ acceptedBecause: verification.acceptedBecause, user: verification.user });
}

/** `GET /api/lab/<slug>/me` for one weak verifier: Bearer in, verdict out. */
export async function checkWithWeakVerifier(request: Request, verify: (token: string) => Promise<WeakVerification>): Promise<Reply> {
  const bearer = readLabBearer(request);
  if (!bearer.ok) return bearer.reply;
  return answerWeakVerification(await verify(bearer.token));
}

/** `{ username }` from a lab token request's JSON body: the demo user to issue a lab token to. */
export async function readLabTokenHolder(request: Request): Promise<{ ok: true; user: LabUser } | { ok: false; reply: Reply }> {
  const body = await readJson(request);
  if (!body.ok) return { ok: false, reply: body };
  const username = typeof body.value === 'object' && body.value !== null ? (body.value as { username?: unknown }).username : undefined;
  const user = findLabTokenHolder(username);
  if (user === null)
    return { ok: false, reply: fail('bad_request', 'The lab issues tokens to alice or bob: send { "username": "alice" }.') };
  return { ok: true, user };
}
