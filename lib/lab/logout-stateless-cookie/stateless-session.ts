import { sealData, unsealData } from 'iron-session';

/** What the weak cookie carries: the user itself, not a pointer to a record. */
export interface StatelessLabUser {
  username: string;
  role: 'user' | 'admin';
  loggedInAt: number;
}

/** A day: the weak cookie's seal, and so every copy of it, stays valid this long whatever happens. */
export const STATELESS_SESSION_TTL_SECONDS = 24 * 60 * 60;

export function sealStatelessSession(user: StatelessLabUser, password: string): Promise<string> {
  return sealData(user, { password, ttl: STATELESS_SESSION_TTL_SECONDS });
}

function isStatelessLabUser(value: unknown): value is StatelessLabUser {
  if (typeof value !== 'object' || value === null) return false;
  const { username, role, loggedInAt } = value as Record<string, unknown>;
  return typeof username === 'string' && (role === 'user' || role === 'admin') && typeof loggedInAt === 'number';
}

/**
 * WRONG ON PURPOSE: any seal that opens is a live session. The server keeps nothing, so "log out"
 * can only ask the browser to delete its cookie; a copy taken before still opens, for the whole
 * seal lifetime. The real session cookie seals only an id, and logout deletes the record it names.
 */
export async function verifyStatelessSession(seal: string, password: string): Promise<StatelessLabUser | null> {
  if (seal === '' || seal.length > 4096) return null;
  try {
    const data = await unsealData<unknown>(seal, { password, ttl: STATELESS_SESSION_TTL_SECONDS });
    return isStatelessLabUser(data) ? data : null;
  } catch {
    return null;
  }
}
