import { constantTimeEqual, decodeToken, utf8 } from '../forgery/compact-jws';

export interface CrackProgress {
  tried: number;
  total: number;
  elapsedMs: number;
}

export type CrackResult =
  { found: true; word: string; tried: number; elapsedMs: number } | { found: false; tried: number; elapsedMs: number };

/**
 * The offline dictionary attack of lab case 5, as an attacker runs it: HMAC the token's signing
 * input under each candidate word and compare with its signature. Nothing is sent anywhere; the
 * server never learns it is being attacked. Runs in the browser (WebCrypto) and in tests.
 */
export async function crackHs256Secret(
  token: string,
  words: readonly string[],
  onProgress: (progress: CrackProgress) => void = () => {},
  clock: () => number = () => performance.now(),
): Promise<CrackResult> {
  const decoded = decodeToken(token);
  if (!decoded.ok) throw new Error(`Not a token: ${decoded.message}.`);
  const { signingInput, signature } = decoded.token;
  const message = utf8(signingInput);
  const started = clock();
  let tried = 0;
  for (const word of words) {
    tried++;
    const key = await crypto.subtle.importKey('raw', utf8(word), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const candidate = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
    if (constantTimeEqual(candidate, signature)) return { found: true, word, tried, elapsedMs: clock() - started };
    if (tried % 25 === 0) onProgress({ tried, total: words.length, elapsedMs: clock() - started });
  }
  return { found: false, tried, elapsedMs: clock() - started };
}
