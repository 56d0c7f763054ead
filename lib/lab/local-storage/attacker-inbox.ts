/** What the injected script found in the victim's page, as it posted it. */
export interface Loot {
  page: string;
  localStorage: Record<string, string>;
  cookies: string;
}

export interface InboxEntry extends Loot {
  receivedAt: number;
}

export const MAX_INBOX_ENTRIES = 20;
const MAX_FIELD_CHARACTERS = 8_192;

/** Parses a posted loot body, or null: at most a few entries of bounded size, strings only. */
export function parseLoot(body: unknown): Loot | null {
  if (typeof body !== 'object' || body === null) return null;
  const { page, localStorage, cookies } = body as Record<string, unknown>;
  if (typeof page !== 'string' || page.length > 200 || typeof cookies !== 'string' || cookies.length > MAX_FIELD_CHARACTERS) return null;
  if (typeof localStorage !== 'object' || localStorage === null) return null;
  const entries = Object.entries(localStorage as Record<string, unknown>);
  if (entries.length > 50) return null;
  const storage: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || key.length > 200 || value.length > MAX_FIELD_CHARACTERS) return null;
    storage[key] = value;
  }
  return { page, localStorage: storage, cookies };
}

/** The attacker's inbox: the newest MAX_INBOX_ENTRIES posts, in memory. */
export class AttackerInbox {
  private entries: InboxEntry[] = [];

  receive(loot: Loot, now: number): void {
    this.entries = [...this.entries, { ...loot, receivedAt: now }].slice(-MAX_INBOX_ENTRIES);
  }

  list(): readonly InboxEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;

/** Every JWT-shaped string in what was stolen: what the attacker will try to replay. */
export function findStolenTokens(loot: Loot): string[] {
  const found = [...Object.values(loot.localStorage), loot.cookies].flatMap((text) => text.match(JWT_PATTERN) ?? []);
  return [...new Set(found)];
}
