'use client';

import { useState } from 'react';
import { fetchLabToken, TokenWorkbench } from '../_components/token-workbench';
import { decodeToken } from '@/lib/lab/forgery/compact-jws';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';

const credentials = { username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password };

/** The app's real access token for the same user, decoded: what a token should carry. */
function RealTokenPayload() {
  const [payload, setPayload] = useState<string | null>(null);
  const load = async () => {
    try {
      const decoded = decodeToken(await fetchLabToken('/api/jwt/token', credentials));
      setPayload(decoded.ok ? JSON.stringify(decoded.token.payload, null, 2) : decoded.message);
    } catch (error) {
      setPayload(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section aria-label="The app’s real access token" className="flex flex-col gap-1 rounded border border-emerald-600 bg-white p-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={load}
          className="rounded-md border border-slate-900 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100"
        >
          Decode the app’s real token for {credentials.username}
        </button>
        <span className="text-sm text-slate-700">for comparison: id, username and role only</span>
      </div>
      {payload !== null && (
        <pre data-testid="real-token-payload" className="overflow-auto rounded bg-slate-100 p-2 text-xs">
          {payload}
        </pre>
      )}
    </section>
  );
}

/** Case 16: a correctly signed lab token that anyone can read, with the email and password hash inside. */
export function SensitivePayloadAttack() {
  return (
    <TokenWorkbench
      slug="sensitive-payload"
      issueLabel={`Log in to the lab as ${credentials.username}`}
      issueToken={() => fetchLabToken('/api/lab/sensitive-payload/login', credentials)}
      why="Nothing was forged here: the lab token is valid, and that is the problem. Its payload is only base64url, so whoever sees the token (a log, a proxy, an extension, this page) reads the email and the password hash, ready for an offline crack. The real endpoint refuses the lab token (wrong issuer and key), and the app's own tokens carry an id, a username and a role, nothing worth stealing."
    >
      <RealTokenPayload />
    </TokenWorkbench>
  );
}
