import type { LabCookiePurpose } from './lab-cookies';

/**
 * One credential the lab issues or an attacker forges in it, for the isolation test
 * (lib/lab/real-endpoints-refuse-lab.test.ts) that sends every one of them to every real endpoint,
 * as a Bearer token and under every real cookie name, and expects a refusal each time.
 */
export interface LabCredentialSample {
  /** The lab case's slug (lib/lab/catalogue.ts), or `theft`. */
  labCase: string;
  description: string;
  value: string;
  /** The lab cookie it travels in inside the lab, if any. */
  labCookie?: LabCookiePurpose;
}
