'use client';

import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { makeAttackerKeyPair, signEs256 } from '@/lib/lab/forgery/compact-jws';

/** Case 6: sign with a key pair made here and put its public half in the header. */
export function JwkInjectionAttack() {
  return (
    <TokenWorkbench
      slug="jwk-injection"
      issueLabel="Get a lab token for alice"
      issueToken={() => fetchLabToken('/api/lab/jwk-injection/token', { username: 'alice' })}
      forge={{
        label: 'Sign with my own key and embed it',
        run: async ({ payload, report }) => {
          report('Making a P-256 key pair in this browser…');
          const { privateKey, publicJwk } = await makeAttackerKeyPair();
          report('Signed with a fresh ES256 key made in this browser; its public half is in the header as "jwk".');
          return signEs256({ alg: 'ES256', typ: 'JWT', jwk: publicJwk }, payload, privateKey);
        },
      }}
      why="The weak endpoint checks the signature with the key the token brought along, so the check proves only that the sender owns some key pair. The real endpoint refuses any token whose header tries to pick the key (jwk, jku, x5u, x5c) and looks the kid up in its own key ring."
    />
  );
}
