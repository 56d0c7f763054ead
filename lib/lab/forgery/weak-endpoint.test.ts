import { describe, expect, it } from 'vitest';
import { answerWeakVerification, checkWithWeakVerifier, readLabBearer } from './weak-endpoint';

const withAuthorization = (value?: string) =>
  new Request('http://127.0.0.1/api/lab/x/me', { headers: value ? { Authorization: value } : {} });

describe('the weak endpoints’ shared edges', () => {
  it('reads a Bearer token and answers 4xx for a missing or malformed header', () => {
    expect(readLabBearer(withAuthorization('Bearer a.b.c'))).toEqual({ ok: true, token: 'a.b.c' });
    expect(readLabBearer(withAuthorization())).toMatchObject({ ok: false, reply: { ok: false, code: 'unauthenticated' } });
    expect(readLabBearer(withAuthorization('Basic abc'))).toMatchObject({ ok: false, reply: { ok: false, code: 'bad_request' } });
    expect(readLabBearer(withAuthorization('Bearer a b'))).toMatchObject({ ok: false, reply: { code: 'bad_request' } });
  });

  it('answers 200 with the user and the reason, or invalid_token', async () => {
    const user = { sub: 'usr_admin', username: 'admin', role: 'admin' as const };
    expect(answerWeakVerification({ ok: true, user, acceptedBecause: 'why' })).toMatchObject({
      ok: true,
      status: 200,
      body: { user, acceptedBecause: 'why' },
    });
    expect(await checkWithWeakVerifier(withAuthorization('Bearer t'), async () => ({ ok: false, message: 'bad' }))).toMatchObject({
      ok: false,
      code: 'invalid_token',
    });
  });
});
