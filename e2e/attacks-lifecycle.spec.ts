import { expect, test } from '@playwright/test';
import { decodeProtectedHeader } from 'jose';
import { hashOpaqueToken } from '@/lib/crypto/opaque-token';
import {
  cookieHeader,
  credentialSetCookies,
  expectRefusal,
  expectStoreUnchanged,
  logInAdmin,
  logInJwt,
  logInSession,
  putSettings,
  send,
  setCookieValue,
  startAttackTarget,
  storeChangesDuring,
  type AttackTarget,
  type HttpAnswer,
} from './attack-helpers';

// Credentials used the wrong way round: replayed, raced, planted, or outliving what signed them.
// The app keeps its signing key in the store here (the default), so the admin can rotate and retire.
let target: AttackTarget;
let adminCookie: string;

test.beforeAll(async () => {
  target = await startAttackTarget();
  adminCookie = await logInAdmin(target);
});

test.afterAll(async () => {
  await target?.stop();
});

const refreshWith = (refresh: string) =>
  send(target, { method: 'POST', path: '/api/jwt/refresh', headers: { cookie: cookieHeader({ refreshToken: refresh }) } });

const expectClearsJwtCookies = (answer: HttpAnswer) =>
  expect(answer.setCookies.map((line) => line.split('=')[0]).sort()).toEqual(['__Host-access-token', '__Secure-refresh-token']);

test.describe('refresh tokens', () => {
  test.afterEach(async () => {
    await putSettings(target, adminCookie, { refreshGraceSeconds: 10, denylist: false });
  });

  test('presented again inside the grace window: 409 refresh_in_progress, nothing minted, nothing revoked', async () => {
    const { refresh } = await logInJwt(target, target.bob);
    const first = await refreshWith(refresh);
    expect(first.status).toBe(200);
    await expectStoreUnchanged(target, async () => {
      const again = await refreshWith(refresh);
      expectRefusal(again, 409, 'refresh_in_progress');
      // The winner's response already replaced the cookies; this one leaves them alone.
      expect(again.setCookies).toEqual([]);
    });
    expect((await refreshWith(setCookieValue(first, 'refreshToken')!)).status).toBe(200);
  });

  test('reused after the grace window: 401 refresh_reused, the family is revoked and the successor dies with it', async () => {
    await putSettings(target, adminCookie, { refreshGraceSeconds: 1 });
    const { refresh: stolen } = await logInJwt(target, target.bob);
    const legitimate = await refreshWith(stolen);
    expect(legitimate.status).toBe(200);
    const successor = setCookieValue(legitimate, 'refreshToken')!;
    const successorAccess = setCookieValue(legitimate, 'accessToken')!;
    await new Promise((resolve) => setTimeout(resolve, 1500));

    let reuse: HttpAnswer | undefined;
    const changes = await storeChangesDuring(target, async () => {
      reuse = await refreshWith(stolen);
    });
    expectRefusal(reuse!, 401, 'refresh_reused');
    expectClearsJwtCookies(reuse!);
    // Exactly this: the family is gone (and out of bob's index), and bob's "revoked before" mark is
    // set for the denylist. Nothing minted.
    const expected =
      /^removed refresh_family:|^(rewrote|removed) user_refresh_families:usr_bob$|^(added|rewrote|extended the lifetime of) jwt_revoked_before:usr_bob$/;
    expect(changes.filter((line) => !expected.test(line))).toEqual([]);
    expect(changes.filter((line) => line.startsWith('removed refresh_family:'))).toHaveLength(1);

    // The thief and the legitimate holder are indistinguishable now: the successor is refused too
    // (and its dead record swept; nothing minted).
    const sweep = await storeChangesDuring(target, async () => {
      expectRefusal(await refreshWith(successor), 401, 'refresh_revoked');
    });
    expect(sweep.filter((line) => line !== `removed refresh:${hashOpaqueToken(successor)}`)).toEqual([]);
    // ...and, with the denylist on, so is the access token that came with the successor.
    await putSettings(target, adminCookie, { denylist: true });
    expectRefusal(
      await send(target, { path: '/api/jwt/me', headers: { authorization: `Bearer ${successorAccess}` } }),
      401,
      'token_revoked',
    );
  });

  test('a race of 20 concurrent refreshes of one token: exactly one 200, every other one 409, one successor in the store', async () => {
    const { refresh } = await logInJwt(target, target.bob);
    let answers: HttpAnswer[] = [];
    const changes = await storeChangesDuring(target, async () => {
      answers = await Promise.all(Array.from({ length: 20 }, () => refreshWith(refresh)));
    });
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((answer) => answer.status !== 200)) {
      expectRefusal(loser, 409, 'refresh_in_progress');
      expect(loser.setCookies).toEqual([]);
    }
    // One rotation: the old record replaced by one successor, one rotation marker; nothing else.
    const oldHash = hashOpaqueToken(refresh);
    const newHash = hashOpaqueToken(setCookieValue(winners[0]!, 'refreshToken')!);
    expect(changes).toEqual([`added refresh:${newHash}`, `added refresh_rotated:${oldHash}`, `removed refresh:${oldHash}`].sort());
    expect((await refreshWith(setCookieValue(winners[0]!, 'refreshToken')!)).status).toBe(200);
  });

  test('the same race through the token endpoint (refresh token in the JSON body)', async () => {
    const tokens = await send(target, {
      method: 'POST',
      path: '/api/jwt/token',
      body: { username: target.bob.username, password: target.bob.password },
    });
    const refresh = (tokens.json as { refresh_token: string }).refresh_token;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send(target, { method: 'POST', path: '/api/jwt/refresh', body: { refresh_token: refresh } })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const loser of answers.filter((answer) => answer.status !== 200)) expectRefusal(loser, 409, 'refresh_in_progress');
  });

  test('replayed after logout: 401 refresh_revoked, and the access token is refused once the denylist is on', async () => {
    const { access, refresh } = await logInJwt(target);
    const cookie = cookieHeader({ accessToken: access, refreshToken: refresh });
    const logout = await send(target, { method: 'DELETE', path: '/api/jwt/refresh', headers: { cookie } });
    expect(logout.status).toBe(200);
    expect(logout.json).toEqual({ loggedOut: true, familyRevoked: true });

    let replay: HttpAnswer | undefined;
    const changes = await storeChangesDuring(target, async () => {
      replay = await refreshWith(refresh);
    });
    expectRefusal(replay!, 401, 'refresh_revoked');
    // At most the dead record is swept; nothing is minted.
    expect(changes.filter((line) => line !== `removed refresh:${hashOpaqueToken(refresh)}`)).toEqual([]);

    await putSettings(target, adminCookie, { denylist: true });
    await expectStoreUnchanged(target, async () => {
      expectRefusal(await send(target, { path: '/api/jwt/me', headers: { authorization: `Bearer ${access}` } }), 401, 'token_revoked');
    });
  });
});

