'use client';

import { useState } from 'react';
import { loopbackTwinOrigin } from '@/lib/http/security-headers';
import type { LabTransfer } from '@/lib/lab/cookie-flags/flagless-accounts';
import { useBusyRun } from '../_lifecycle/use-busy-run';
import { sendAttack } from '@/lib/lab/lab-answer';
import { DEFAULT_DEMO_USER } from '@/lib/users/demo-credentials';
import { ActionButton, Step } from '../_lifecycle/controls';
import { usePageOrigin } from '../_lifecycle/use-page-origin';

interface Damage {
  balance: number;
  forged: LabTransfer[];
  realStatus: number;
  realUser: string | null;
}

function sentOrNot(sent: boolean): string {
  return sent ? 'sent' : 'not sent';
}

export function CookieFlagsAttack() {
  const origin = usePageOrigin();
  const [signedIn, setSignedIn] = useState<string | null>(null);
  const [labLoginAt, setLabLoginAt] = useState<number | null>(null);
  const [cookies, setCookies] = useState<string | null>(null);
  const [damage, setDamage] = useState<Damage | null>(null);
  const { busy, run } = useBusyRun();
  const attackerOrigin = origin === null ? null : loopbackTwinOrigin(origin);

  const signIn = () =>
    run(async () => {
      const lab = await sendAttack('lab login', '/api/lab/cookie-flags/login', { method: 'POST' });
      const real = await sendAttack('real login', '/api/session/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: DEFAULT_DEMO_USER.username, password: DEFAULT_DEMO_USER.password }),
      });
      setLabLoginAt(Date.now());
      setSignedIn(`Lab login ${lab.status} (lab_flagless and lab_flagless_none set); real session login ${real.status}.`);
      setCookies(null);
      setDamage(null);
    });

  const check = () =>
    run(async () => {
      const account = await sendAttack('account', '/api/lab/cookie-flags/account');
      const me = await sendAttack('me', '/api/session/me');
      const view = account.body as { balance?: number; transfers?: LabTransfer[] } | null;
      const realUser = (me.body as { user?: { username?: unknown } } | null)?.user?.username;
      setDamage({
        balance: view?.balance ?? 0,
        forged: (view?.transfers ?? []).filter((transfer) => transfer.origin !== null && transfer.origin !== origin),
        realStatus: me.status,
        realUser: typeof realUser === 'string' ? realUser : null,
      });
    });

  const lastForged = damage?.forged.at(-1) ?? null;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 lg:grid-cols-4">
        <Step number={1} title="Sign in to both">
          <p className="text-sm text-slate-700">
            The lab sets its session with no flags; the real login sets an HttpOnly, SameSite=Lax cookie.
          </p>
          <ActionButton busy={busy} onClick={signIn}>
            Sign in to both
          </ActionButton>
          {signedIn && <p className="text-sm">{signedIn}</p>}
        </Step>
        <Step number={2} title="Read document.cookie">
          <p className="text-sm text-slate-700">What any script on this page (an XSS payload included) can read.</p>
          <ActionButton busy={busy} tone="attack" onClick={() => setCookies(document.cookie)}>
            Read document.cookie
          </ActionButton>
        </Step>
        <Step number={3} title="Visit the attacker’s site">
          <p className="text-sm text-slate-700">
            A page on {attackerOrigin ?? 'the other loopback origin'}: another site, whose forms post here. Press both of its buttons.
          </p>
          {attackerOrigin && (
            <a
              href={`${attackerOrigin}/lab/cookie-flags/attacker`}
              target="_blank"
              rel="noopener"
              className="rounded-md bg-red-700 px-3 py-1.5 text-center font-semibold text-white hover:bg-red-800"
            >
              Open the attacker’s site
            </a>
          )}
        </Step>
        <Step number={4} title="Check the damage">
          <p className="text-sm text-slate-700">Back here: what did the forged requests do?</p>
          <ActionButton busy={busy} onClick={check}>
            Check the damage
          </ActionButton>
        </Step>
      </div>
      {cookies !== null && (
        <section aria-label="document.cookie" className="rounded-lg border-2 border-red-600 bg-white p-3">
          <h2 className="font-semibold">document.cookie</h2>
          <p className="font-mono text-sm break-all" data-testid="document-cookie">
            {cookies === '' ? '(empty)' : cookies}
          </p>
          <p className="text-sm text-slate-700">
            The lab&apos;s session id is right there for a script to read and send away. The real session cookie is not listed: it is
            HttpOnly.
          </p>
        </section>
      )}
      {damage && (
        <div className="grid gap-3 md:grid-cols-2">
          <section
            aria-label="Weak lab endpoint"
            data-testid="weak-answer"
            data-verdict={lastForged ? 'accepted' : 'refused'}
            className={`flex flex-col gap-1 rounded-lg border-2 bg-white p-3 ${lastForged ? 'border-red-600' : 'border-emerald-600'}`}
          >
            <h3 className="font-semibold">
              Weak lab endpoint{' '}
              <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-bold text-amber-950">weak on purpose</span>
            </h3>
            {lastForged ? (
              <>
                <p className="text-lg font-bold text-red-700">
                  attack accepted: {lastForged.amount} moved to {lastForged.to}
                </p>
                <p className="text-sm">
                  {damage.forged.length} forged transfer{damage.forged.length === 1 ? '' : 's'} from{' '}
                  {lastForged.origin === 'null' ? 'another site (Origin: null)' : lastForged.origin}; balance now {damage.balance}.
                </p>
                <p className="text-sm" data-testid="browser-sent">
                  What this browser attached to the cross-site form: lab_flagless (no SameSite attribute):{' '}
                  <strong>{sentOrNot(lastForged.cookiesReceived.noSameSiteAttribute)}</strong>; lab_flagless_none (SameSite=None; Secure):{' '}
                  <strong>{sentOrNot(lastForged.cookiesReceived.sameSiteNone)}</strong>
                  {labLoginAt !== null && `, with the cookies ${Math.max(0, Math.round((lastForged.at - labLoginAt) / 1000))} s old`}.
                </p>
              </>
            ) : (
              <p className="text-lg font-bold">No forged transfer arrived.</p>
            )}
          </section>
          <section
            aria-label="The app’s real endpoint"
            data-testid="real-answer"
            data-verdict={damage.realStatus === 200 ? 'refused' : 'accepted'}
            className={`flex flex-col gap-1 rounded-lg border-2 bg-white p-3 ${damage.realStatus === 200 ? 'border-emerald-600' : 'border-red-600'}`}
          >
            <h3 className="font-semibold">The app’s real endpoint</h3>
            <p className={`text-lg font-bold ${damage.realStatus === 200 ? 'text-emerald-700' : 'text-red-700'}`}>
              {damage.realStatus === 200
                ? `attack refused: ${damage.realUser ?? 'the user'} is still signed in`
                : 'the forged logout went through'}
            </p>
            <p className="text-sm">
              GET /api/session/me → {damage.realStatus}. The forged POST /api/session/logout-all was answered 403 cross_site_request (see
              its tab): a browser does not attach a SameSite=Lax cookie to a cross-site POST, and the server refuses any state change whose
              Origin is another site.
            </p>
          </section>
        </div>
      )}
      <section aria-label="What the browser does" className="rounded-lg border border-slate-300 bg-white p-3 text-sm text-slate-800">
        <h2 className="font-semibold">What the browser decides</h2>
        <p>
          Chromium treats a cookie with no SameSite attribute as Lax, with one exception kept for single sign-on flows: for its first two
          minutes it is still sent on a cross-site top-level POST. Checked in this Chromium (156): the forged form carried lab_flagless when
          the cookie was seconds old, and no longer did after two minutes; lab_flagless_none (SameSite=None; Secure, the old default and a
          common setting) went with it both times. So without SameSite this CSRF works right after login, and with None it works always.
          Older browsers send a cookie without the attribute every time. The panel above says what happened on this run.
        </p>
      </section>
    </div>
  );
}
