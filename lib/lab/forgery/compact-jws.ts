/**
 * Compact JWS by hand, for the token-forgery cases (3-9, 16). Runs in the browser (the attacker's
 * side of each page) and on the server (the weak verifiers), on WebCrypto alone, so the pages do
 * not ship a JWT library. The app's real tokens never pass through here: they use jose.
 */

export type JsonObject = Record<string, unknown>;

interface DecodedToken {
  header: JsonObject;
  payload: JsonObject;
  /** `base64url(header).base64url(payload)`: the bytes the signature covers. */
  signingInput: string;
  signature: Uint8Array;
}

export type DecodeResult = { ok: true; token: DecodedToken } | { ok: false; message: string };

/** Tokens longer than this are refused before any decoding: no lab endpoint parses megabytes. */
const MAX_LAB_TOKEN_LENGTH = 16_384;

const encoder = new TextEncoder();
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null when the text is not base64url (without padding). */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeSegment(value: JsonObject): string {
  return base64UrlEncode(utf8(JSON.stringify(value)));
}

function decodeJsonSegment(segment: string): JsonObject | null {
  const bytes = base64UrlDecode(segment);
  if (bytes === null) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** Splits and decodes a compact JWS without checking anything about its signature. */
export function decodeToken(token: string): DecodeResult {
  if (token.length > MAX_LAB_TOKEN_LENGTH) return { ok: false, message: `longer than ${MAX_LAB_TOKEN_LENGTH} characters` };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, message: 'not three dot-separated parts' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJsonSegment(headerPart);
  const payload = decodeJsonSegment(payloadPart);
  const signature = base64UrlDecode(signaturePart);
  if (header === null) return { ok: false, message: 'the header is not base64url JSON' };
  if (payload === null) return { ok: false, message: 'the payload is not base64url JSON' };
  if (signature === null) return { ok: false, message: 'the signature is not base64url' };
  return { ok: true, token: { header, payload, signingInput: `${headerPart}.${payloadPart}`, signature } };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

const SHA256_BLOCK_BYTES = 64;

/**
 * HMAC-SHA256 by its definition (RFC 2104) over SubtleCrypto SHA-256, because WebCrypto refuses a
 * zero-length HMAC key, and the kid-injection attack (case 8) signs with exactly that: the
 * contents of /dev/null. For any other key it gives the same bytes as `crypto.subtle.sign('HMAC')`.
 */
export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const blockKey = new Uint8Array(SHA256_BLOCK_BYTES);
  blockKey.set(key.length > SHA256_BLOCK_BYTES ? await sha256(new Uint8Array(key)) : key);
  const inner = blockKey.map((byte) => byte ^ 0x36);
  const outer = blockKey.map((byte) => byte ^ 0x5c);
  return sha256(concat(outer, await sha256(concat(inner, message))));
}

/** Signs a header and payload with HS256 (the header is used as given: set `alg` yourself). */
export async function signHs256(header: JsonObject, payload: JsonObject, key: Uint8Array): Promise<string> {
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  return `${signingInput}.${base64UrlEncode(await hmacSha256(key, utf8(signingInput)))}`;
}

/** Byte comparison that takes the same time wherever the first difference is. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** Whether `signature` is HS256 of `signingInput` under `key`. */
export async function hs256Matches(signingInput: string, signature: Uint8Array, key: Uint8Array): Promise<boolean> {
  return constantTimeEqual(await hmacSha256(key, utf8(signingInput)), signature);
}

/** Signs with ES256 (WebCrypto's ECDSA output is already the JWS r||s form). */
export async function signEs256(header: JsonObject, payload: JsonObject, privateKey: CryptoKey): Promise<string> {
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, utf8(signingInput));
  return `${signingInput}.${base64UrlEncode(new Uint8Array(signature))}`;
}

/** An attacker's fresh P-256 key pair and its public JWK (what cases 6 and 7 publish). */
export async function makeAttackerKeyPair(): Promise<{ privateKey: CryptoKey; publicJwk: JsonObject }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: { kty, crv, x, y } };
}

/** Re-encodes a header and payload and keeps the given signature part as it was. */
export function reencodeKeepingSignature(header: JsonObject, payload: JsonObject, token: string): string {
  return `${encodeSegment(header)}.${encodeSegment(payload)}.${token.split('.')[2] ?? ''}`;
}
