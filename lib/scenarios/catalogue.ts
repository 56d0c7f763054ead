/**
 * The three scenario pages, in the order the index lists them. The URL of each is
 * `/scenarios/<slug>`.
 */
export interface Scenario {
  slug: 'admin-dashboard' | 'mobile-and-spa' | 'decision-guide';
  title: string;
  /** One sentence for the index: what the page lets you watch or decide. */
  summary: string;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    slug: 'admin-dashboard',
    title: 'Internal admin dashboard',
    summary:
      'Several people signed in with session cookies kept in Redis; one button logs all of them out, and every browser is refused on its very next request.',
  },
  {
    slug: 'mobile-and-spa',
    title: 'Mobile app and SPA sharing one API',
    summary:
      'A browser SPA on HttpOnly cookies and a simulated native app on bearer tokens call the same API; revoking the user ends both within one access-token lifetime, with the countdown on screen.',
  },
  {
    slug: 'decision-guide',
    title: 'Which one should I pick?',
    summary:
      'Four questions about your clients, services, revocation needs and store lead to a recommendation, its reasons, and the dashboard set up to show it.',
  },
];

export function findScenario(slug: Scenario['slug']): Scenario {
  const scenario = SCENARIOS.find((candidate) => candidate.slug === slug);
  if (!scenario) throw new Error(`No scenario "${slug}": add it to SCENARIOS in lib/scenarios/catalogue.ts.`);
  return scenario;
}
