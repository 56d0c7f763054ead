import { DEFAULT_DEMO_USERS } from '@/lib/users/demo-users';
import type { JsonObject } from '../forgery/compact-jws';

/**
 * WRONG ON PURPOSE (lab case 16): the extra claims a careless login copies into the token from the
 * user record: the email and the password hash. A JWT is signed, not encrypted: anyone holding it
 * (a log line, a proxy, a browser extension) reads them with a base64 decoder.
 */
export function sensitiveClaimsFor(user: { id: string; username: string }): JsonObject {
  const stored = DEFAULT_DEMO_USERS.find((candidate) => candidate.id === user.id);
  return {
    email: `${user.username}@example.com`,
    passwordHash: stored?.passwordHash ?? '(this account is not a default demo user: its hash lives only in server memory)',
    passwordChangedAt: '2026-01-15',
  };
}
