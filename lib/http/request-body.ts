/**
 * Reads a small JSON request body defensively: a declared or actual size over the limit, a wrong
 * content type, or text that is not JSON is an expected failure with its own code, never a throw.
 */
export type JsonBodyResult =
  { ok: true; value: unknown } | { ok: false; code: 'bad_request' | 'payload_too_large' | 'unsupported_media_type'; message: string };

const DEFAULT_MAX_BODY_BYTES = 8 * 1024;

const tooLarge = (maxBytes: number): JsonBodyResult => ({
  ok: false,
  code: 'payload_too_large',
  message: `The body may be at most ${maxBytes} bytes.`,
});

/**
 * The body's bytes, read chunk by chunk and given up on (the stream cancelled) the moment they pass
 * `maxBytes`: at most the limit plus one chunk is ever held, whatever the client declared or
 * omitted. `request.arrayBuffer()` would first hold the whole body, however large, and only then
 * let us measure it: a chunked body without Content-Length could make an unauthenticated
 * request cost hundreds of megabytes. Next.js hands route handlers the socket's stream unbuffered;
 * only a `proxy.ts` (middleware) would make it copy the body first, up to
 * `experimental.proxyClientMaxBodySize` (10 MB by default).
 */
async function readBodyUpTo(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | 'too_large'> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: the answer need not wait for the source to wind down.
      reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readJsonBody(request: Request, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<JsonBodyResult> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return { ok: false, code: 'unsupported_media_type', message: 'Send the body as JSON with Content-Type: application/json.' };
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  let text: string;
  try {
    const bytes = await readBodyUpTo(request.body, maxBytes);
    if (bytes === 'too_large') return tooLarge(maxBytes);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'bad_request', message: 'The body could not be read, or is not UTF-8 text.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'bad_request', message: 'The body is not valid JSON.' };
  }
}

export type CredentialsResult = { ok: true; username: string; password: string } | { ok: false; message: string };

/** `{ username, password }`, both non-empty strings of sane length; nothing else is accepted. */
export function parseCredentials(value: unknown): CredentialsResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Expected a JSON object: { "username": string, "password": string }.' };
  }
  const { username, password } = value as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string') {
    return { ok: false, message: '"username" and "password" must both be strings.' };
  }
  if (username.trim().length === 0 || password.length === 0) {
    return { ok: false, message: '"username" and "password" must not be empty.' };
  }
  if (username.length > 64 || password.length > 1024) {
    return { ok: false, message: '"username" may be at most 64 characters and "password" at most 1024.' };
  }
  return { ok: true, username, password };
}
