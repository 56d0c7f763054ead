/**
 * Password hashing with scrypt (Node's built-in crypto), encoded in the PHC string format:
 * `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64, no padding). The parameters travel with the
 * hash, so they can be raised later without invalidating stored hashes.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  blockSize: number;
  parallelization: number;
}

/** OWASP Password Storage Cheat Sheet: N=2^17 (128 MiB), r=8, p=1. About 0.3 s a hash here. */
const OWASP_SCRYPT: ScryptParameters = { logN: 17, blockSize: 8, parallelization: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// Hashes can come from the environment (DEMO_USERS); refuse parameters that would let a typo or
// a hostile value make every login allocate gigabytes.
const MAX_LOG_N = 20;
const MIN_LOG_N = 10;

function scrypt(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** params.logN,
    r: params.blockSize,
    p: params.parallelization,
    // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs (128 MiB).
    maxmem: 128 * 2 ** params.logN * params.blockSize * params.parallelization + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, params: ScryptParameters = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, params);
  return `$scrypt$ln=${params.logN},r=${params.blockSize},p=${params.parallelization}$${b64(salt)}$${b64(key)}`;
}

interface ParsedHash {
  params: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

export function parsePasswordHash(encoded: string): ParsedHash | null {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{32,})$/.exec(encoded);
  if (!match) return null;
  const params = { logN: Number(match[1]), blockSize: Number(match[2]), parallelization: Number(match[3]) };
  if (
    params.logN < MIN_LOG_N ||
    params.logN > MAX_LOG_N ||
    params.blockSize < 1 ||
    params.blockSize > 32 ||
    params.parallelization < 1 ||
    params.parallelization > 4
  ) {
    return null;
  }
  const key = Buffer.from(match[5]!, 'base64');
  if (key.length !== KEY_LENGTH) return null;
  return { params, salt: Buffer.from(match[4]!, 'base64'), key };
}

/** Constant-time comparison of the derived key; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (parsed === null) return false;
  const candidate = await scrypt(password, parsed.salt, parsed.params);
  return timingSafeEqual(candidate, parsed.key);
}