test.describe('sessions', () => {
  test('replayed after logout: 401 session_invalid, nothing changes', async () => {
    const cookie = cookieHeader({ session: await logInSession(target) });
    const logout = await send(target, { method: 'POST', path: '/api/session/logout', headers: { cookie } });
    expect(logout.status).toBe(204);
    await expectStoreUnchanged(target, async () => {
      expectRefusal(await send(target, { path: '/api/session/me', headers: { cookie } }), 401, 'session_invalid');
      expectRefusal(await send(target, { method: 'POST', path: '/api/session/logout-all', headers: { cookie } }), 401, 'session_invalid');
    });
  });

  test("another device's cookie replayed after log-out-everywhere: 401 session_invalid", async () => {
    const phone = cookieHeader({ session: await logInSession(target) });
    const laptop = cookieHeader({ session: await logInSession(target) });
    const everywhere = await send(target, { method: 'POST', path: '/api/session/logout-all', headers: { cookie: laptop } });
    expect(everywhere.status).toBe(200);
    await expectStoreUnchanged(target, async () => {
      expectRefusal(await send(target, { path: '/api/session/me', headers: { cookie: phone } }), 401, 'session_invalid');
    });
  });

  test('the admin session replayed after admin logout: 401 unauthenticated, nobody revoked', async () => {
    const cookie = cookieHeader({ adminSession: await logInAdmin(target) });
    expect((await send(target, { method: 'POST', path: '/api/admin/logout', headers: { cookie } })).status).toBe(204);
    await expectStoreUnchanged(target, async () => {
      expectRefusal(await send(target, { path: '/api/admin/me', headers: { cookie } }), 401, 'unauthenticated');
      expectRefusal(
        await send(target, { method: 'POST', path: '/api/admin/revoke', headers: { cookie }, body: { username: 'alice' } }),
        401,
        'unauthenticated',
      );
    });
  });

  test('fixation with a planted garbage cookie: login replaces it, the planted value never opens', async () => {
    const planted = 'Fe26.2*1*planted-by-the-attacker';
    const login = await send(target, {
      method: 'POST',
      path: '/api/session/login',
      headers: { cookie: cookieHeader({ session: planted }) },
      body: { username: target.alice.username, password: target.alice.password },
    });
    expect(login.status).toBe(200);
    const issued = setCookieValue(login, 'session');
    expect(issued).not.toBeNull();
    expect(issued).not.toBe(planted);
    await expectStoreUnchanged(target, async () => {
      expectRefusal(
        await send(target, { path: '/api/session/me', headers: { cookie: cookieHeader({ session: planted }) } }),
        401,
        'session_invalid',
      );
    });
  });

  test("fixation with the attacker's own valid session: the victim's login issues a new one and the planted cookie dies", async () => {
    const planted = await logInSession(target, target.bob);
    const login = await send(target, {
      method: 'POST',
      path: '/api/session/login',
      headers: { cookie: cookieHeader({ session: planted }) },
      body: { username: target.alice.username, password: target.alice.password },
    });
    expect(login.status).toBe(200);
    const issued = setCookieValue(login, 'session')!;
    expect(issued).not.toBe(planted);
    const victim = await send(target, { path: '/api/session/me', headers: { cookie: cookieHeader({ session: issued }) } });
    expect(victim.json).toMatchObject({ user: { username: 'alice' } });
    // The login ended the browser's previous session: the attacker's copy opens nothing, least of all alice.
    await expectStoreUnchanged(target, async () => {
      expectRefusal(
        await send(target, { path: '/api/session/me', headers: { cookie: cookieHeader({ session: planted }) } }),
        401,
        'session_invalid',
      );
    });
  });

  test('fixation of the admin cookie: admin login replaces a planted one, which never opens', async () => {
    const planted = 'Fe26.2*1*planted-admin-cookie';
    const login = await send(target, {
      method: 'POST',
      path: '/api/admin/login',
      headers: { cookie: cookieHeader({ adminSession: planted }) },
      body: { username: target.admin.username, password: target.admin.password },
    });
    expect(login.status).toBe(200);
    expect(setCookieValue(login, 'adminSession')).not.toBe(planted);
    await expectStoreUnchanged(target, async () => {
      expectRefusal(
        await send(target, { path: '/api/admin/me', headers: { cookie: cookieHeader({ adminSession: planted }) } }),
        401,
        'unauthenticated',
      );
    });
  });

  test('fixation of the JWT cookies: login issues its own pair; a planted refresh token stays what it was', async () => {
    const planted = await logInJwt(target, target.bob);
    const login = await send(target, {
      method: 'POST',
      path: '/api/jwt/login',
      headers: { cookie: cookieHeader({ accessToken: planted.access, refreshToken: planted.refresh }) },
      body: { username: target.alice.username, password: target.alice.password },
    });
    expect(login.status).toBe(200);
    expect(setCookieValue(login, 'accessToken')).not.toBe(planted.access);
    expect(setCookieValue(login, 'refreshToken')).not.toBe(planted.refresh);
    // The planted refresh token never turns into alice's: rotating it still yields bob.
    const rotated = await refreshWith(planted.refresh);
    expect(rotated.status).toBe(200);
    expect(rotated.json).toMatchObject({ user: { username: 'bob' } });
  });
});

