'use client';

import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { reencodeKeepingSignature } from '@/lib/lab/forgery/compact-jws';

/** Case 3: edit the claims, re-encode, keep the old signature: a verifier that never checks it lets you in. */
export function UnverifiedClaimsAttack() {
  return (
    <TokenWorkbench
      slug="unverified-claims"
      issueLabel="Get a lab token for alice"
      issueToken={() => fetchLabToken('/api/lab/unverified-claims/token', { username: 'alice' })}
      forge={{
        label: 'Re-encode the edited payload',
        run: async ({ header, payload, legitimateToken, report }) => {
          report('Re-encoded the edited header and payload and glued alice’s old signature back on, unchanged.');
          return reencodeKeepingSignature(header, payload, legitimateToken);
        },
      }}
      why="The weak endpoint base64-decodes the payload and trusts it; the signature, which no longer matches, is never looked at. The real endpoint verifies the EdDSA signature first, against its own key ring: the token was signed by a key it does not know, and the edit broke the signature anyway."
    />
  );
}
