/**
 * The article's "when to pick which", as four questions and one pure function from the answers to
 * a recommendation: what to use, why, what it costs, and the dashboard setup that shows it.
 */

type ClientKinds = 'browser-only' | 'mobile-or-third-party';
type Services = 'one' | 'many';
type Revocation = 'immediate' | 'within-minutes';
type StoreDistance = 'nearby' | 'far';

export interface GuideAnswers {
  clients: ClientKinds;
  services: Services;
  revocation: Revocation;
  store: StoreDistance;
}

/** One question, its choices in display order, and the words for each. */
export interface GuideQuestion<K extends keyof GuideAnswers = keyof GuideAnswers> {
  key: K;
  question: string;
  choices: readonly { value: GuideAnswers[K]; label: string }[];
}

export const GUIDE_QUESTIONS: readonly GuideQuestion[] = [
  {
    key: 'clients',
    question: 'Who calls your backend?',
    choices: [
      { value: 'browser-only', label: 'Browsers only, on our own domain' },
      { value: 'mobile-or-third-party', label: 'Also mobile apps or third-party clients' },
    ],
  },
  {
    key: 'services',
    question: 'How many services check who the caller is?',
    choices: [
      { value: 'one', label: 'One backend' },
      { value: 'many', label: 'Many services, each verifying on its own' },
    ],
  },
  {
    key: 'revocation',
    question: 'After a revocation, how soon must they be out?',
    choices: [
      { value: 'immediate', label: 'At their next request' },
      { value: 'within-minutes', label: 'Within a few minutes is fine' },
    ],
  },
  {
    key: 'store',
    question: 'A fast shared store (e.g. Redis) next to the servers?',
    choices: [
      { value: 'nearby', label: 'Yes, a lookup costs about a millisecond' },
      { value: 'far', label: 'No, or it is far away' },
    ],
  },
] as const;

export type Strategy = 'session-cookies' | 'jwt-refresh' | 'jwt-refresh-denylist' | 'jwt-short-refresh';

/** The dashboard setup that makes the recommendation visible (see lib/dashboard/url-state.ts). */
export type DashboardSetup =
  | {
      /** The revocation race, proposing these settings to a signed-in admin (applied with a click, never by the link alone). */
      view: 'race';
      /** Access-token lifetime to propose, in seconds. */
      ttlSeconds: number;
      denylist: boolean;
      /** What to watch once it is open. */
      watch: string;
    }
  | { view: 'costs'; watch: string };

export interface Recommendation {
  strategy: Strategy;
  title: string;
  reasons: string[];
  /** What the choice costs or leaves open, said plainly. */
  caveats: string[];
  dashboard: DashboardSetup;
}

const MINUTE = 60;

/** The dashboard URL for a setup: the race or the costs view, with the settings it proposes to an admin. */
export function dashboardHref(setup: DashboardSetup): string {
  if (setup.view === 'costs') return '/?view=costs';
  const params = new URLSearchParams();
  params.set('ttl', String(setup.ttlSeconds));
  params.set('denylist', setup.denylist ? '1' : '0');
  return `/?${params.toString()}`;
}

function sessionCookies(answers: GuideAnswers): Recommendation {
  const reasons = [
    'Only browsers on your own domain call you, so a cookie carries the credential with no client code at all.',
    'A single backend reads the session, so nothing else needs to verify a token on its own.',
  ];
  const caveats: string[] = [];
  if (answers.revocation === 'immediate')
    reasons.push('Deleting the session in the store refuses the very next request: “log everyone out now” is one operation.');
  else reasons.push('Revocation is immediate anyway, at no extra cost: the lookup you pay on each request is what makes it so.');
  if (answers.store === 'nearby') reasons.push('The store is next door, so the lookup on every request costs about a millisecond.');
  else
    caveats.push(
      'Every request waits for the store. With the store far away that wait is the price of immediate revocation: bring a replica or cache close to the servers, or accept it.',
    );
  return {
    strategy: 'session-cookies',
    title: 'Session cookies, with the sessions in a shared store',
    reasons,
    caveats,
    dashboard:
      answers.store === 'nearby'
        ? {
            view: 'race',
            ttlSeconds: 15 * MINUTE,
            denylist: false,
            watch:
              'Revoke the user: the session column is refused at once, while the JWT column keeps working until its 15-minute token expires.',
          }
        : {
            view: 'costs',
            watch: 'Compare what a session lookup costs with a local JWT verify, and add store latency to see the gap grow.',
          },
  };
}

