import { issueRefreshToken } from '@/lib/jwt/refresh-token';
import { createMemoryStore } from '@/lib/store/memory-store';
import type { User } from '@/lib/users/users';
import type { LabCredentialSample } from '../lab-credential-sample';
import { LAB_KEY_ID, labSigningKey } from '../lab-keys';
import { signLabAccessToken } from '../theft/lab-access-token';
import { createNonRotatingRefreshStore } from '../theft/non-rotating-refresh';

const VICTIM: User = { id: 'usr_alice', username: 'alice', role: 'user' };

/** Every credential the theft demo's lab endpoints issue, made in-process as those endpoints make them. */
export async function theftCredentialSamples(): Promise<LabCredentialSample[]> {
  const now = Date.now();
  const { privateKey, publicKey } = await labSigningKey();
  const access = await signLabAccessToken({ user: VICTIM, key: { privateKey, publicKey, kid: LAB_KEY_ID }, now, ttlSeconds: 900 });
  const noRotation = createNonRotatingRefreshStore().issue(VICTIM, now);
  // The same shape as a real refresh token, but its family exists only in a lab store.
  const noGrace = await issueRefreshToken(createMemoryStore(), { user: VICTIM, now });
  return [
    { labCase: 'theft', description: 'lab access token (lab key, issuer, audience and typ)', value: access.token },
    { labCase: 'theft', description: 'non-rotating lab refresh token (no-rotation variant)', value: noRotation.token },
    { labCase: 'theft', description: 'lab refresh token of a family in the lab store (no-grace variant)', value: noGrace.token },
  ];
}
