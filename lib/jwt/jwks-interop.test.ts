/**
 * Interop: a token issued by this app verifies in a separate Node process that holds nothing but
 * the published JWKS, no secret and no app code. That is the whole promise of asymmetric keys.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { signAccessToken } from './access-token';
import { createKeyRing } from './key-ring';
import { buildJwks, loadSigningKeys, retireSigningKey, rotateSigningKey, type SigningKeySet } from './signing-keys';
import { FIXED_NOW, TEST_SEAL } from './test-keys';

const verifier = fileURLToPath(new URL('../../test-utils/verify-with-jwks.mjs', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jwks-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verifyElsewhere(keySet: SigningKeySet, token: string): { status: number | null; output: string } {
  const path = join(dir, `jwks-${keySet.version}.json`);
  writeFileSync(path, JSON.stringify(buildJwks(keySet)));
  // cwd at the project root so the script resolves `jose` from node_modules like any consumer would.
  const result = spawnSync(process.execPath, [verifier, path, token, String(FIXED_NOW)], { cwd: projectRoot, encoding: 'utf8' });
  return { status: result.status, output: result.stdout.trim() };
}

describe('JWKS interop', () => {
  it('verifies an app-issued token in a separate process with the JWKS alone, and rejects it once its key is retired', async () => {
    const store = createMemoryStore();
    const keySet = await loadSigningKeys(store, FIXED_NOW, TEST_SEAL);
    const ring = await createKeyRing(keySet);
    const { token, claims } = await signAccessToken({
      user: { id: 'usr_alice', username: 'alice', role: 'user' },
      signingKey: ring.signingKey,
      now: FIXED_NOW,
      ttlSeconds: 900,
    });

    const accepted = verifyElsewhere(keySet, token);
    expect(accepted.status).toBe(0);
    expect(JSON.parse(accepted.output)).toMatchObject({ sub: 'usr_alice', username: 'alice', jti: claims.jti, exp: claims.exp });

    const rotated = await rotateSigningKey(store, FIXED_NOW, TEST_SEAL);
    if (!rotated.ok) throw new Error(rotated.message);
    expect(verifyElsewhere(rotated.keySet, token).status).toBe(0);

    const retired = await retireSigningKey(store, ring.signingKey.kid, FIXED_NOW, TEST_SEAL);
    if (!retired.ok) throw new Error(retired.message);
    expect(verifyElsewhere(retired.keySet, token)).toEqual({ status: 1, output: 'ERR_JWKS_NO_MATCHING_KEY' });
  });
});
