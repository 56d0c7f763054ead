/**
 * A key id (`kid`) is looked up in a map, never used as a path or a URL; still, keep it boring:
 * 1-64 letters, digits, ".", "_" or "-". Checked on tokens, on configured keys and on admin input.
 */
const KID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function isWellFormedKid(value: unknown): value is string {
  return typeof value === 'string' && KID_PATTERN.test(value);
}
