import { describe, expect, it } from 'vitest';
import { parseCredentials, readJsonBody } from './request-body';

const post = (body: BodyInit, contentType = 'application/json') =>
  new Request('http://127.0.0.1/api/x', { method: 'POST', body, headers: { 'content-type': contentType } });

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses a non-JSON content type with 415 code', async () => {
    expect(await readJsonBody(post('a=1', 'application/x-www-form-urlencoded'))).toMatchObject({
      ok: false,
      code: 'unsupported_media_type',
    });
  });

  it('refuses malformed JSON and invalid UTF-8 as bad_request', async () => {
    expect(await readJsonBody(post('{"a":'))).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('refuses a body over the limit', async () => {
    expect(await readJsonBody(post(JSON.stringify({ pad: 'x'.repeat(100) })), 50)).toMatchObject({ ok: false, code: 'payload_too_large' });
  });
});

describe('parseCredentials', () => {
  it('accepts two non-empty strings', () => {
    expect(parseCredentials({ username: 'alice', password: 'wonderland' })).toEqual({
      ok: true,
      username: 'alice',
      password: 'wonderland',
    });
  });

  it.each([
    [null],
    [[]],
    ['alice'],
    [{ username: 'alice' }],
    [{ username: 1, password: 'x' }],
    [{ username: 'a', password: ['x'] }],
    [{ username: ' ', password: 'x' }],
    [{ username: 'a'.repeat(65), password: 'x' }],
  ])('rejects %j', (value) => {
    expect(parseCredentials(value).ok).toBe(false);
  });
});
