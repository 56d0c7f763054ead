import { randomBytes } from 'node:crypto';
import { formatGuessableId } from '../session-fixation/guessable-ids';
import { sealStatelessSession } from '../logout-stateless-cookie/stateless-session';
import { signLabJwt } from '../lifecycle/lab-jwt';
import { labSigningKey, LAB_KEY_ID } from '../lab-keys';
import { FlaglessAccounts } from '../cookie-flags/flagless-accounts';
import { makeForeverKey } from '../key-rotation/forever-key';
import { LONG_LIVED_TOKEN_LIFETIME_SECONDS } from '../long-lived-jwt/long-lived-token';
import { oneLifetimeClaims } from '../one-lifetime/one-lifetime-tokens';
import { oneLifetimeProfile } from '../one-lifetime/stolen-token-worth';
import { bloatedClaims } from '../token-bloat/bloated-claims';
import type { LabCredentialSample } from '../lab-credential-sample';

/**
 * One of each credential the lifecycle cases (1, 2, 10 to 15) issue, made in process the way their
 * endpoints make them, for the test that presents every lab credential to every real endpoint.
 */
export async function lifecycleCredentialSamples(): Promise<LabCredentialSample[]> {
  const now = Date.now();
  const labKey = await labSigningKey();
  const keyed = { ...labKey, kid: LAB_KEY_ID };
  const alice = { sub: 'alice', username: 'alice', role: 'user' };
  const oneLifetime = oneLifetimeProfile().accessTokenSeconds;
  return [
    {
      labCase: 'long-lived-jwt',
      description: 'the week-long lab JWT',
      value: await signLabJwt(alice, keyed, LONG_LIVED_TOKEN_LIFETIME_SECONDS, now),
      labCookie: 'longLivedJwt',
    },
    {
      labCase: 'cookie-flags',
      description: 'a flagless lab session id (lab_flagless and lab_flagless_none carry the same value)',
      value: new FlaglessAccounts().open('alice', now),
      labCookie: 'flaglessSession',
    },
    {
      labCase: 'token-bloat',
      description: 'a lab JWT with 20 extra permission claims',
      value: await signLabJwt({ ...alice, ...bloatedClaims(20) }, keyed, 3600, now),
      labCookie: 'bloatedJwt',
    },
    {
      labCase: 'key-rotation',
      description: 'a lab JWT from the kid-less forever key',
      value: await signLabJwt(alice, await makeForeverKey(), 24 * 60 * 60, now),
    },
    {
      labCase: 'one-lifetime',
      description: 'a one-lifetime lab access token',
      value: await signLabJwt(oneLifetimeClaims('access'), keyed, oneLifetime, now),
    },
    {
      labCase: 'one-lifetime',
      description: 'a one-lifetime lab refresh token (never rotated)',
      value: await signLabJwt(oneLifetimeClaims('refresh'), keyed, oneLifetime, now),
    },
    {
      labCase: 'local-storage',
      description: 'the lab JWT the page keeps in localStorage',
      value: await signLabJwt(alice, keyed, 24 * 60 * 60, now),
    },
    {
      labCase: 'logout-stateless-cookie',
      description: 'a stateless sealed session cookie holding alice herself',
      value: await sealStatelessSession({ username: 'alice', role: 'user', loggedInAt: now }, randomBytes(32).toString('base64url')),
      labCookie: 'statelessSession',
    },
    {
      labCase: 'session-fixation',
      description: 'a counter-and-clock lab session id',
      value: formatGuessableId(1001, now),
      labCookie: 'fixationSession',
    },
  ];
}
