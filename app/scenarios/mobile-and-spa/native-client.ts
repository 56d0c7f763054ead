/**
 * The simulated native app: it talks to the API the way a mobile app does, with tokens from
 * POST /api/jwt/token sent as `Authorization: Bearer`, and no cookies at all (`credentials:
 * 'omit'`, so this browser's own cookies cannot help it). The tokens live in the caller's memory
 * only: nothing here touches web storage or document.cookie.
 */
import type { Credentials, JwtMeBody } from '@/lib/client/api';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
}

export type NativeAnswer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; code: string; message: string };

async function call<T>(path: string, init: RequestInit): Promise<NativeAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, code: 'network_error', message: 'The server did not answer.' };
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: string; message?: string }) | null;
  if (response.ok && body !== null) return { ok: true, status: response.status, data: body };
  return {
    ok: false,
    status: response.status,
    code: typeof body?.error === 'string' ? body.error : 'unexpected_response',
    message: typeof body?.message === 'string' ? body.message : `The server answered ${response.status}.`,
  };
}

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const nativeClient = {
  signIn: ({ username, password }: Credentials) => call<TokenResponse>('/api/jwt/token', json({ username, password })),
  me: (accessToken: string) => call<JwtMeBody>('/api/jwt/me', { headers: { authorization: `Bearer ${accessToken}` } }),
  refresh: (refreshToken: string) => call<TokenResponse>('/api/jwt/refresh', json({ refresh_token: refreshToken })),
  /** Logout: revokes the refresh-token family (the access token lasts until it expires). */
  revokeRefresh: (refreshToken: string) => call<unknown>('/api/jwt/refresh', json({ refresh_token: refreshToken }, 'DELETE')),
};
