import 'server-only';
import { readJson } from '@/lib/server/http/body';
import { fail, type Failure } from '@/lib/server/http/reply';

/** One string field of a JSON body (`{ "<name>": "..." }`), at most `maxLength` characters, or the 400 to answer with. */
export async function readStringField(request: Request, name: string, maxLength: number): Promise<{ ok: true; value: string } | Failure> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const value = typeof body.value === 'object' && body.value !== null ? (body.value as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || value.length > maxLength) {
    return fail('bad_request', `Expected a JSON object with "${name}": a string of at most ${maxLength} characters.`);
  }
  return { ok: true, value };
}
