import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, MAX_ACCESS_TOKEN_BYTES as APP_MAX_ACCESS_TOKEN_BYTES } from '@/lib/jwt/access-token';
import {
  CLOCK_TOLERANCE_SECONDS as APP_CLOCK_TOLERANCE_SECONDS,
  MAX_ACCESS_TOKEN_AGE_SECONDS as APP_MAX_ACCESS_TOKEN_AGE_SECONDS,
} from '@/lib/policy';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, readOrdersConfig } from './config.mjs';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS, MAX_ACCESS_TOKEN_BYTES } from './verify-access-token.mjs';

const JWKS_URL = 'http://127.0.0.1:3000/.well-known/jwks.json';

describe('orders service configuration', () => {
  it("declares the app's issuer, audience and token limits, so the two cannot drift apart", () => {
    expect(DEFAULT_ISSUER).toBe(ACCESS_TOKEN_ISSUER);
    expect(DEFAULT_AUDIENCE).toBe(ACCESS_TOKEN_AUDIENCE);
    expect(MAX_ACCESS_TOKEN_BYTES).toBe(APP_MAX_ACCESS_TOKEN_BYTES);
    expect(MAX_ACCESS_TOKEN_AGE_SECONDS).toBe(APP_MAX_ACCESS_TOKEN_AGE_SECONDS);
    expect(CLOCK_TOLERANCE_SECONDS).toBe(APP_CLOCK_TOLERANCE_SECONDS);
  });

  it('fills in the defaults: loopback, port 4100, a 60 s window and a 10 s cooldown', () => {
    const config = readOrdersConfig({ ORDERS_JWKS_URL: JWKS_URL });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4100,
      cacheWindowSeconds: 60,
      cooldownSeconds: 10,
      issuer: ACCESS_TOKEN_ISSUER,
    });
    expect(config.jwksUrl.href).toBe(JWKS_URL);
  });

  it('keeps the cooldown inside a short window', () => {
    expect(readOrdersConfig({ ORDERS_JWKS_URL: JWKS_URL, ORDERS_JWKS_CACHE_SECONDS: '2' }).cooldownSeconds).toBe(2);
  });

  it.each([
    [{}, /ORDERS_JWKS_URL is required/],
    [{ ORDERS_JWKS_URL: 'not a url' }, /absolute http\(s\) URL/],
    [{ ORDERS_JWKS_URL: 'file:///etc/passwd' }, /http or https/],
    [{ ORDERS_JWKS_URL: 'http://user:secret@127.0.0.1/jwks' }, /credentials/],
    [{ ORDERS_JWKS_URL: JWKS_URL, ORDERS_PORT: '80.5' }, /ORDERS_PORT must be an integer from 0 to 65535/],
    [{ ORDERS_JWKS_URL: JWKS_URL, ORDERS_PORT: '70000' }, /ORDERS_PORT/],
    [{ ORDERS_JWKS_URL: JWKS_URL, ORDERS_JWKS_CACHE_SECONDS: '0' }, /ORDERS_JWKS_CACHE_SECONDS must be a number from 1 to 86400/],
    [{ ORDERS_JWKS_URL: JWKS_URL, ORDERS_JWKS_CACHE_SECONDS: 'soon' }, /ORDERS_JWKS_CACHE_SECONDS/],
    [
      { ORDERS_JWKS_URL: JWKS_URL, ORDERS_JWKS_CACHE_SECONDS: '30', ORDERS_JWKS_COOLDOWN_SECONDS: '31' },
      /ORDERS_JWKS_COOLDOWN_SECONDS must be a number from 0 to 30/,
    ],
  ])('refuses %j with a message that says what to fix', (env, message) => {
    expect(() => readOrdersConfig(env)).toThrow(message);
  });
});
