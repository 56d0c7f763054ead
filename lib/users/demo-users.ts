import type { DemoUserInput } from './users';

/**
 * The public demo accounts (their passwords are printed on the login cards, on purpose):
 * alice / wonderland and bob / the-builder (role user), admin / control-room (role admin).
 * Only salted scrypt hashes (OWASP parameters) are kept here. Replace them with DEMO_USERS for a
 * workshop on a shared network.
 */
export const DEFAULT_DEMO_USERS: DemoUserInput[] = [
  {
    id: 'usr_alice',
    username: 'alice',
    role: 'user',
    passwordHash: '$scrypt$ln=17,r=8,p=1$58b/FErZrR8WtEIhMbUFZQ$1Clz1n14QEsXYRZlOq+VMQT5Qseezz7U5F0GKpCJF8M',
  },
  {
    id: 'usr_bob',
    username: 'bob',
    role: 'user',
    passwordHash: '$scrypt$ln=17,r=8,p=1$Wh3M1v0gLS3ju+VCQNYmlA$TObX2jnrMz1QvuLWMO2JDt0XWZj6YsWYNUKZsNK+FmY',
  },
  {
    id: 'usr_admin',
    username: 'admin',
    role: 'admin',
    passwordHash: '$scrypt$ln=17,r=8,p=1$DcI40h/UL3Gl/inUsTzrAw$N93z7v3MMR5GlRyFKYz5f0RiyQsAqkVCrpB1+WuXMrU',
  },
];

/**
 * Verified whenever a login names an unknown user, so that path costs the same scrypt work as a
 * real one. Its password was random and discarded: nothing can match it.
 */
export const DUMMY_PASSWORD_HASH = '$scrypt$ln=17,r=8,p=1$rGj8gYQErE3UYs1JXlvq4Q$Ik2oVlPEkDI7j17kzxmRCHUuoYQye0rsqz4Xm2cwXSk';
