import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_USERS, DUMMY_PASSWORD_HASH } from './demo-users';
import { hashPassword, parsePasswordHash, verifyPassword, type ScryptParameters } from './password';
import { authenticateUser, parseDemoUsers, type StoredUser } from './users';

// Unit tests use a cheap cost; the committed demo hashes below are checked at the real OWASP cost.
const FAST: ScryptParameters = { logN: 10, blockSize: 8, parallelization: 1 };

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse', FAST);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  it('records its parameters in the hash', async () => {
    expect(await hashPassword('x', FAST)).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
  });

  it('rejects malformed hashes and hostile cost parameters instead of throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', '$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43))).toBe(false);
    expect(parsePasswordHash('$scrypt$ln=17,r=8,p=1$short$short')).toBeNull();
  });

  it('stores the default demo users with OWASP-cost scrypt hashes of the documented passwords', async () => {
    const documented: Record<string, string> = { alice: 'wonderland', bob: 'the-builder', admin: 'control-room' };
    for (const user of DEFAULT_DEMO_USERS) {
      expect(user.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
      expect(await verifyPassword(documented[user.username]!, user.passwordHash!)).toBe(true);
    }
    expect(DEFAULT_DEMO_USERS.map((u) => [u.username, u.role])).toEqual([
      ['alice', 'user'],
      ['bob', 'user'],
      ['admin', 'admin'],
    ]);
  });
});

describe('authenticateUser', () => {
  const users: StoredUser[] = [];
  const ready = (async () => {
    users.push({ id: 'usr_alice', username: 'alice', role: 'user', passwordHash: await hashPassword('wonderland', FAST) });
  })();
  const dummy = hashPassword('unguessable', FAST);

  it('returns the user without the hash for the right password', async () => {
    await ready;
    expect(await authenticateUser(users, 'alice', 'wonderland', await dummy)).toEqual({
      ok: true,
      user: { id: 'usr_alice', username: 'alice', role: 'user' },
    });
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    await ready;
    expect((await authenticateUser(users, '  Alice ', 'wonderland', await dummy)).ok).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    await ready;
    const wrongPassword = await authenticateUser(users, 'alice', 'nope', await dummy);
    const unknownUser = await authenticateUser(users, 'mallory', 'wonderland', await dummy);
    expect(wrongPassword).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(unknownUser).toEqual(wrongPassword);
  });

  it('spends a full scrypt verification on an unknown user (no fast path that leaks existence)', async () => {
    // At OWASP cost a verification takes hundreds of milliseconds; an early return would take ~0.
    const started = performance.now();
    await authenticateUser([], 'nobody', 'whatever', DUMMY_PASSWORD_HASH);
    expect(performance.now() - started).toBeGreaterThan(50);
  });

  it('refuses an oversized password without hashing it', async () => {
    await ready;
    expect((await authenticateUser(users, 'alice', 'w'.repeat(10_000), await dummy)).ok).toBe(false);
  });
});

describe('parseDemoUsers', () => {
  it('accepts plain passwords and hashes, and derives ids', () => {
    const result = parseDemoUsers(
      '[{"username":"Ada","role":"admin","password":"analytical"},{"username":"bo","role":"user","passwordHash":"' +
        DUMMY_PASSWORD_HASH +
        '"}]',
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.users.map((u) => [u.id, u.username, u.role])).toEqual([
        ['usr_ada', 'ada', 'admin'],
        ['usr_bo', 'bo', 'user'],
      ]);
    }
  });

  it.each([
    ['not json', 'must be JSON'],
    ['[]', 'non-empty'],
    ['[{"username":"a","role":"root","password":"longenough"}]', 'role'],
    ['[{"username":"a","role":"user"}]', 'password'],
    ['[{"username":"a","role":"user","password":"short"}]', '8-'],
    ['[{"username":"a","role":"user","passwordHash":"md5:abc"}]', 'passwordHash'],
    ['[{"username":"a","role":"user","password":"longenough"},{"username":"A","role":"user","password":"longenough"}]', 'twice'],
  ])('rejects %s with a message naming the problem', (raw, fragment) => {
    const result = parseDemoUsers(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });
});
