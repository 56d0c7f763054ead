import { describe, expect, it } from 'vitest';
import { choosePresentedRefreshToken } from './refresh-token-source';

describe('choosePresentedRefreshToken', () => {
  it('uses the cookie when no JSON body was sent', () => {
    expect(choosePresentedRefreshToken(undefined, 'from-cookie')).toEqual({ ok: true, token: 'from-cookie', source: 'cookie' });
    expect(choosePresentedRefreshToken(undefined, null)).toEqual({ ok: true, token: null, source: 'cookie' });
  });

  it('lets an explicit body token win over the cookie', () => {
    expect(choosePresentedRefreshToken({ refresh_token: 'from-body' }, 'from-cookie')).toEqual({
      ok: true,
      token: 'from-body',
      source: 'body',
    });
  });

  it.each([null, [], 'token', 42, {}, { refresh_token: 42 }, { refreshToken: 'camel' }])(
    'refuses the body %j without falling back to the cookie',
    (body) => {
      expect(choosePresentedRefreshToken(body, 'from-cookie')).toMatchObject({ ok: false, code: 'bad_request' });
    },
  );
});
