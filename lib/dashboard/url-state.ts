/**
 * The dashboard's setup in its URL (`?present=1&ttl=10&denylist=0&interval=500`), so a presenter
 * can bookmark it. Pure: the page's server component parses it (the first render already has the
 * right layout), the client writes it back as things change.
 */
import { ACCESS_TOKEN_TTL_SECONDS } from '@/lib/policy';

/** How often each column asks its `/me`, in milliseconds. */
export const POLL_INTERVALS_MS: readonly number[] = [250, 500, 1000, 2000];
const DEFAULT_POLL_INTERVAL_MS = 1000;

export interface DashboardUrlState {
  present: boolean;
  interval: number;
  /**
   * Settings the link proposes; null: none. Never applied by opening the link (that would let any
   * page change the server's settings through a signed-in admin's browser): an admin is shown the
   * proposal and applies it with a click.
   */
  ttl: number | null;
  denylist: boolean | null;
}

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function first(params: URLSearchParams | SearchParamsRecord, key: string): string | null {
  if (params instanceof URLSearchParams) return params.get(key);
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function parseUrlState(params: URLSearchParams | SearchParamsRecord): DashboardUrlState {
  const interval = Number(first(params, 'interval'));
  const ttlParam = first(params, 'ttl');
  const ttl = ttlParam === null ? NaN : Number(ttlParam);
  const denylist = first(params, 'denylist');
  return {
    present: first(params, 'present') === '1',
    interval: POLL_INTERVALS_MS.includes(interval) ? interval : DEFAULT_POLL_INTERVAL_MS,
    ttl: Number.isInteger(ttl) && ttl >= ACCESS_TOKEN_TTL_SECONDS.min && ttl <= ACCESS_TOKEN_TTL_SECONDS.max ? ttl : null,
    denylist: denylist === '1' ? true : denylist === '0' ? false : null,
  };
}

export interface SettingsProposal {
  accessTokenTtlSeconds?: number;
  denylist?: boolean;
}

/** What the link proposes that differs from the server's current settings; null when nothing does. */
export function settingsProposal(
  wanted: Pick<DashboardUrlState, 'ttl' | 'denylist'>,
  current: { accessTokenTtlSeconds: number; denylist: boolean },
): SettingsProposal | null {
  const proposal: SettingsProposal = {};
  if (wanted.ttl !== null && wanted.ttl !== current.accessTokenTtlSeconds) proposal.accessTokenTtlSeconds = wanted.ttl;
  if (wanted.denylist !== null && wanted.denylist !== current.denylist) proposal.denylist = wanted.denylist;
  return Object.keys(proposal).length === 0 ? null : proposal;
}

/** The proposal in words, for the banner: "access tokens live 60 s, denylist on". */
export function describeProposal(proposal: SettingsProposal): string {
  const parts: string[] = [];
  if (proposal.accessTokenTtlSeconds !== undefined) parts.push(`access tokens live ${proposal.accessTokenTtlSeconds} s`);
  if (proposal.denylist !== undefined) parts.push(`denylist ${proposal.denylist ? 'on' : 'off'}`);
  return parts.join(', ');
}

/** The query string for the current setup, keeping any other parameters; '' for none. */
export function urlStateQuery(
  current: URLSearchParams,
  state: { present: boolean; interval: number; settings: { accessTokenTtlSeconds: number; denylist: boolean } | null },
): string {
  const params = new URLSearchParams(current);
  const set = (key: string, value: string | null) => (value === null ? params.delete(key) : params.set(key, value));
  set('present', state.present ? '1' : null);
  set('interval', state.interval === DEFAULT_POLL_INTERVAL_MS ? null : String(state.interval));
  if (state.settings) {
    set('ttl', String(state.settings.accessTokenTtlSeconds));
    set('denylist', state.settings.denylist ? '1' : '0');
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The dashboard's two views: the revocation race (the default) and the costs. */
export type DashboardView = 'race' | 'costs';

export function parseDashboardView(params: URLSearchParams | SearchParamsRecord): DashboardView {
  return first(params, 'view') === 'costs' ? 'costs' : 'race';
}

/** The link to `view`, keeping presenter mode and the poll interval. */
export function dashboardViewHref(view: DashboardView, state: { present: boolean; interval: number }): string {
  const query = urlStateQuery(new URLSearchParams(view === 'costs' ? { view } : {}), { ...state, settings: null });
  return `/${query}`;
}
