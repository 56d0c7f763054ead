import { describe, expect, it } from 'vitest';
import { buildKeyTree, LAB_HMAC_KEY_FILE, readKeyFileNamedByKid } from './key-tree';
import { verifyWithKidPath } from './weak-verifier';
import { signHs256, utf8 } from '../forgery/compact-jws';
import { NOW, aliceClaims, adminClaims, expectAdmin, expectRefused, expectRefusesGarbage } from '../forgery/weak-verifier-test-kit';

describe('case 8: kid injection', () => {
  const labKey = new Uint8Array(32).fill(9);
  const tree = buildKeyTree(labKey);
  it('resolves kid inside the in-memory tree only', () => {
    expect(readKeyFileNamedByKid(tree, LAB_HMAC_KEY_FILE).key).toEqual(labKey);
    expect(readKeyFileNamedByKid(tree, '../../dev/null')).toEqual({ path: '/dev/null', key: new Uint8Array(0) });
    expect(readKeyFileNamedByKid(tree, '../../etc/passwd')).toEqual({ path: '/etc/passwd', key: null });
  });
  it('accepts an admin token signed with the empty contents of /dev/null', async () => {
    expectAdmin(
      await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: '../../dev/null' }, adminClaims, new Uint8Array(0)), tree, NOW),
    );
  });
  it('verifies the legitimate key file and refuses missing files, wrong keys and garbage', async () => {
    expect((await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: LAB_HMAC_KEY_FILE }, aliceClaims, labKey), tree, NOW)).ok).toBe(
      true,
    );
    expectRefused(
      await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: '../../etc/passwd' }, adminClaims, utf8('')), tree, NOW),
      'no key file',
    );
    expectRefused(
      await verifyWithKidPath(await signHs256({ alg: 'HS256', kid: LAB_HMAC_KEY_FILE }, adminClaims, utf8('')), tree, NOW),
      'bad signature',
    );
    await expectRefusesGarbage((token) => verifyWithKidPath(token, tree, NOW));
  });
});
