import 'server-only';
import { DUMMY_PASSWORD_HASH } from '@/lib/users/demo-users';
import { hashPassword } from '@/lib/users/password';
import { authenticateUser, type AuthenticationResult, type StoredUser } from '@/lib/users/users';
import { getConfig } from './config';

const globalForUsers = globalThis as typeof globalThis & { __sessionVsJwtUsers?: Promise<StoredUser[]> };

/** Users with hashes only: plain passwords from DEMO_USERS are hashed once and then dropped. */
export function getUsers(): Promise<StoredUser[]> {
  globalForUsers.__sessionVsJwtUsers ??= Promise.all(
    getConfig().demoUsers.map(async (user): Promise<StoredUser> => ({
      id: user.id,
      username: user.username,
      role: user.role,
      passwordHash: user.passwordHash ?? (await hashPassword(user.password)),
    })),
  );
  return globalForUsers.__sessionVsJwtUsers;
}

export async function checkCredentials(username: string, password: string): Promise<AuthenticationResult> {
  return authenticateUser(await getUsers(), username, password, DUMMY_PASSWORD_HASH);
}
