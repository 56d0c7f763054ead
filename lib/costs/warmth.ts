/**
 * Whether this process still runs cold. The first calls of a process pay for things that are not
 * the strategy: the JIT compiling the code, the first use of each crypto primitive, the store
 * connection opening. Right after boot an unseal took 35 ms against 1 ms warm, which on a
 * dashboard reads as "sessions are 30x slower". So the server warms itself before traffic (see
 * lib/server/warm-up.ts), and any request that still starts before that finished is labelled cold
 * and kept out of the medians.
 */
import { COLD_REQUESTS_BEFORE_WARM_BY_TRAFFIC } from '@/lib/policy';

interface WarmthState {
  /** When the warm-up finished (epoch ms), or null while cold. */
  warmedAt: number | null;
  /** How the process got warm: its own warm-up, or (when that failed: store down at boot) real traffic. */
  warmedBy: 'warm-up' | 'traffic' | null;
  /** Requests served cold so far (warm-up requests not included). */
  coldRequests: number;
}

export interface Warmth {
  /** Called as a request begins: whether it runs cold. */
  beginRequest(now: number): boolean;
  /** The warm-up finished. */
  markWarm(now: number): void;
  state(): WarmthState;
}

export function createWarmth(options: { warm: boolean; now: number }): Warmth {
  const state: WarmthState = options.warm
    ? { warmedAt: options.now, warmedBy: 'warm-up', coldRequests: 0 }
    : { warmedAt: null, warmedBy: null, coldRequests: 0 };
  return {
    beginRequest(now) {
      if (state.warmedAt !== null) return false;
      state.coldRequests += 1;
      // A warm-up that never finishes must not leave every request labelled cold forever.
      if (state.coldRequests >= COLD_REQUESTS_BEFORE_WARM_BY_TRAFFIC) {
        state.warmedAt = now;
        state.warmedBy = 'traffic';
      }
      return true;
    },
    markWarm(now) {
      if (state.warmedAt !== null) return;
      state.warmedAt = now;
      state.warmedBy = 'warm-up';
    },
    state: () => ({ ...state }),
  };
}
