/**
 * Case 11: claims piled into a JWT. Browsers keep a cookie only while its name and value together
 * fit in 4096 bytes (RFC 6265bis; Chromium, Firefox and Safari all enforce it); a longer Set-Cookie
 * is dropped without any error the page or the server could see.
 */
export const BROWSER_COOKIE_LIMIT_BYTES = 4096;

/** The slider's range: enough to cross the limit, bounded so the lab never signs megabytes. */
export const MAX_EXTRA_CLAIMS = 120;

const RESOURCES = ['reports', 'invoices', 'customers', 'projects', 'tickets', 'audit-log'] as const;
const ACTIONS = ['read', 'write', 'export', 'approve'] as const;
const REGIONS = ['eu-west', 'us-east', 'ap-south'] as const;

/**
 * WRONG ON PURPOSE: `count` permission claims of the kind that creeps into tokens ("put the
 * permissions in the JWT, saves a lookup"), about 40 bytes each before base64 adds a third.
 */
export function bloatedClaims(count: number): Record<string, string> {
  const claims: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const resource = RESOURCES[index % RESOURCES.length] ?? 'reports';
    const action = ACTIONS[Math.floor(index / RESOURCES.length) % ACTIONS.length] ?? 'read';
    const region = REGIONS[index % REGIONS.length] ?? 'eu-west';
    claims[`perm_${String(index).padStart(3, '0')}`] = `${resource}:${action}:${region}`;
  }
  return claims;
}

/** What a browser counts against the limit: the cookie's name and value. */
export function cookiePairBytes(name: string, value: string): number {
  return new TextEncoder().encode(name).length + new TextEncoder().encode(value).length;
}

export function exceedsBrowserCookieLimit(name: string, value: string): boolean {
  return cookiePairBytes(name, value) > BROWSER_COOKIE_LIMIT_BYTES;
}

/** Parses the slider's value from a request: an integer from 0 to MAX_EXTRA_CLAIMS, or null. */
export function parseClaimCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_EXTRA_CLAIMS ? value : null;
}