test('a token signed by a key the admin rotated out and retired: 401 invalid_token, and the key leaves the JWKS', async () => {
  const { access } = await logInJwt(target);
  const { kid } = decodeProtectedHeader(access);
  const headers = { cookie: cookieHeader({ adminSession: adminCookie }) };
  expect((await send(target, { method: 'POST', path: '/api/admin/keys/rotate', headers })).status).toBe(200);
  // Rotated out, it still verifies (previous keys do, until retired)...
  expect((await send(target, { path: '/api/jwt/me', headers: { authorization: `Bearer ${access}` } })).status).toBe(200);
  const retire = await send(target, { method: 'POST', path: '/api/admin/keys/retire', headers, body: { kid } });
  expect(retire.status, retire.text).toBe(200);
  expect(credentialSetCookies(retire.setCookies)).toEqual([]);
  // ...retired, it does not, whichever way it is presented, and nothing is written.
  await expectStoreUnchanged(target, async () => {
    const code = 'invalid_token';
    expectRefusal(await send(target, { path: '/api/jwt/me', headers: { authorization: `Bearer ${access}` } }), 401, code);
    expectRefusal(await send(target, { path: '/api/jwt/me', headers: { cookie: cookieHeader({ accessToken: access }) } }), 401, code);
    expectRefusal(await send(target, { path: '/api/events', headers: { authorization: `Bearer ${access}` } }), 401, 'unauthenticated');
  });
  const jwks = (await send(target, { path: '/.well-known/jwks.json' })).json as { keys: { kid: string }[] };
  expect(jwks.keys.map((key) => key.kid)).not.toContain(kid);
});
