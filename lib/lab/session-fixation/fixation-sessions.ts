import { formatGuessableId } from './guessable-ids';

/** Lab sessions live this long; the in-memory table holds at most MAX_FIXATION_SESSIONS. */
export const FIXATION_SESSION_TTL_MS = 10 * 60 * 1000;
export const MAX_FIXATION_SESSIONS = 500;

interface FixationSession {
  username: string | null;
  expiresAt: number;
}

/**
 * The weak lab's session table, in memory. Two mistakes on purpose: ids come from a counter and
 * the clock (guessable-ids.ts), and `logIn` keeps the id the browser arrived with, so an id planted
 * before login becomes the victim's signed-in session (fixation). The real login always ends the
 * old session and issues a fresh random id (lib/server/session/login.ts).
 */
export class FixationSessions {
  private readonly sessions = new Map<string, FixationSession>();

  constructor(private counter: number) {}

  /** An anonymous visit: a new, not yet signed-in session id. */
  visit(now: number): string {
    return this.issue(null, now);
  }

  /** WRONG ON PURPOSE: an id the browser already had is kept, and now carries the user. */
  logIn(presentedId: string | null, username: string, now: number): { id: string; kept: boolean } {
    const existing = presentedId === null ? undefined : this.live(presentedId, now);
    if (presentedId !== null && existing !== undefined) {
      existing.username = username;
      return { id: presentedId, kept: true };
    }
    return { id: this.issue(username, now), kept: false };
  }

  /** The signed-in user of a session id, or null. */
  userOf(id: string, now: number): string | null {
    return this.live(id, now)?.username ?? null;
  }

  private issue(username: string | null, now: number): string {
    for (const [id, session] of this.sessions)
      if (session.expiresAt <= now || this.sessions.size >= MAX_FIXATION_SESSIONS) this.sessions.delete(id);
    this.counter += 1;
    const id = formatGuessableId(this.counter, now);
    this.sessions.set(id, { username, expiresAt: now + FIXATION_SESSION_TTL_MS });
    return id;
  }

  private live(id: string, now: number): FixationSession | undefined {
    const session = this.sessions.get(id);
    return session !== undefined && session.expiresAt > now ? session : undefined;
  }
}
