'use client';

import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { signHs256 } from '@/lib/lab/forgery/compact-jws';

const DEV_NULL_KID = '../../dev/null';

/** Case 8: `kid` walks out of the key directory to /dev/null; sign with the empty key it reads. */
export function KidInjectionAttack() {
  return (
    <TokenWorkbench
      slug="kid-injection"
      issueLabel="Get a lab token for alice"
      issueToken={() => fetchLabToken('/api/lab/kid-injection/token', { username: 'alice' })}
      forge={{
        label: 'Point kid at /dev/null and sign with an empty key',
        run: async ({ header, payload, report }) => {
          report(`kid is now "${DEV_NULL_KID}"; signed HS256 with a zero-length key, the contents of /dev/null.`);
          return signHs256({ ...header, alg: 'HS256', kid: DEV_NULL_KID }, payload, new Uint8Array(0));
        },
      }}
      why="The weak endpoint joins kid onto its key directory, so ../../dev/null reads an empty file and the empty string becomes the HMAC key, which the attacker knows too. The real endpoint accepts only a short, well-formed kid that names a key in its own ring, and never reads a path."
    >
      <p className="text-sm text-slate-700">
        The weak endpoint reads keys from a small tree kept in memory (its key file and <code>/dev/null</code>), never from this machine’s
        disk: the page shows the mistake without letting a token read real files.
      </p>
    </TokenWorkbench>
  );
}
