import 'server-only';
import { SigningKeyUnreadableError } from '@/lib/jwt/signing-keys';
import { getServerApp } from './app';
import { listeningOriginFromEnvironment } from './config';
import { warmUpServer } from './warm-up';

/**
 * Builds the process's app at boot: a ConfigError (a missing or weak secret in production) stops
 * the process with its how-to-fix message. Then loads the signing keys, so the first JWT request
 * does not pay for (or report) that lookup, and warms the process up in the background (crypto,
 * the store connection, both /me routes), so that no cold first request is shown as a strategy's
 * cost.
 */
export function startServerApp(): void {
  let app;
  try {
    app = getServerApp();
  } catch (error) {
    console.error(`[session-vs-jwt] refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // Store down at boot: the first request loads the keys (and says so in X-Store-Lookups). A key
  // this instance cannot decrypt is said at once, with the fix, rather than on the first login.
  const ready = app;
  ready.keys
    .get(ready.store)
    .then(() => warmUpServer(ready, listeningOriginFromEnvironment()))
    .catch((error: unknown) => {
      if (error instanceof SigningKeyUnreadableError) console.error(`[session-vs-jwt] ${error.message}`);
      // Requests are then labelled cold until real traffic has warmed the process (lib/costs/warmth.ts).
      else console.warn(`[session-vs-jwt] warm-up did not finish: ${error instanceof Error ? error.message : String(error)}`);
    });
}
