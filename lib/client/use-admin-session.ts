'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { User } from '@/lib/users/users';
import { api, type Credentials } from './api';

export type AdminStatus = 'checking' | 'signed-out' | 'signed-in';

/**
 * Whether this browser has an administrator session, for the dashboard and the admin console.
 * The admin cookie is path-scoped to /api/admin, so pages cannot see it: they ask
 * /api/admin/presence (200 either way), and /api/admin/me only when there is a cookie to check.
 */
export function useAdminSession() {
  const [status, setStatus] = useState<AdminStatus>('checking');
  const [user, setUser] = useState<User | null>(null);
  // Bumped by every sign-in and sign-out: a check that started before one must not undo it.
  const changes = useRef(0);

  const check = useCallback(async () => {
    const startedAt = changes.current;
    const presence = await api.admin.presence();
    const me = presence.ok && presence.data.present ? await api.admin.me() : null;
    if (changes.current !== startedAt) return;
    setUser(me?.ok ? me.data.user : null);
    setStatus(me?.ok ? 'signed-in' : 'signed-out');
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  const signIn = useCallback(
    async (credentials: Credentials) => {
      changes.current += 1;
      const result = await api.admin.login(credentials);
      if (result.ok) {
        setUser(result.data.user);
        setStatus('signed-in');
      } else {
        // Nothing changed on the server; whatever this browser had still stands.
        void check();
      }
      return result;
    },
    [check],
  );

  const signOut = useCallback(async () => {
    changes.current += 1;
    await api.admin.logout();
    await check();
  }, [check]);

  return { status, user, signIn, signOut };
}
