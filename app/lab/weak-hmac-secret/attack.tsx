'use client';

import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { signHs256, utf8 } from '@/lib/lab/forgery/compact-jws';
import { crackHs256Secret } from '@/lib/lab/weak-hmac-secret/crack';
import { LAB_SECRET_WORDS } from '@/lib/lab/weak-hmac-secret/word-list';

/** Case 5: crack the HS256 secret here, from a word list, then sign an admin token with it. */
export function WeakHmacSecretAttack() {
  return (
    <TokenWorkbench
      slug="weak-hmac-secret"
      issueLabel="Get a lab token for alice"
      issueToken={() => fetchLabToken('/api/lab/weak-hmac-secret/token', { username: 'alice' })}
      forge={{
        label: 'Crack the secret and re-sign',
        run: async ({ header, payload, legitimateToken, report }) => {
          const result = await crackHs256Secret(legitimateToken, LAB_SECRET_WORDS, ({ tried, total, elapsedMs }) =>
            report(`Cracking in this browser: ${tried} of ${total} words tried, ${Math.round(elapsedMs)} ms…`),
          );
          if (!result.found) throw new Error(`No word in the list matched (${result.tried} tried).`);
          report(
            `Secret found: "${result.word}" after ${result.tried} guesses in ${Math.round(result.elapsedMs)} ms. Signed the edited payload with it.`,
          );
          return signHs256({ ...header, alg: 'HS256' }, payload, utf8(result.word));
        },
      }}
      why="The weak endpoint's HS256 check is done right; its secret is not. One captured token was enough to test guesses offline until a signature matched, and whoever knows the secret signs whatever they like. The real endpoint signs with an EdDSA private key that never leaves the server: a token reveals nothing to guess, and an HS256 token is refused outright."
    >
      <p className="text-sm text-slate-700">
        The word list has {LAB_SECRET_WORDS.length} entries, so the crack takes a moment here. Real attackers run lists of billions on a
        GPU: any secret a human picked falls the same way.
      </p>
    </TokenWorkbench>
  );
}
