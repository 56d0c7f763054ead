/**
 * Users of the demo. There is no sign-up: a fixed list (defaults in `demo-users.ts`, or
 * DEMO_USERS for a workshop), held in memory as salted scrypt hashes.
 */
import { parsePasswordHash, verifyPassword } from './password';

export type Role = 'user' | 'admin';

export interface User {
  id: string;
  username: string;
  role: Role;
}

export interface StoredUser extends User {
  passwordHash: string;
}

/** What configuration may give: a hash, or a plain password that is hashed before first use. */
export type DemoUserInput = User & ({ passwordHash: string; password?: undefined } | { password: string; passwordHash?: undefined });

export type AuthenticationResult = { ok: true; user: User } | { ok: false; code: 'invalid_credentials' };

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,31}$/;
/** Longer passwords are refused outright: hashing megabytes on request is a cheap DoS. */
export const MAX_PASSWORD_LENGTH = 256;

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Checks a username and password. Unknown users cost the same scrypt work as known ones (a dummy
 * hash is verified), and both failures return the same code, so neither the answer nor its
 * timing tells an attacker which usernames exist.
 */
export async function authenticateUser(
  users: readonly StoredUser[],
  username: string,
  password: string,
  dummyPasswordHash: string,
): Promise<AuthenticationResult> {
  const wanted = normalizeUsername(username);
  const user = users.find((candidate) => candidate.username === wanted);
  const tooLong = password.length > MAX_PASSWORD_LENGTH;
  const matches = await verifyPassword(tooLong ? '' : password, user?.passwordHash ?? dummyPasswordHash);
  if (!user || !matches || tooLong) return { ok: false, code: 'invalid_credentials' };
  return { ok: true, user: { id: user.id, username: user.username, role: user.role } };
}

/** Parses DEMO_USERS: a JSON array of { username, role, password | passwordHash, id? }. */
export function parseDemoUsers(raw: string): { ok: true; users: DemoUserInput[] } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'must be JSON: [{"username":"ada","role":"admin","password":"..."}]' };
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return { ok: false, message: 'must be a non-empty JSON array of users' };
  const users: DemoUserInput[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of parsed.entries()) {
    const item = entry as Record<string, unknown> | null;
    const where = `entry ${index}`;
    if (typeof item !== 'object' || item === null) return { ok: false, message: `${where} must be an object` };
    const username = typeof item.username === 'string' ? normalizeUsername(item.username) : '';
    if (!USERNAME_PATTERN.test(username)) return { ok: false, message: `${where}: username must be 1-32 of a-z, 0-9, ".", "_", "-"` };
    if (seen.has(username)) return { ok: false, message: `${where}: username "${username}" appears twice` };
    seen.add(username);
    if (item.role !== 'user' && item.role !== 'admin') return { ok: false, message: `${where}: role must be "user" or "admin"` };
    const id = item.id === undefined ? `usr_${username}` : item.id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(id))
      return { ok: false, message: `${where}: id must be 1-40 letters, digits, "_" or "-"` };
    if (typeof item.passwordHash === 'string') {
      if (parsePasswordHash(item.passwordHash) === null)
        return { ok: false, message: `${where}: passwordHash is not a supported $scrypt$ hash` };
      users.push({ id, username, role: item.role, passwordHash: item.passwordHash });
    } else if (typeof item.password === 'string') {
      if (item.password.length < 8 || item.password.length > MAX_PASSWORD_LENGTH)
        return { ok: false, message: `${where}: password must be 8-${MAX_PASSWORD_LENGTH} characters` };
      users.push({ id, username, role: item.role, password: item.password });
    } else {
      return { ok: false, message: `${where}: give "password" or "passwordHash"` };
    }
  }
  return { ok: true, users };
}
