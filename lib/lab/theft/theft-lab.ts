import 'server-only';
import { issueRefreshToken, rotateRefreshToken, type RefreshPolicy } from '@/lib/jwt/refresh-token';
import { fail, ok, type Reply } from '@/lib/server/http/reply';
import type { RequestContext } from '@/lib/server/http/context';
import { authenticateJwtRequest, readAccessToken } from '@/lib/server/jwt/authenticate';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';
import type { User } from '@/lib/users/users';
import { LAB_KEY_ID, labSigningKey } from '../lab-keys';
import { signLabAccessToken, verifyLabAccessToken, type LabSigningMaterial } from './lab-access-token';
import { createNonRotatingRefreshStore, type NonRotatingRefreshStore } from './non-rotating-refresh';
import type { TheftLabVariant } from './theft-request';

/**
 * The no-grace variant runs the app's real rotation code with one number changed: the grace
 * window is 0. Lab families are short-lived and live in a store of their own, never the app's.
 */
const NO_GRACE_POLICY: RefreshPolicy = { idleSeconds: 15 * 60, absoluteSeconds: 60 * 60, graceSeconds: 0 };
/** After this many lab sign-ins the no-grace store starts afresh: a loop of sign-ins cannot grow it without bound. */
const NO_GRACE_FAMILIES_PER_STORE = 500;

interface TheftLabState {
  noRotation: NonRotatingRefreshStore;
  noGrace: { store: Store; families: number };
}

const globalForTheft = globalThis as typeof globalThis & { __sessionVsJwtTheftLab?: TheftLabState };

function theftLabState(): TheftLabState {
  globalForTheft.__sessionVsJwtTheftLab ??= {
    noRotation: createNonRotatingRefreshStore(),
    noGrace: { store: createMemoryStore(), families: 0 },
  };
  return globalForTheft.__sessionVsJwtTheftLab;
}

async function labKey(): Promise<LabSigningMaterial> {
  const { privateKey, publicKey } = await labSigningKey();
  return { privateKey, publicKey, kid: LAB_KEY_ID };
}

/** What the page shows and times itself by: the numbers the real flow runs with right now. */
export async function describeTheftSettings(ctx: RequestContext): Promise<Reply> {
  await ctx.app.settings.ready();
  const { accessTokenTtlSeconds, refreshGraceSeconds, denylist } = ctx.app.settings.current();
  return ok({ accessTokenTtlSeconds, refreshGraceSeconds, denylist });
}

async function labTokens(ctx: RequestContext, user: User, refreshToken: string, extra: Record<string, unknown> = {}): Promise<Reply> {
  await ctx.app.settings.ready();
  const ttlSeconds = ctx.app.settings.current().accessTokenTtlSeconds;
  const access = await signLabAccessToken({ user, key: await labKey(), now: ctx.now, ttlSeconds });
  return ok({ access_token: access.token, token_type: 'Bearer', expires_in: ttlSeconds, refresh_token: refreshToken, ...extra });
}

/**
 * A lab sign-in. It asks for no password: the caller shows a real access token (Bearer) from its
 * real sign-in, so the lab adds no unthrottled password check to the app.
 */
export async function signInToTheftLab(ctx: RequestContext, variant: TheftLabVariant): Promise<Reply> {
  const real = await authenticateJwtRequest(ctx);
  if (!real.ok) return fail(real.code, 'Sign in for real first (POST /api/jwt/token) and send the access token as Authorization: Bearer.');
  const { user } = real.verified;
  const state = theftLabState();
  if (variant === 'no-rotation') return labTokens(ctx, user, state.noRotation.issue(user, ctx.now).token, { variant });
  if (state.noGrace.families >= NO_GRACE_FAMILIES_PER_STORE) state.noGrace = { store: createMemoryStore(), families: 0 };
  state.noGrace.families += 1;
  const issued = await issueRefreshToken(state.noGrace.store, { user, now: ctx.now, policy: NO_GRACE_POLICY });
  return labTokens(ctx, user, issued.token, { variant });
}

/** A lab refresh: the same token back (no-rotation) or its successor (no-grace), with a new lab access token. */
export async function refreshTheftLab(ctx: RequestContext, variant: TheftLabVariant, refreshToken: string): Promise<Reply> {
  const state = theftLabState();
  if (variant === 'no-rotation') {
    const used = state.noRotation.use(refreshToken, ctx.now);
    if (!used.ok) return fail(used.code, 'This lab refresh token is not one the lab issued, or it has expired.');
    return labTokens(ctx, used.user, refreshToken, { variant, uses: used.uses });
  }
  const rotation = await rotateRefreshToken(state.noGrace.store, refreshToken, {
    now: ctx.now,
    policy: NO_GRACE_POLICY,
    resolveUser: ctx.app.users.findById,
  });
  if (!rotation.ok) {
    const message =
      rotation.code === 'refresh_reused'
        ? 'Presented again after rotation with no grace window: treated as theft, and the whole lab family is revoked.'
        : `Refused: ${rotation.code}.`;
    return fail(rotation.code, message);
  }
  return labTokens(ctx, rotation.user, rotation.token, { variant, generation: rotation.record.generation });
}

/** Who a lab access token stands for (Bearer only: the lab client keeps its tokens in memory). */
export async function describeTheftLabCaller(ctx: RequestContext): Promise<Reply> {
  const presented = readAccessToken(ctx);
  if (presented === null || !presented.viaBearer) return fail('unauthenticated', 'Send a lab access token as Authorization: Bearer.');
  const verified = await verifyLabAccessToken(presented.token, await labKey(), ctx.now);
  if (!verified.ok)
    return fail(verified.code, verified.code === 'token_expired' ? 'The lab access token has expired.' : 'Not a lab access token.');
  return ok({ user: verified.user, accessTokenExpiresAt: verified.expiresAt });
}