/**
 * The article's pick: sessions for a browser-only app with one backend and a store at hand, JWT
 * access tokens plus revocable refresh tokens as soon as other clients or other services appear.
 * Immediate revocation on the JWT side means a denylist, which is a lookup per request again, so
 * it is only recommended where that lookup is cheap; otherwise the window is shrunk instead.
 */
export function recommend(answers: GuideAnswers): Recommendation {
  const browserMonolith = answers.clients === 'browser-only' && answers.services === 'one';
  if (browserMonolith && (answers.store === 'nearby' || answers.revocation === 'immediate')) return sessionCookies(answers);

  const reasons: string[] = [];
  if (answers.clients === 'mobile-or-third-party')
    reasons.push('Native and third-party clients send a bearer token in a header; cookies are a browser mechanism.');
  if (answers.services === 'many')
    reasons.push('Each service verifies the signature with the public key (JWKS) and needs no shared session store.');
  if (browserMonolith)
    reasons.push('Without a store nearby, a session lookup on every request is slow; a signature check needs no network at all.');
  reasons.push('The refresh token is looked up on every refresh, so revoking it still ends the user, once the access token runs out.');

  if (answers.revocation === 'within-minutes')
    return {
      strategy: 'jwt-refresh',
      title: 'Short JWT access tokens with revocable refresh tokens',
      reasons: [
        ...reasons,
        'A revoked user is out within one access-token lifetime (the article uses 15 minutes), which you said is acceptable.',
      ],
      caveats: [
        'Until the access token expires, a revoked or stolen token keeps working: keep the lifetime short, and the refresh token revocable.',
      ],
      dashboard: {
        view: 'race',
        // Shorter than the article's 15 minutes so a room can watch the window close.
        ttlSeconds: 5 * MINUTE,
        denylist: false,
        watch:
          'Revoke the user and watch the JWT column keep working until its access token expires, while the session column is refused at once.',
      },
    };

  if (answers.store === 'nearby')
    return {
      strategy: 'jwt-refresh-denylist',
      title: 'JWT access and refresh tokens, plus a revocation denylist',
      reasons: [
        ...reasons,
        'You need revocation at the next request, and your store is close: a denylist check per request closes the window for about a millisecond.',
      ],
      caveats: [
        'The denylist brings back one store lookup per request on every service that verifies: you keep the tokens for your clients, not the statelessness.',
      ],
      dashboard: {
        view: 'race',
        ttlSeconds: 5 * MINUTE,
        denylist: true,
        watch: 'With the denylist on, revoking the user stops the JWT column at its next request too; watch the store lookups it adds.',
      },
    };

  return {
    strategy: 'jwt-short-refresh',
    title: 'Very short JWT access tokens with revocable refresh tokens',
    reasons: [
      ...reasons,
      'Without a fast store a per-request denylist would cost as much as a session lookup, so the window is shrunk instead: a one-minute access token.',
    ],
    caveats: [
      'This is not immediate: a revoked user keeps access for up to one access-token lifetime. If that is truly unacceptable, you need a store close enough to check on every request.',
      'Clients refresh every minute, so the refresh endpoint carries more traffic.',
    ],
    dashboard: {
      view: 'race',
      ttlSeconds: MINUTE,
      denylist: false,
      watch: 'Revoke the user: the JWT column is refused within a minute, when its access token expires and the refresh is refused.',
    },
  };
}

/** Answers so far, some unanswered; the recommendation appears once all four are given. */
export type PartialAnswers = Partial<GuideAnswers>;

export function completeAnswers(answers: PartialAnswers): GuideAnswers | null {
  const { clients, services, revocation, store } = answers;
  return clients && services && revocation && store ? { clients, services, revocation, store } : null;
}
