import path from 'node:path';

/**
 * The "file system" the weak kid verifier reads keys from. Deliberately NOT the real one: the lab
 * must never read files of the machine it runs on, whatever path a token names. It is a small tree
 * in memory with the lab's key file and `/dev/null` (empty), which is all the attack needs.
 */
export const KEY_DIRECTORY = '/etc/lab-keys';
export const LAB_HMAC_KEY_FILE = 'lab-hmac.key';

export type KeyTree = ReadonlyMap<string, Uint8Array>;

export function buildKeyTree(labHmacKey: Uint8Array): KeyTree {
  return new Map([
    [path.posix.join(KEY_DIRECTORY, LAB_HMAC_KEY_FILE), labHmacKey],
    ['/dev/null', new Uint8Array(0)],
  ]);
}

/**
 * WRONG ON PURPOSE (lab case 8): joins `kid` onto the key directory, so `../` walks out of it and
 * the token picks which file's bytes become the HMAC key. Returns the resolved path either way.
 */
export function readKeyFileNamedByKid(tree: KeyTree, kid: string): { path: string; key: Uint8Array | null } {
  const resolved = path.posix.join(KEY_DIRECTORY, kid);
  return { path: resolved, key: tree.get(resolved) ?? null };
}
