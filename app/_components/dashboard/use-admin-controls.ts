'use client';

import { useCallback, useState } from 'react';
import { api } from '@/lib/client/api';
import { useAdminSession } from '@/lib/client/use-admin-session';
import { useAdminSettings } from '@/lib/client/use-admin-settings';
import { settingsProposal, type DashboardUrlState } from '@/lib/dashboard/url-state';
import type { RuntimeSettings } from '@/lib/settings/settings';
import { DEMO_ADMIN } from '@/lib/users/demo-credentials';

/** Settings may change elsewhere (the admin page, another presenter, another instance). */
const SETTINGS_POLL_MS = 5000;

/**
 * The dashboard's admin side: the admin session (one button signs in the demo admin), the
 * settings, revoke and key rotation, and one status message for all of them. A link's settings
 * (`?ttl=…&denylist=…`) are only a proposal: the admin sees what it would change and applies or
 * dismisses it. Applying on load would let any page that links here, or frames a navigation,
 * change the server's settings with the admin's cookie, from our own origin, where the
 * cross-site check cannot see it.
 */
export function useAdminControls(wanted: Pick<DashboardUrlState, 'ttl' | 'denylist'>) {
  const admin = useAdminSession();
  const signedIn = admin.status === 'signed-in';
  const { state, settings, save } = useAdminSettings({ enabled: signedIn, pollMs: SETTINGS_POLL_MS });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [proposalDecided, setProposalDecided] = useState(false);

  const putSettings = useCallback(
    async (patch: Partial<RuntimeSettings>) => {
      const result = await save(patch);
      setMessage(result.ok ? null : `✕ ${result.error.message}`);
    },
    [save],
  );

  const proposal = settings === null || proposalDecided ? null : settingsProposal(wanted, settings);
  const applyProposal = useCallback(async () => {
    if (proposal === null) return;
    setProposalDecided(true);
    await putSettings(proposal);
  }, [proposal, putSettings]);
  const dismissProposal = useCallback(() => setProposalDecided(true), []);

  const { signIn: signInWith } = admin;
  const signIn = useCallback(async () => {
    const result = await signInWith(DEMO_ADMIN);
    if (!result.ok) setMessage(`✕ Admin login failed (${result.status})`);
  }, [signInWith]);

  /** Revokes `username` everywhere; resolves to the moment the server confirmed it, or null. */
  const revoke = useCallback(async (username: string): Promise<number | null> => {
    setBusy(true);
    const result = await api.admin.revoke(username);
    setBusy(false);
    if (!result.ok) {
      setMessage(`✕ Revoke failed (${result.status})`);
      return null;
    }
    // Measured on this page's clock, from the moment the server's confirmation arrived.
    const at = result.meta.at;
    const { sessionsRevoked, refreshFamiliesRevoked } = result.data;
    const families = `${refreshFamiliesRevoked} refresh ${refreshFamiliesRevoked === 1 ? 'family' : 'families'}`;
    setMessage(`✓ Revoked ${username}: ${sessionsRevoked} session(s), ${families}`);
    return at;
  }, []);

  const rotateKey = useCallback(async () => {
    const result = await api.admin.rotateKey();
    setMessage(result.ok ? '✓ New signing key is current; the old one still verifies' : `✕ Rotation failed (${result.status})`);
  }, []);

  const toggleDenylist = useCallback(() => {
    if (settings) void putSettings({ denylist: !settings.denylist });
  }, [settings, putSettings]);

  return {
    status: admin.status,
    signedIn,
    state,
    settings,
    busy,
    message,
    signIn,
    revoke,
    rotateKey,
    putSettings,
    toggleDenylist,
    proposal,
    applyProposal,
    dismissProposal,
  };
}
