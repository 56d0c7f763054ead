import { describe, expect, it } from 'vitest';
import { checkCrossSiteRequest, deriveAppOrigin } from './cross-site';

const app = 'http://127.0.0.1:3000';

describe('checkCrossSiteRequest', () => {
  it('lets GET through whatever its headers say (GET never changes state)', () => {
    expect(checkCrossSiteRequest({ method: 'GET', secFetchSite: 'cross-site', origin: 'https://evil.example', appOrigin: app }).ok).toBe(
      true,
    );
  });

  it('refuses a POST marked Sec-Fetch-Site: cross-site even without Origin', () => {
    expect(checkCrossSiteRequest({ method: 'POST', secFetchSite: 'cross-site', origin: null, appOrigin: app })).toMatchObject({
      ok: false,
      code: 'cross_site_request',
    });
  });

  it('refuses a POST whose Origin is another site even without Sec-Fetch-Site', () => {
    expect(checkCrossSiteRequest({ method: 'DELETE', secFetchSite: null, origin: 'https://evil.example', appOrigin: app })).toMatchObject({
      ok: false,
    });
  });

  it('refuses the opaque "null" Origin of sandboxed frames and file: pages', () => {
    expect(checkCrossSiteRequest({ method: 'POST', secFetchSite: null, origin: 'null', appOrigin: app }).ok).toBe(false);
  });

  it('accepts a same-origin POST and one from a client that sends neither header', () => {
    expect(checkCrossSiteRequest({ method: 'POST', secFetchSite: 'same-origin', origin: app, appOrigin: app }).ok).toBe(true);
    expect(checkCrossSiteRequest({ method: 'POST', secFetchSite: null, origin: null, appOrigin: app }).ok).toBe(true);
  });

  it('derives the app origin from Host, or uses the configured public origin', () => {
    expect(deriveAppOrigin('http://0.0.0.0:3000/api/x', '127.0.0.1:3000', null)).toBe('http://127.0.0.1:3000');
    expect(deriveAppOrigin('http://10.0.0.5:3000/api/x', '10.0.0.5:3000', 'https://demo.example.org')).toBe('https://demo.example.org');
  });
});
