'use client';

import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { encodeSegment } from '@/lib/lab/forgery/compact-jws';

/** Case 4: an unsigned token whose header says `alg: none`. */
export function AlgNoneAttack() {
  return (
    <TokenWorkbench
      slug="alg-none"
      issueLabel="Get a lab token for alice"
      issueToken={() => fetchLabToken('/api/lab/alg-none/token', { username: 'alice' })}
      forge={{
        label: 'Set alg none and drop the signature',
        run: async ({ header, payload, report }) => {
          const { kid: _kid, ...rest } = header;
          report('Header alg is now "none", and the token ends with an empty signature: header.payload.');
          return `${encodeSegment({ ...rest, alg: 'none' })}.${encodeSegment(payload)}.`;
        },
      }}
      why="The weak endpoint reads the algorithm from the token it is about to check, so the token itself says “no signature needed”. The real endpoint decides the algorithm from its own key (EdDSA) and refuses anything else, unsigned tokens first."
    />
  );
}
