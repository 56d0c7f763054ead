/**
 * SAFETY RAIL, not part of the lab's mistake: the weak jku verifier may fetch only from this
 * app's own loopback origin (no other host or port, no redirects, a short timeout, a small body),
 * so the lab can never be turned into an SSRF probe against the machine it runs on or its network.
 * A real service with this bug would fetch anything; the page says so.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
const JKU_FETCH_TIMEOUT_MS = 2_000;
export const JKU_MAX_BODY_BYTES = 16_384;

/** The URL when it is on `ownOrigin` and that origin is loopback; null for anything else. */
export function allowedJkuUrl(jku: string, ownOrigin: string | null): URL | null {
  if (ownOrigin === null) return null;
  let url: URL;
  try {
    url = new URL(jku);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.origin !== ownOrigin) return null;
  return url;
}

/** Fetches a JSON key set from the app's own loopback origin only; throws otherwise. */
export async function fetchKeySetFromOwnOrigin(jku: string, ownOrigin: string | null): Promise<unknown> {
  const url = allowedJkuUrl(jku, ownOrigin);
  if (url === null) throw new Error(`the lab fetches only from its own loopback origin (${ownOrigin ?? 'unknown'})`);
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(JKU_FETCH_TIMEOUT_MS), cache: 'no-store' });
  if (!response.ok) throw new Error(`the jku answered ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > JKU_MAX_BODY_BYTES) throw new Error('the jku document is too large');
  const text = await response.text();
  if (text.length > JKU_MAX_BODY_BYTES) throw new Error('the jku document is too large');
  return JSON.parse(text) as unknown;
}
