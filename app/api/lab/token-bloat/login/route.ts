import { LAB_COOKIES } from '@/lib/lab/lab-cookies';
import { LAB_KEY_ID, labSigningKey } from '@/lib/lab/lab-keys';
import { labRoute } from '@/lib/lab/lab-route';
import { signLabJwt } from '@/lib/lab/lifecycle/lab-jwt';
import {
  bloatedClaims,
  cookiePairBytes,
  exceedsBrowserCookieLimit,
  MAX_EXTRA_CLAIMS,
  parseClaimCount,
} from '@/lib/lab/token-bloat/bloated-claims';
import { readJson } from '@/lib/server/http/body';
import { fail, ok } from '@/lib/server/http/reply';

export const dynamic = 'force-dynamic';

const FAT_TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * `{ claims }`: a lab login as alice whose token carries that many extra claims, set in lab_fat_jwt
 * (Path=/, so it rides on every request). The server cannot tell whether the browser kept it: it
 * answers 200 with the sizes either way, exactly as a real server would.
 */
export const POST = labRoute(async ({ ctx }) => {
  const body = await readJson(ctx.request);
  if (!body.ok) return body;
  const count = parseClaimCount(
    typeof body.value === 'object' && body.value !== null ? (body.value as { claims?: unknown }).claims : undefined,
  );
  if (count === null) return fail('bad_request', `Expected { "claims": an integer from 0 to ${MAX_EXTRA_CLAIMS} }.`);
  const key = await labSigningKey();
  const token = await signLabJwt(
    { sub: 'alice', username: 'alice', role: 'user', ...bloatedClaims(count) },
    { ...key, kid: LAB_KEY_ID },
    FAT_TOKEN_LIFETIME_SECONDS,
    ctx.now,
  );
  const name = LAB_COOKIES.bloatedJwt.name;
  return {
    ...ok({
      claims: count,
      tokenBytes: token.length,
      cookieBytes: cookiePairBytes(name, token),
      overBrowserLimit: exceedsBrowserCookieLimit(name, token),
    }),
    labCookies: [{ purpose: 'bloatedJwt', value: token, maxAgeSeconds: FAT_TOKEN_LIFETIME_SECONDS }],
  };
});
