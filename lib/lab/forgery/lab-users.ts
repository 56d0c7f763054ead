/**
 * Who the token-forgery cases issue lab tokens to, and whom the attacker turns into. Mirrors the
 * public demo accounts (same ids), so the weak endpoint's answer names a user the learner knows.
 * Safe for client code: nothing here is secret (case 16 is about what the lab puts in a token).
 */
export type LabRole = 'user' | 'admin';

export interface LabUser {
  sub: string;
  username: string;
  role: LabRole;
}

export const LAB_VICTIM: LabUser = { sub: 'usr_alice', username: 'alice', role: 'user' };
export const LAB_ADMIN: LabUser = { sub: 'usr_admin', username: 'admin', role: 'admin' };

const LAB_USERS: readonly LabUser[] = [LAB_VICTIM, { sub: 'usr_bob', username: 'bob', role: 'user' }, LAB_ADMIN];

/** Lab tokens live 15 minutes: long enough for a class to play with one, short enough to matter. */
export const LAB_TOKEN_TTL_SECONDS = 15 * 60;

/** The lab issues tokens to the two ordinary demo users only: becoming admin is the attack. */
export function findLabTokenHolder(username: unknown): LabUser | null {
  if (typeof username !== 'string') return null;
  const user = LAB_USERS.find((candidate) => candidate.username === username.trim().toLowerCase());
  return user && user.role === 'user' ? user : null;
}

/** What the attacker writes into the payload: the admin's `sub`, `username` and `role`. */
export function withAdminClaims(payload: Record<string, unknown>): Record<string, unknown> {
  return { ...payload, sub: LAB_ADMIN.sub, username: LAB_ADMIN.username, role: LAB_ADMIN.role };
}
