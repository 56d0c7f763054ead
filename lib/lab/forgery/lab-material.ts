import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { createAttackerKeyShelf, type AttackerKeyShelf } from '../jku-injection/attacker-keys';
import { buildKeyTree, type KeyTree } from '../kid-injection/key-tree';
import { pickLabSecretWord } from '../weak-hmac-secret/weak-verifier';

/**
 * The token-forgery cases' per-process material, made on first use and never stored: case 5's
 * dictionary-word secret, case 8's key tree, case 7's shelf of attacker keys. A restart forgets
 * all of it, like the lab key (lib/lab/lab-keys.ts).
 */
interface ForgeryMaterial {
  secretWord: string;
  keyTree: KeyTree;
  attackerKeys: AttackerKeyShelf;
}

const globalForLab = globalThis as typeof globalThis & { __sessionVsJwtForgeryMaterial?: ForgeryMaterial };

export function forgeryMaterial(): ForgeryMaterial {
  globalForLab.__sessionVsJwtForgeryMaterial ??= {
    secretWord: pickLabSecretWord(() => randomBytes(4).readUInt32BE(0) / 2 ** 32),
    keyTree: buildKeyTree(randomBytes(32)),
    attackerKeys: createAttackerKeyShelf(() => randomUUID()),
  };
  return globalForLab.__sessionVsJwtForgeryMaterial;
}
