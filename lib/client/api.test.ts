import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, request } from './api';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const init = { status, headers: body === null ? headers : { 'content-type': 'application/json', ...headers } };
  return new Response(body === null ? null : typeof body === 'string' ? body : JSON.stringify(body), init);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('returns the typed body and what the headers said about the server work', async () => {
    const fetchMock = vi.fn(async () =>
      answer(
        200,
        { user: { id: 'usr_alice', username: 'alice', role: 'user' } },
        {
          'server-timing': 'unseal;dur=0.400, lookup;dur=1.250',
          'x-store-lookups': '1',
          'x-credential-bytes': '323',
          'x-instance': 'e2e',
        },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const result = await api.session.me();
    expect(fetchMock).toHaveBeenCalledWith('/api/session/me', expect.objectContaining({ method: 'GET', cache: 'no-store' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.user.username).toBe('alice');
    expect(result.meta).toMatchObject({
      status: 200,
      serverTiming: 'unseal;dur=0.400, lookup;dur=1.250',
      phases: [
        { name: 'unseal', durationMs: 0.4 },
        { name: 'lookup', durationMs: 1.25 },
      ],
      storeLookups: 1,
      credentialBytes: 323,
      instance: 'e2e',
    });
  });

  it('sends JSON bodies and returns the server error body as it is', async () => {
    const fetchMock = vi.fn(async () => answer(401, { error: 'invalid_credentials', message: 'Wrong username or password.' }));
    vi.stubGlobal('fetch', fetchMock);
    const result = await api.jwt.login({ username: 'alice', password: 'nope' });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/jwt/login',
      expect.objectContaining({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'alice', password: 'nope' }),
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      status: 401,
      error: { error: 'invalid_credentials', message: 'Wrong username or password.' },
    });
  });

  it('reads 204 as success without a body, and sends no content type without a body', async () => {
    const fetchMock = vi.fn(async () => answer(204, null));
    vi.stubGlobal('fetch', fetchMock);
    expect(await api.session.logout()).toMatchObject({ ok: true, status: 204, data: null });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/session/logout',
      expect.objectContaining({ method: 'POST', headers: undefined, body: undefined }),
    );
  });

  it('never throws: no answer is network_error, an answer without an error body is unexpected_response', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await request('GET', '/api/jwt/me')).toMatchObject({ ok: false, status: 0, error: { error: 'network_error' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(502, '<html>bad gateway</html>', { 'content-type': 'text/html' })),
    );
    expect(await request('GET', '/api/jwt/me')).toMatchObject({ ok: false, status: 502, error: { error: 'unexpected_response' } });
  });

  it('takes the health body on 503 too: it describes the store that is down', async () => {
    const body = { store: { driver: 'redis', ok: false, roundTripMs: null, singleInstanceOnly: false }, instance: 'a' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(503, body)),
    );
    expect(await api.health()).toMatchObject({ ok: true, status: 503, data: body });
  });

  it('escapes a session handle in the path', async () => {
    const fetchMock = vi.fn(async () => answer(204, null));
    vi.stubGlobal('fetch', fetchMock);
    await api.session.revoke('../admin');
    expect(fetchMock).toHaveBeenCalledWith('/api/session/sessions/..%2Fadmin', expect.objectContaining({ method: 'DELETE' }));
  });

  it('asks the orders service at its same-origin path and reads its refusal codes and X-Instance', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(answer(200, { user: { sub: 'usr_alice' }, orders: [{ id: 'ord_1' }] }, { 'x-instance': 'orders' }))
      .mockResolvedValueOnce(
        answer(401, { error: 'session_cookie_not_accepted', message: 'Send an access token.' }, { 'x-instance': 'orders' }),
      );
    vi.stubGlobal('fetch', fetchMock);
    const accepted = await api.orders('/orders');
    expect(fetchMock).toHaveBeenCalledWith('/orders', expect.objectContaining({ method: 'GET', cache: 'no-store' }));
    expect(accepted.ok && accepted.data.orders).toHaveLength(1);
    expect(accepted.meta.instance).toBe('orders');
    const refused = await api.orders('/orders');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.error).toBe('session_cookie_not_accepted');
    expect(refused.meta).toMatchObject({ status: 401, instance: 'orders' });
  });
});
