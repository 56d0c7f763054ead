/**
 * The public demo accounts as the login cards print them (on purpose: this is a demo). Display
 * only: authentication reads the hashes in `demo-users.ts`, never this. Safe for client code.
 */
export const DEMO_CREDENTIALS = [
  { username: 'alice', password: 'wonderland', role: 'user' },
  { username: 'bob', password: 'the-builder', role: 'user' },
  { username: 'admin', password: 'control-room', role: 'admin' },
] as const;

/** The account the dashboard's one-key login and the forms' defaults use. */
export const DEFAULT_DEMO_USER = DEMO_CREDENTIALS[0];

export const DEMO_ADMIN = DEMO_CREDENTIALS[2];
