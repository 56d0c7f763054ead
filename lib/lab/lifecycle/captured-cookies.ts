import { randomBytes } from 'node:crypto';

/** How long a captured real cookie is kept: long enough to log out and replay, short enough to forget. */
export const CAPTURE_TTL_MS = 5 * 60 * 1000;
/** Past this many live captures the oldest goes first: a lab endpoint must not grow memory without bound. */
export const MAX_CAPTURES = 200;

interface Capture {
  value: string;
  expiresAt: number;
}

/**
 * Real credentials the browser sent to a lab endpoint, held in server memory under a random handle.
 * The handle is all the page ever gets: no lab endpoint returns a real cookie's value, so the
 * learner can replay "the copy" without any script having been able to read it.
 */
export class CapturedCookies {
  private readonly captures = new Map<string, Capture>();

  capture(value: string, now: number): { handle: string; expiresAt: number } {
    this.prune(now);
    while (this.captures.size >= MAX_CAPTURES) {
      const oldest = this.captures.keys().next();
      if (oldest.done) break;
      this.captures.delete(oldest.value);
    }
    const handle = randomBytes(16).toString('base64url');
    const expiresAt = now + CAPTURE_TTL_MS;
    this.captures.set(handle, { value, expiresAt });
    return { handle, expiresAt };
  }

  /** The captured value, or null when the handle is unknown or expired. */
  read(handle: string, now: number): string | null {
    const capture = this.captures.get(handle);
    if (capture === undefined) return null;
    if (capture.expiresAt <= now) {
      this.captures.delete(handle);
      return null;
    }
    return capture.value;
  }

  get size(): number {
    return this.captures.size;
  }

  private prune(now: number): void {
    for (const [handle, capture] of this.captures) if (capture.expiresAt <= now) this.captures.delete(handle);
  }
}
