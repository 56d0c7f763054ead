'use client';

/** Signing keys: filled in once the JWT strategy's key store is wired to the admin API. */
export function AdminKeys() {
  return null;
}
