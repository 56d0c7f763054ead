import { describe, expect, it } from 'vitest';
import { parseLabRefresh, parseLabSignIn } from './theft-request';

describe('theft lab requests', () => {
  it('accepts the two variants and nothing else', () => {
    expect(parseLabSignIn({ variant: 'no-rotation' })).toEqual({ ok: true, value: { variant: 'no-rotation' } });
    expect(parseLabSignIn({ variant: 'no-grace' })).toEqual({ ok: true, value: { variant: 'no-grace' } });
    for (const body of [null, [], 'no-grace', {}, { variant: 'rotation' }, { variant: 1 }]) expect(parseLabSignIn(body).ok).toBe(false);
  });

  it('wants a bounded, non-empty refresh token', () => {
    expect(parseLabRefresh({ variant: 'no-grace', refresh_token: 'abc' })).toEqual({
      ok: true,
      value: { variant: 'no-grace', refreshToken: 'abc' },
    });
    for (const token of [undefined, '', 42, 'x'.repeat(201)])
      expect(parseLabRefresh({ variant: 'no-grace', refresh_token: token }).ok).toBe(false);
    expect(parseLabRefresh({ refresh_token: 'abc' }).ok).toBe(false);
  });
});
