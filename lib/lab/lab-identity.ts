/**
 * The lab's own token identity. Every lab token names this issuer and audience and is signed
 * with a lab key (lib/lab/lab-keys.ts), so the app's verifier, which pins its own issuer,
 * audience, `typ` and key ring, refuses every one of them, whatever weakness the lab case shows.
 */
export const LAB_ISSUER = 'session-vs-jwt-lab';
export const LAB_AUDIENCE = 'session-vs-jwt-lab-api';
