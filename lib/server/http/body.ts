import 'server-only';
import { parseCredentials, readJsonBody } from '@/lib/http/request-body';
import { fail, type Failure } from './reply';

/** The request's JSON body, or the failure to answer with (wrong type, too large, not JSON). */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | Failure> {
  const body = await readJsonBody(request);
  return body.ok ? body : fail(body.code, body.message);
}

/** `{ username, password }` from the body, or the 4xx failure for anything else. */
export async function readCredentials(request: Request): Promise<{ ok: true; username: string; password: string } | Failure> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const credentials = parseCredentials(body.value);
  return credentials.ok ? credentials : fail('bad_request', credentials.message);
}

/** Whether the request declares a JSON body (a non-browser client sending its token in it, say). */
export function declaresJsonBody(request: Request): boolean {
  return /json/i.test(request.headers.get('content-type') ?? '');
}
