import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Whether this browser holds a refresh cookie at all, without using or checking it: 200
 * `{ present }` either way. It lives under /api/jwt/refresh because the refresh cookie is sent
 * nowhere else. A page whose access token has expired (the browser dropped that cookie) asks
 * this before it tries a refresh, so a visitor who never logged in does not get a 401 from
 * `POST /api/jwt/refresh`, which the browser logs as an error.
 */
export const GET = route(async (ctx) => ok({ present: ctx.cookie('refreshToken') !== null }));
