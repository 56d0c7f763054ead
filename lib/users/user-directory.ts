/**
 * The configured users, with hashes only: plain passwords from DEMO_USERS (or ADMIN_PASSWORD) are
 * hashed once, on first use, and then dropped.
 */
import { PASSWORD_HASHING_MAX_ACTIVE, PASSWORD_HASHING_MAX_QUEUED } from '@/lib/policy';
import { createConcurrencyLimit, type ConcurrencyLimit } from './concurrency-limit';
import { DUMMY_PASSWORD_HASH } from './demo-users';
import { hashPassword } from './password';
import { authenticateUser, normalizeUsername, type AuthenticationResult, type DemoUserInput, type StoredUser, type User } from './users';

export interface UserDirectory {
  /**
   * Unknown user and wrong password give the same answer after the same scrypt work. When every
   * verification slot is taken and the queue is full: `server_busy` at once, nothing hashed.
   */
  checkCredentials(username: string, password: string): Promise<AuthenticationResult | { ok: false; code: 'server_busy' }>;
  findByUsername(username: string): Promise<User | null>;
  /**
   * The user as configured right now, by id; null when no longer configured. Every
   * authentication resolves its credential's user here (no store call: this is configuration),
   * so removing a user refuses their credentials and a demotion takes effect at the next request,
   * whatever role a session or refresh record copied at login.
   */
  findById(userId: string): User | null;
}

/**
 * @param hashing bounds the password verifications running at once (default: the policy's 2
 *   running and 8 waiting), so a login flood can neither hold every libuv worker thread nor
 *   allocate 128 MiB per attempt.
 */
export function createUserDirectory(
  configured: readonly DemoUserInput[],
  hashing: ConcurrencyLimit = createConcurrencyLimit({ maxActive: PASSWORD_HASHING_MAX_ACTIVE, maxQueued: PASSWORD_HASHING_MAX_QUEUED }),
): UserDirectory {
  let users: Promise<StoredUser[]> | undefined;
  // One at a time: a DEMO_USERS list of plain passwords must not allocate 128 MiB per user at once.
  const hashAll = async () => {
    const stored: StoredUser[] = [];
    for (const user of configured) {
      stored.push({
        id: user.id,
        username: user.username,
        role: user.role,
        passwordHash: user.passwordHash ?? (await hashPassword(user.password)),
      });
    }
    return stored;
  };
  const all = () => (users ??= hashAll());
  const byId = new Map(configured.map((user) => [user.id, { id: user.id, username: user.username, role: user.role } satisfies User]));
  return {
    findById: (userId) => byId.get(userId) ?? null,
    checkCredentials: async (username, password) => {
      const stored = await all();
      const checked = await hashing.run(() => authenticateUser(stored, username, password, DUMMY_PASSWORD_HASH));
      return checked.ok ? checked.value : { ok: false, code: 'server_busy' };
    },
    findByUsername: async (username) => {
      const wanted = normalizeUsername(username);
      return [...byId.values()].find((candidate) => candidate.username === wanted) ?? null;
    },
  };
}
