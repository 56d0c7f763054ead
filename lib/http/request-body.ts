/**
 * Reads a small JSON request body defensively: a declared or actual size over the limit, a wrong
 * content type, or text that is not JSON is an expected failure with its own code, never a throw.
 */
export type JsonBodyResult =
  { ok: true; value: unknown } | { ok: false; code: 'bad_request' | 'payload_too_large' | 'unsupported_media_type'; message: string };

const DEFAULT_MAX_BODY_BYTES = 8 * 1024;

export async function readJsonBody(request: Request, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<JsonBodyResult> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return { ok: false, code: 'unsupported_media_type', message: 'Send the body as JSON with Content-Type: application/json.' };
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { ok: false, code: 'payload_too_large', message: `The body may be at most ${maxBytes} bytes.` };
  }
  let text: string;
  try {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxBytes) return { ok: false, code: 'payload_too_large', message: `The body may be at most ${maxBytes} bytes.` };
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'bad_request', message: 'The body could not be read as UTF-8 text.' };
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
