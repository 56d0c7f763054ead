/**
 * What the theft demo's lab endpoints accept. Two lab variants of the refresh token, each weak in
 * one way the real flow is not:
 *   no-rotation  the same refresh token forever (non-rotating-refresh.ts): a thief stays in.
 *   no-grace     the app's own rotation and reuse detection, run on a lab store with the grace
 *                window set to 0: two tabs of one user refreshing a moment apart look like theft.
 */
const THEFT_LAB_VARIANTS = ['no-rotation', 'no-grace'] as const;
export type TheftLabVariant = (typeof THEFT_LAB_VARIANTS)[number];

const MAX_REFRESH_TOKEN_LENGTH = 200;

export type TheftLabRequest<T> = { ok: true; value: T } | { ok: false; message: string };

function variantOf(body: Record<string, unknown>): TheftLabVariant | null {
  const variant = body.variant;
  return THEFT_LAB_VARIANTS.find((known) => known === variant) ?? null;
}

const VARIANT_MESSAGE = `"variant" must be one of: ${THEFT_LAB_VARIANTS.join(', ')}.`;

/** `{ variant }` for a lab sign-in. */
export function parseLabSignIn(body: unknown): TheftLabRequest<{ variant: TheftLabVariant }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, message: `Expected a JSON object. ${VARIANT_MESSAGE}` };
  const variant = variantOf(body as Record<string, unknown>);
  return variant === null ? { ok: false, message: VARIANT_MESSAGE } : { ok: true, value: { variant } };
}

/** `{ variant, refresh_token }` for a lab refresh. */
export function parseLabRefresh(body: unknown): TheftLabRequest<{ variant: TheftLabVariant; refreshToken: string }> {
  const signIn = parseLabSignIn(body);
  if (!signIn.ok) return signIn;
  const token = (body as Record<string, unknown>).refresh_token;
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_REFRESH_TOKEN_LENGTH)
    return { ok: false, message: `"refresh_token" must be a non-empty string of at most ${MAX_REFRESH_TOKEN_LENGTH} characters.` };
  return { ok: true, value: { variant: signIn.value.variant, refreshToken: token } };
}
