import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS } from '@/lib/policy';
import { dashboardViewHref, describeProposal, parseDashboardView, parseUrlState, settingsProposal, urlStateQuery } from './url-state';

describe('parseUrlState', () => {
  it('reads a bookmarked setup from a query string or from Next.js searchParams', () => {
    const expected = { present: true, interval: 500, ttl: 10, denylist: false };
    expect(parseUrlState(new URLSearchParams('present=1&ttl=10&denylist=0&interval=500'))).toEqual(expected);
    expect(parseUrlState({ present: '1', ttl: ['10', '20'], denylist: '0', interval: '500' })).toEqual(expected);
  });

  it('falls back to defaults for anything missing or out of bounds', () => {
    expect(parseUrlState(new URLSearchParams(''))).toEqual({ present: false, interval: 1000, ttl: null, denylist: null });
    const { min, max } = ACCESS_TOKEN_TTL_SECONDS;
    expect(parseUrlState({ ttl: String(min - 1) }).ttl).toBeNull();
    expect(parseUrlState({ ttl: String(max + 1) }).ttl).toBeNull();
    expect(parseUrlState({ ttl: String(min) }).ttl).toBe(min);
    expect(parseUrlState({ ttl: String(max) }).ttl).toBe(max);
    expect(parseUrlState({ ttl: '7.5', interval: '300', denylist: 'yes', present: 'true' })).toEqual({
      present: false,
      interval: 1000,
      ttl: null,
      denylist: null,
    });
  });
});

describe('urlStateQuery', () => {
  it('writes the setup back, leaving defaults out and other parameters alone', () => {
    expect(urlStateQuery(new URLSearchParams('x=1&present=1'), { present: false, interval: 1000, settings: null })).toBe('?x=1');
    expect(
      urlStateQuery(new URLSearchParams(''), { present: true, interval: 250, settings: { accessTokenTtlSeconds: 5, denylist: true } }),
    ).toBe('?present=1&interval=250&ttl=5&denylist=1');
    expect(urlStateQuery(new URLSearchParams(''), { present: false, interval: 1000, settings: null })).toBe('');
  });

  it('round-trips through parseUrlState', () => {
    const query = urlStateQuery(new URLSearchParams(''), {
      present: true,
      interval: 2000,
      settings: { accessTokenTtlSeconds: 60, denylist: false },
    });
    expect(parseUrlState(new URLSearchParams(query))).toEqual({ present: true, interval: 2000, ttl: 60, denylist: false });
  });
});

describe('settingsProposal', () => {
  const current = { accessTokenTtlSeconds: 900, denylist: false };

  it('is what the link would change, and nothing when it changes nothing', () => {
    expect(settingsProposal({ ttl: 60, denylist: true }, current)).toEqual({ accessTokenTtlSeconds: 60, denylist: true });
    expect(settingsProposal({ ttl: 900, denylist: true }, current)).toEqual({ denylist: true });
    expect(settingsProposal({ ttl: 900, denylist: false }, current)).toBeNull();
    expect(settingsProposal({ ttl: null, denylist: null }, current)).toBeNull();
  });

  it('is described in words for the banner', () => {
    expect(describeProposal({ accessTokenTtlSeconds: 60, denylist: true })).toBe('access tokens live 60 s, denylist on');
    expect(describeProposal({ denylist: false })).toBe('denylist off');
  });
});

describe('the dashboard view in the URL', () => {
  it('is the race unless the URL asks for the costs', () => {
    expect(parseDashboardView(new URLSearchParams('view=costs'))).toBe('costs');
    expect(parseDashboardView({ view: ['costs', 'race'] })).toBe('costs');
    expect(parseDashboardView(new URLSearchParams(''))).toBe('race');
    expect(parseDashboardView({ view: 'anything' })).toBe('race');
  });

  it('links to each view keeping presenter mode and the interval', () => {
    expect(dashboardViewHref('costs', { present: true, interval: 500 })).toBe('/?view=costs&present=1&interval=500');
    expect(dashboardViewHref('race', { present: true, interval: 1000 })).toBe('/?present=1');
    expect(dashboardViewHref('race', { present: false, interval: 1000 })).toBe('/');
  });
});
