import { expect, test } from '@playwright/test';
import { sealData } from 'iron-session';
import {
  adminCookie,
  cookieHeader,
  expectRefusal,
  expectStoreUnchanged,
  issuedCookie,
  logIn,
  send,
  startAttackTarget,
  tokenLogin,
  type AttackTarget,
} from './attack-target';

/**
 * Attacks on credential lifecycles: refresh-token reuse and races, session fixation, replay after
 * logout. Each asserts the exact answer and that no second live credential came out of it.
 */
let target: AttackTarget;

test.beforeAll(async () => {
  target = await startAttackTarget('e2e-attacks-flows');
});

test.afterAll(async () => {
  await target?.stop();
});

const refresh = (token: string) => send(target, 'POST', '/api/jwt/refresh', { data: { refresh_token: token } });

async function setGrace(seconds: number): Promise<void> {
  const response = await send(target, 'PUT', '/api/admin/settings', {
    headers: await adminCookie(target),
    data: { refreshGraceSeconds: seconds },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test('refresh reuse after the grace window: 401 refresh_reused, the family is revoked and the successor dies', async () => {
  await setGrace(0);
  try {
    const first = await tokenLogin(target, target.user(0));
    const rotated = await refresh(first.refresh_token);
    expect(rotated.status()).toBe(200);
    const successor = ((await rotated.json()) as { refresh_token: string }).refresh_token;

    // The thief replays the rotated-out token: refused, and treated as theft.
    await expectRefusal(await refresh(first.refresh_token), 401, 'refresh_reused');
    // The legitimate holder's successor is dead too (the whole family went), and stays dead.
    await expectStoreUnchanged(target, async () => {
      await expectRefusal(await refresh(successor), 401, 'refresh_revoked');
    });
    // A second replay finds the family gone: refused, and it writes nothing at all (replaying a
    // stale token again and again cannot grow the store).
    await expectStoreUnchanged(target, async () => {
      await expectRefusal(await refresh(first.refresh_token), 401, 'refresh_revoked');
    });
  } finally {
    await setGrace(10);
  }
});

test('N concurrent refreshes of one token: exactly one 200, the rest 409 refresh_in_progress with no token, one live chain', async () => {
  const { refresh_token: token } = await tokenLogin(target, target.user(1));
  const answers = await Promise.all(Array.from({ length: 8 }, () => refresh(token)));
  const statuses = answers.map((answer) => answer.status());
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  for (const answer of answers.filter((a) => a.status() !== 200)) {
    expect([409, 401]).toContain(answer.status());
    await expectRefusal(answer, answer.status(), answer.status() === 409 ? 'refresh_in_progress' : 'refresh_reused');
  }
  const winner = answers.find((answer) => answer.status() === 200);
  const next = ((await winner?.json()) as { refresh_token: string }).refresh_token;
  // The one chain lives on: the winner's successor rotates.
  expect((await refresh(next)).status()).toBe(200);
});

test('session fixation: a planted forged cookie is replaced at login and never becomes valid', async () => {
  const planted = await sealData({ id: 'attacker-chosen-id' }, { password: 'attacker-password-attacker-password-1' });
  const login = await logIn(target, '/api/session/login', target.user(2), cookieHeader('session', planted));
  const issued = issuedCookie(login, 'session');
  expect(issued).not.toBeNull();
  expect(issued).not.toBe(planted);
  await expectStoreUnchanged(target, async () => {
    await expectRefusal(
      await send(target, 'GET', '/api/session/me', { headers: cookieHeader('session', planted) }),
      401,
      'session_invalid',
    );
  });
  const me = await send(target, 'GET', '/api/session/me', { headers: cookieHeader('session', issued ?? '') });
  expect(((await me.json()) as { user: { username: string } }).user.username).toBe(target.user(2).username);
});

test("session fixation: an attacker's own live session planted in the victim's browser is ended at login, never the victim's", async () => {
  const attackerSession = issuedCookie(await logIn(target, '/api/session/login', target.user(0)), 'session') ?? '';
  const login = await logIn(target, '/api/session/login', target.user(3), cookieHeader('session', attackerSession));
  expect(issuedCookie(login, 'session')).not.toBe(attackerSession);
  await expectStoreUnchanged(target, async () => {
    await expectRefusal(
      await send(target, 'GET', '/api/session/me', { headers: cookieHeader('session', attackerSession) }),
      401,
      'session_invalid',
    );
  });
});

test('session replay after logout: 401 session_invalid, nothing changed', async () => {
  const cookie = issuedCookie(await logIn(target, '/api/session/login', target.user(1)), 'session') ?? '';
  expect((await send(target, 'POST', '/api/session/logout', { headers: cookieHeader('session', cookie) })).status()).toBe(204);
  await expectStoreUnchanged(target, async () => {
    await expectRefusal(await send(target, 'GET', '/api/session/me', { headers: cookieHeader('session', cookie) }), 401, 'session_invalid');
  });
});

test('admin session replay after admin logout: 401 unauthenticated, nothing changed', async () => {
  const admin = await adminCookie(target);
  expect((await send(target, 'POST', '/api/admin/logout', { headers: admin })).status()).toBe(204);
  await expectStoreUnchanged(target, async () => {
    await expectRefusal(
      await send(target, 'PUT', '/api/admin/settings', { headers: admin, data: { denylist: true } }),
      401,
      'unauthenticated',
    );
  });
});

test('refresh replay after logout: 401 refresh_revoked, nothing changed', async () => {
  const { refresh_token: token } = await tokenLogin(target, target.user(2));
  expect((await send(target, 'DELETE', '/api/jwt/refresh', { data: { refresh_token: token } })).status()).toBe(200);
  await expectStoreUnchanged(target, async () => {
    await expectRefusal(await refresh(token), 401, 'refresh_revoked');
  });
});

async function setDenylist(on: boolean): Promise<void> {
  const response = await send(target, 'PUT', '/api/admin/settings', { headers: await adminCookie(target), data: { denylist: on } });
  expect(response.status(), await response.text()).toBe(200);
}

test('a refresh token presented again inside the grace window: 409 refresh_in_progress, nothing minted, nothing changed', async () => {
  const jwt = await logIn(target, '/api/jwt/login', target.user(3));
  const token = issuedCookie(jwt, 'refreshToken') ?? '';
  const first = await send(target, 'POST', '/api/jwt/refresh', { headers: cookieHeader('refreshToken', token) });
  expect(first.status()).toBe(200);
  await expectStoreUnchanged(target, async () => {
    const again = await send(target, 'POST', '/api/jwt/refresh', { headers: cookieHeader('refreshToken', token) });
    await expectRefusal(again, 409, 'refresh_in_progress');
    // The winner's response has just replaced the cookies: this one leaves them alone.
    expect(again.headersArray().filter((header) => header.name.toLowerCase() === 'set-cookie')).toEqual([]);
  });
});

test('a refresh token naming a live family with a secret it never had: 401 refresh_reused and the family ends (its id is part of the secret)', async () => {
  const { refresh_token: genuine } = await tokenLogin(target, target.user(3));
  const familyPart = genuine.slice(0, genuine.indexOf('.'));
  // Only someone who has seen a token of this family knows its id: that login is compromised.
  await expectRefusal(await refresh(`${familyPart}.${'A'.repeat(43)}`), 401, 'refresh_reused');
  await expectRefusal(await refresh(genuine), 401, 'refresh_revoked');
});

test('access token replayed after logout: 401 token_revoked once the denylist is on, nothing changed', async () => {
  const jwt = await logIn(target, '/api/jwt/login', target.user(3));
  const access = issuedCookie(jwt, 'accessToken') ?? '';
  const refreshToken = issuedCookie(jwt, 'refreshToken') ?? '';
  const cookie = { cookie: `${cookieHeader('accessToken', access).cookie}; ${cookieHeader('refreshToken', refreshToken).cookie}` };
  expect((await send(target, 'DELETE', '/api/jwt/refresh', { headers: cookie })).status()).toBe(200);
  await setDenylist(true);
  try {
    await expectStoreUnchanged(target, async () => {
      await expectRefusal(
        await send(target, 'GET', '/api/jwt/me', { headers: { authorization: `Bearer ${access}` } }),
        401,
        'token_revoked',
      );
    });
  } finally {
    await setDenylist(false);
  }
});

test("another device's session replayed after log-out-everywhere: 401 session_invalid, nothing changed", async () => {
  const phone = issuedCookie(await logIn(target, '/api/session/login', target.user(2)), 'session') ?? '';
  const laptop = issuedCookie(await logIn(target, '/api/session/login', target.user(2)), 'session') ?? '';
  expect((await send(target, 'POST', '/api/session/logout-all', { headers: cookieHeader('session', laptop) })).status()).toBe(200);
  await expectStoreUnchanged(target, async () => {
    await expectRefusal(await send(target, 'GET', '/api/session/me', { headers: cookieHeader('session', phone) }), 401, 'session_invalid');
  });
});

test('admin session fixation: a planted admin cookie is replaced at admin login and never opens', async () => {
  const planted = await sealData({ sid: 'attacker-chosen-id' }, { password: 'attacker-password-attacker-password-1' });
  const login = await logIn(target, '/api/admin/login', target.admin, cookieHeader('adminSession', planted));
  expect(issuedCookie(login, 'adminSession')).not.toBe(planted);
  await expectStoreUnchanged(target, async () => {
    await expectRefusal(
      await send(target, 'GET', '/api/admin/me', { headers: cookieHeader('adminSession', planted) }),
      401,
      'unauthenticated',
    );
  });
});

test("JWT fixation: login issues its own pair over planted cookies, and the attacker's planted refresh token stays the attacker's", async () => {
  const attacker = await logIn(target, '/api/jwt/login', target.user(0));
  const planted = { access: issuedCookie(attacker, 'accessToken') ?? '', refresh: issuedCookie(attacker, 'refreshToken') ?? '' };
  const victimLogin = await logIn(target, '/api/jwt/login', target.user(1), {
    cookie: `${cookieHeader('accessToken', planted.access).cookie}; ${cookieHeader('refreshToken', planted.refresh).cookie}`,
  });
  expect(issuedCookie(victimLogin, 'accessToken')).not.toBe(planted.access);
  expect(issuedCookie(victimLogin, 'refreshToken')).not.toBe(planted.refresh);
  // Rotating the planted token yields the attacker's identity, never the victim's.
  const rotated = await send(target, 'POST', '/api/jwt/refresh', { headers: cookieHeader('refreshToken', planted.refresh) });
  expect(rotated.status()).toBe(200);
  expect(((await rotated.json()) as { user: { username: string } }).user.username).toBe(target.user(0).username);
});
