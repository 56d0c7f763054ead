import 'server-only';
import { getConfig } from './config';
import { warmUpSigningKeys } from './jwt';

/** Parses the configuration once at boot; a ConfigError stops the process with its how-to-fix message. */
export function checkConfigOnStartup(): void {
  try {
    getConfig();
  } catch (error) {
    console.error(`[session-vs-jwt] refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  warmUpSigningKeys();
}
