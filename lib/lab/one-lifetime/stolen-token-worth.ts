/**
 * Case 13: what a stolen token is worth to a thief, in seconds, under two token profiles. Pure: the
 * real profile is built from the app's own policy numbers (lib/policy.ts) and the live access-token
 * lifetime, so the page shows this server's numbers, not a slide's.
 */
import { REFRESH_TOKEN_ABSOLUTE_SECONDS, REFRESH_TOKEN_IDLE_SECONDS } from '@/lib/policy';

export interface TokenProfile {
  name: string;
  accessTokenSeconds: number;
  /** How long a refresh token stays usable without being used. */
  refreshTokenSeconds: number;
  /** Hard cap on a chain of refreshes from one login, if any. */
  refreshFamilySeconds: number | null;
  /** Each use replaces the refresh token, and a replaced one presented again ends the family. */
  rotatedWithReuseDetection: boolean;
  /** The server keeps refresh tokens and can revoke them. */
  revocable: boolean;
}

/** WRONG ON PURPOSE: access and refresh tokens with one and the same lifetime, and a refresh token that is never rotated. */
export function oneLifetimeProfile(): TokenProfile {
  return {
    name: 'One lifetime for both',
    accessTokenSeconds: REFRESH_TOKEN_IDLE_SECONDS,
    refreshTokenSeconds: REFRESH_TOKEN_IDLE_SECONDS,
    refreshFamilySeconds: null,
    rotatedWithReuseDetection: false,
    revocable: false,
  };
}

/** The app's profile, with this server's live access-token lifetime. */
export function realProfile(accessTokenSeconds: number): TokenProfile {
  return {
    name: 'The app: short access, rotated refresh',
    accessTokenSeconds,
    refreshTokenSeconds: REFRESH_TOKEN_IDLE_SECONDS,
    refreshFamilySeconds: REFRESH_TOKEN_ABSOLUTE_SECONDS,
    rotatedWithReuseDetection: true,
    revocable: true,
  };
}

export interface StolenTokenWorth {
  credential: 'access token' | 'refresh token';
  /** How long the thief keeps access while the victim goes on using the app as usual. */
  whileVictimActiveSeconds: number;
  /** The most it can be worth: the victim never comes back and nobody revokes anything. */
  atMostSeconds: number;
  /** Whether anything the server does can end it sooner. */
  endsEarlyOn: string;
}

/**
 * The worth of each stolen credential, counted from the moment of theft (the worst case: right after
 * it was issued). An active victim refreshes about once per access-token lifetime.
 */
export function stolenTokenWorth(profile: TokenProfile): StolenTokenWorth[] {
  const access: StolenTokenWorth = {
    credential: 'access token',
    whileVictimActiveSeconds: profile.accessTokenSeconds,
    atMostSeconds: profile.accessTokenSeconds,
    endsEarlyOn: 'nothing: it is checked locally until its exp (unless a denylist is consulted)',
  };
  // A refresh token used at the last moment of its life mints one more access token, which lives on.
  const refreshReach = profile.refreshTokenSeconds + profile.accessTokenSeconds;
  const refresh: StolenTokenWorth = profile.rotatedWithReuseDetection
    ? {
        credential: 'refresh token',
        // The victim's next refresh presents a token the thief has already rotated (or the thief then
        // presents the rotated-out one): the family ends, and the thief keeps at most the access token last minted.
        whileVictimActiveSeconds: 2 * profile.accessTokenSeconds,
        atMostSeconds: Math.min(refreshReach, (profile.refreshFamilySeconds ?? refreshReach) + profile.accessTokenSeconds),
        endsEarlyOn: 'the victim’s next refresh (reuse detection ends the family), a logout or an admin revoke',
      }
    : {
        credential: 'refresh token',
        // Never rotated: the victim using it changes nothing, so it is good for its whole life.
        whileVictimActiveSeconds: refreshReach,
        atMostSeconds: refreshReach,
        endsEarlyOn: profile.revocable ? 'an admin revoke' : 'nothing the server keeps',
      };
  return [access, refresh];
}

/** A duration as people say it: 5 s, 15 min, 7 d. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86_400) * 10) / 10} d`;
}
