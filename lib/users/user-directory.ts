/**
 * The configured users, with hashes only: plain passwords from DEMO_USERS are hashed once, on
 * first use, and then dropped.
 */
import { DUMMY_PASSWORD_HASH } from './demo-users';
import { hashPassword } from './password';
import { authenticateUser, normalizeUsername, type AuthenticationResult, type DemoUserInput, type StoredUser, type User } from './users';

export interface UserDirectory {
  /** Unknown user and wrong password give the same answer after the same scrypt work. */
  checkCredentials(username: string, password: string): Promise<AuthenticationResult>;
  findByUsername(username: string): Promise<User | null>;
  /**
   * The user as configured right now, by id; null when no longer configured. Every
   * authentication resolves its credential's user here (no store call: this is configuration),
   * so removing a user refuses their credentials and a demotion takes effect at the next request,
   * whatever role a session or refresh record copied at login.
   */
  findById(userId: string): User | null;
}

export function createUserDirectory(configured: readonly DemoUserInput[]): UserDirectory {
  let users: Promise<StoredUser[]> | undefined;
  const all = () =>
    (users ??= Promise.all(
      configured.map(async (user): Promise<StoredUser> => ({
        id: user.id,
        username: user.username,
        role: user.role,
        passwordHash: user.passwordHash ?? (await hashPassword(user.password)),
      })),
    ));
  const byId = new Map(configured.map((user) => [user.id, { id: user.id, username: user.username, role: user.role } satisfies User]));
  return {
    findById: (userId) => byId.get(userId) ?? null,
    checkCredentials: async (username, password) => authenticateUser(await all(), username, password, DUMMY_PASSWORD_HASH),
    findByUsername: async (username) => {
      const found = (await all()).find((candidate) => candidate.username === normalizeUsername(username));
      return found ? { id: found.id, username: found.username, role: found.role } : null;
    },
  };
}
