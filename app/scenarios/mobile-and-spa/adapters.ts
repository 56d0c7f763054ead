'use client';

import { api, type ApiResult } from '@/lib/client/api';
import type { ClientAdapter, ClientOutcome } from './use-api-client';
import { nativeClient, type NativeAnswer, type TokenResponse } from './native-client';

function outcomeOf<T>(result: ApiResult<T>, expiresAtMs: (data: T) => number | null): ClientOutcome {
  return result.ok
    ? { ok: true, status: result.status, code: null, expiresAtMs: expiresAtMs(result.data) }
    : { ok: false, status: result.status, code: result.error.error, expiresAtMs: null };
}

/** The SPA: HttpOnly cookies set by POST /api/jwt/login; page scripts never see a token. */
export const spaAdapter: ClientAdapter = {
  signIn: async (credentials) => outcomeOf(await api.jwt.login(credentials), (data) => data.accessTokenExpiresAt),
  callApi: async () => outcomeOf(await api.jwt.me(), (data) => data.token.exp * 1000),
  refresh: async () => outcomeOf(await api.jwt.refresh(), (data) => data.accessTokenExpiresAt),
  signOut: async () => {
    await api.jwt.logout();
  },
};

function nativeOutcome<T>(answer: NativeAnswer<T>, expiresAtMs: (data: T) => number | null): ClientOutcome {
  return answer.ok
    ? { ok: true, status: answer.status, code: null, expiresAtMs: expiresAtMs(answer.data) }
    : { ok: false, status: answer.status, code: answer.code, expiresAtMs: null };
}

/**
 * The native app: its tokens in a closure, that is, in memory only, as an app keeps them between
 * the OS keychain and its requests. Nothing is written to any browser storage.
 */
export function createNativeAdapter(): ClientAdapter {
  let tokens: TokenResponse | null = null;
  const expiresAt = (data: TokenResponse) => Date.now() + data.expires_in * 1000;
  const keep = (answer: NativeAnswer<TokenResponse>) => {
    if (answer.ok) tokens = answer.data;
    return nativeOutcome(answer, expiresAt);
  };
  return {
    signIn: async (credentials) => keep(await nativeClient.signIn(credentials)),
    callApi: async () =>
      tokens === null
        ? { ok: false, status: 401, code: 'unauthenticated', expiresAtMs: null }
        : nativeOutcome(await nativeClient.me(tokens.access_token), (data) => data.token.exp * 1000),
    refresh: async () =>
      tokens === null
        ? { ok: false, status: 401, code: 'unauthenticated', expiresAtMs: null }
        : keep(await nativeClient.refresh(tokens.refresh_token)),
    signOut: async () => {
      if (tokens !== null) await nativeClient.revokeRefresh(tokens.refresh_token);
      tokens = null;
    },
  };
}
