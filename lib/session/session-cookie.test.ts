import { sealData } from 'iron-session';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SESSION_COOKIE_LENGTH, sealSessionId, unsealSessionId } from './session-cookie';
import { generateOpaqueToken as generateSessionId } from '@/lib/crypto/opaque-token';

const passwords = { '1': 'x7G2-kP9q_Lw4Zr8Tn3Vb6Yc1Hd5Jf0Ms' };
const rotated = { '2': 'Qe4-Wr7Ty1Ui3Op5As8Df0Gh2Jk6Lz9Xc', ...passwords };
const TTL = 3600;

describe('sealSessionId / unsealSessionId', () => {
  it('round-trips a session id, and the sealed value does not contain it', async () => {
    const id = generateSessionId();
    const sealed = await sealSessionId(id, passwords, TTL);
    expect(sealed.startsWith('Fe26.2*')).toBe(true);
    expect(sealed).not.toContain(id);
    expect(await unsealSessionId(sealed, passwords, TTL)).toEqual({ ok: true, sessionId: id });
  });

  it('still opens cookies sealed with an older numbered password after rotation', async () => {
    const id = generateSessionId();
    const old = await sealSessionId(id, passwords, TTL);
    expect(await unsealSessionId(old, rotated, TTL)).toEqual({ ok: true, sessionId: id });
    // New cookies are sealed with the highest id, which the old configuration cannot open.
    const fresh = await sealSessionId(id, rotated, TTL);
    expect(await unsealSessionId(fresh, passwords, TTL)).toMatchObject({ ok: false, code: 'session_invalid', reason: 'unknown-password' });
  });

  it('rejects a cookie sealed with a password that was removed', async () => {
    const retiredOnly = { '3': 'Rm8-Tn2Yb5Uv7Ic9Ox1Pz3Aq4Sw6Ed0Fr' };
    const sealed = await sealSessionId(generateSessionId(), passwords, TTL);
    expect(await unsealSessionId(sealed, retiredOnly, TTL)).toMatchObject({ ok: false, code: 'session_invalid' });
  });

  it.each([
    ['missing', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['garbage', 'hello', 'malformed'],
    ['a JSON session someone wrote by hand', '{"sid":"abc"}', 'malformed'],
    ['crafted iron fields', 'Fe26.2*1*a*b*c*x*g*h', 'invalid'],
    ['a seal with a bad MAC', 'Fe26.2*1*aaaa*bbbb*cccc*9999999999999*dddd*eeee', 'invalid'],
  ])('rejects %s as session_invalid', async (_, value, reason) => {
    expect(await unsealSessionId(value, passwords, TTL)).toEqual({ ok: false, code: 'session_invalid', reason });
  });

  it('rejects a truncated seal', async () => {
    const sealed = await sealSessionId(generateSessionId(), passwords, TTL);
    expect(await unsealSessionId(sealed.slice(0, -10), passwords, TTL)).toMatchObject({ ok: false, code: 'session_invalid' });
  });

  it('rejects a tampered seal (one character flipped in the ciphertext)', async () => {
    const sealed = await sealSessionId(generateSessionId(), passwords, TTL);
    const parts = sealed.split('*');
    const cipher = parts[4]!;
    parts[4] = (cipher[0] === 'A' ? 'B' : 'A') + cipher.slice(1);
    expect(await unsealSessionId(parts.join('*'), passwords, TTL)).toMatchObject({ ok: false, code: 'session_invalid', reason: 'invalid' });
  });

  it('rejects an oversized cookie before doing any crypto', async () => {
    const huge = 'Fe26.2*' + 'a'.repeat(MAX_SESSION_COOKIE_LENGTH);
    expect(await unsealSessionId(huge, passwords, TTL)).toEqual({ ok: false, code: 'session_invalid', reason: 'oversized' });
  });

  it('rejects a genuine seal whose content is not a session id', async () => {
    const sealed = await sealData({ sid: 'not-a-real-id', admin: true }, { password: passwords, ttl: TTL });
    expect(await unsealSessionId(sealed, passwords, TTL)).toEqual({ ok: false, code: 'session_invalid', reason: 'invalid' });
  });

  it('reports an expired seal as session_expired', async () => {
    // Seal it two hours ago with a one-minute lifetime: only the clock is faked, not iron-session.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * 3600_000);
    const sealed = await sealData({ sid: generateSessionId() }, { password: passwords, ttl: 60 });
    vi.useRealTimers();
    expect(await unsealSessionId(sealed, passwords, TTL)).toEqual({ ok: false, code: 'session_expired', reason: 'expired' });
  });
});
