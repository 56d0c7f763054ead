import { describe, expect, it } from 'vitest';
import { issueRefreshToken, rotateRefreshToken } from '@/lib/jwt/refresh-token';
import { createMemoryStore } from '@/lib/store/memory-store';

const bob = { id: 'usr_bob', username: 'bob', role: 'user' as const };
const now = 1_800_000_000_000;
const policy = (graceSeconds: number) => ({ idleSeconds: 900, absoluteSeconds: 3600, graceSeconds });

/** Two tabs of one user present the same refresh token 200 ms apart: what the no-grace variant changes. */
async function twoTabs(graceSeconds: number) {
  const store = createMemoryStore({ now: () => now });
  const { token } = await issueRefreshToken(store, { user: bob, now, policy: policy(graceSeconds) });
  const tabA = await rotateRefreshToken(store, token, { now, policy: policy(graceSeconds) });
  const tabB = await rotateRefreshToken(store, token, { now: now + 200, policy: policy(graceSeconds) });
  const tabAAgain = tabA.ok ? await rotateRefreshToken(store, tabA.token, { now: now + 5_000, policy: policy(graceSeconds) }) : null;
  return { tabA, tabB, tabAAgain };
}

describe('two tabs refreshing at once', () => {
  it('with the grace window, the second tab is told to retry and the login survives', async () => {
    const { tabA, tabB, tabAAgain } = await twoTabs(10);
    expect(tabA.ok).toBe(true);
    expect(tabB).toMatchObject({ ok: false, code: 'refresh_in_progress' });
    expect(tabAAgain?.ok).toBe(true);
  });

  it('with the grace at 0 (the lab variant), the second tab looks like theft and the login dies', async () => {
    const { tabA, tabB, tabAAgain } = await twoTabs(0);
    expect(tabA.ok).toBe(true);
    expect(tabB).toMatchObject({ ok: false, code: 'refresh_reused', familyRevoked: true });
    expect(tabAAgain).toMatchObject({ ok: false, code: 'refresh_revoked' });
  });
});
