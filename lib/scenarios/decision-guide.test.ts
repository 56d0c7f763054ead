import { describe, expect, it } from 'vitest';
import { parseDashboardView, parseUrlState } from '@/lib/dashboard/url-state';
import { completeAnswers, dashboardHref, GUIDE_QUESTIONS, recommend, type GuideAnswers, type Strategy } from './decision-guide';

/** Every combination of the four answers, from the questions themselves. */
function allAnswerCombinations(): GuideAnswers[] {
  let combos: Partial<GuideAnswers>[] = [{}];
  for (const question of GUIDE_QUESTIONS) {
    combos = combos.flatMap((partial) => question.choices.map((choice) => ({ ...partial, [question.key]: choice.value })));
  }
  return combos.map((partial) => {
    const complete = completeAnswers(partial);
    if (complete === null) throw new Error('a combination missed a question');
    return complete;
  });
}

const ALL = allAnswerCombinations();

/** The pick for each combination, written out by hand from the article (clients / services / revocation / store). */
const EXPECTED: Record<string, Strategy> = {
  'browser-only/one/immediate/nearby': 'session-cookies',
  'browser-only/one/immediate/far': 'session-cookies',
  'browser-only/one/within-minutes/nearby': 'session-cookies',
  'browser-only/one/within-minutes/far': 'jwt-refresh',
  'browser-only/many/immediate/nearby': 'jwt-refresh-denylist',
  'browser-only/many/immediate/far': 'jwt-short-refresh',
  'browser-only/many/within-minutes/nearby': 'jwt-refresh',
  'browser-only/many/within-minutes/far': 'jwt-refresh',
  'mobile-or-third-party/one/immediate/nearby': 'jwt-refresh-denylist',
  'mobile-or-third-party/one/immediate/far': 'jwt-short-refresh',
  'mobile-or-third-party/one/within-minutes/nearby': 'jwt-refresh',
  'mobile-or-third-party/one/within-minutes/far': 'jwt-refresh',
  'mobile-or-third-party/many/immediate/nearby': 'jwt-refresh-denylist',
  'mobile-or-third-party/many/immediate/far': 'jwt-short-refresh',
  'mobile-or-third-party/many/within-minutes/nearby': 'jwt-refresh',
  'mobile-or-third-party/many/within-minutes/far': 'jwt-refresh',
};

const keyOf = ({ clients, services, revocation, store }: GuideAnswers) => `${clients}/${services}/${revocation}/${store}`;

describe('recommend', () => {
  it('covers all sixteen answer combinations', () => {
    expect(ALL).toHaveLength(16);
    expect(new Set(ALL.map(keyOf))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  it.each(ALL)('recommends the expected strategy for %j', (answers) => {
    expect(recommend(answers).strategy).toBe(EXPECTED[keyOf(answers)]);
  });

  it('picks session cookies for the article’s internal admin dashboard (browser-only, one backend, immediate, Redis nearby)', () => {
    const pick = recommend({ clients: 'browser-only', services: 'one', revocation: 'immediate', store: 'nearby' });
    expect(pick.strategy).toBe('session-cookies');
    expect(pick.caveats).toEqual([]);
    expect(dashboardHref(pick.dashboard)).toBe('/?ttl=900&denylist=0');
  });

  it('picks short access tokens and refresh tokens for the article’s mobile app and SPA sharing an API', () => {
    const pick = recommend({ clients: 'mobile-or-third-party', services: 'one', revocation: 'within-minutes', store: 'far' });
    expect(pick.strategy).toBe('jwt-refresh');
    expect(pick.reasons.join(' ')).toMatch(/bearer token/);
  });

  it('adds the denylist only where the store is close enough to check on every request', () => {
    const base = { clients: 'browser-only', services: 'many', revocation: 'immediate' } as const;
    expect(recommend({ ...base, store: 'nearby' }).dashboard).toMatchObject({ denylist: true });
    expect(recommend({ ...base, store: 'far' }).dashboard).toMatchObject({ denylist: false, ttlSeconds: 60 });
    expect(recommend({ ...base, store: 'far' }).caveats.join(' ')).toMatch(/not immediate/);
  });

  it('keeps session cookies for a browser-only monolith needing immediate revocation with a far store, and says what it costs', () => {
    const pick = recommend({ clients: 'browser-only', services: 'one', revocation: 'immediate', store: 'far' });
    expect(pick.strategy).toBe('session-cookies');
    expect(pick.caveats.join(' ')).toMatch(/waits for the store/);
    expect(dashboardHref(pick.dashboard)).toBe('/?view=costs');
  });

  it('gives at least two reasons for every pick, and no reason twice', () => {
    for (const answers of ALL) {
      const { reasons } = recommend(answers);
      expect(reasons.length).toBeGreaterThanOrEqual(2);
      expect(new Set(reasons).size).toBe(reasons.length);
    }
  });

  it.each(ALL)('links %j to a dashboard setup the dashboard itself parses back', (answers) => {
    const { dashboard } = recommend(answers);
    const params = new URLSearchParams(dashboardHref(dashboard).slice('/?'.length));
    expect(parseDashboardView(params)).toBe(dashboard.view);
    if (dashboard.view === 'race') expect(parseUrlState(params)).toMatchObject({ ttl: dashboard.ttlSeconds, denylist: dashboard.denylist });
  });
});

describe('completeAnswers', () => {
  it('is null until all four questions are answered', () => {
    expect(completeAnswers({})).toBeNull();
    expect(completeAnswers({ clients: 'browser-only', services: 'one', revocation: 'immediate' })).toBeNull();
    expect(completeAnswers({ clients: 'browser-only', services: 'one', revocation: 'immediate', store: 'far' })).not.toBeNull();
  });
});
