import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_IDLE_SECONDS } from '@/lib/policy';
import { formatDuration, oneLifetimeProfile, realProfile, stolenTokenWorth } from './stolen-token-worth';

describe('what a stolen token is worth', () => {
  it('under one lifetime: the access token for the whole refresh lifetime, the refresh token for two of them', () => {
    const [access, refresh] = stolenTokenWorth(oneLifetimeProfile());
    expect(access?.whileVictimActiveSeconds).toBe(REFRESH_TOKEN_IDLE_SECONDS);
    expect(refresh?.whileVictimActiveSeconds).toBe(2 * REFRESH_TOKEN_IDLE_SECONDS);
  });

  it('under the app’s profile: minutes while the victim is active, from the live access-token lifetime', () => {
    const ttl = ACCESS_TOKEN_TTL_SECONDS.defaultValue;
    const [access, refresh] = stolenTokenWorth(realProfile(ttl));
    expect(access?.whileVictimActiveSeconds).toBe(ttl);
    expect(refresh?.whileVictimActiveSeconds).toBe(2 * ttl);
    expect(refresh?.atMostSeconds).toBe(REFRESH_TOKEN_IDLE_SECONDS + ttl);
    expect(stolenTokenWorth(realProfile(5))[0]?.whileVictimActiveSeconds).toBe(5);
  });

  it('is always far less under the app’s profile than under one lifetime', () => {
    const weak = stolenTokenWorth(oneLifetimeProfile());
    const real = stolenTokenWorth(realProfile(ACCESS_TOKEN_TTL_SECONDS.max));
    for (const [index, worth] of real.entries())
      expect(worth.whileVictimActiveSeconds * 50).toBeLessThan(weak[index]!.whileVictimActiveSeconds);
  });

  it('formats durations the way people say them', () => {
    expect(formatDuration(5)).toBe('5 s');
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(7 * 86_400)).toBe('7 d');
  });
});

describe('the one-lifetime lab tokens (weak on purpose)', () => {
  it('accept a token only for its own use', async () => {
    const { acceptsAs, oneLifetimeClaims } = await import('./one-lifetime-tokens');
    expect(acceptsAs(oneLifetimeClaims('refresh'), 'refresh')).toBe(true);
    expect(acceptsAs(oneLifetimeClaims('access'), 'refresh')).toBe(false);
  });
});
