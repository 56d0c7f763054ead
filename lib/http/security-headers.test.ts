import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyForPage, CROSS_SITE_LAB_PAGE_PATH, loopbackTwinOrigin, pageContentSecurityPolicy } from './security-headers';

function formAction(csp: string): string | undefined {
  return csp.split('; ').find((directive) => directive.startsWith('form-action'));
}

describe('page Content-Security-Policy', () => {
  it('keeps form-action to the page’s own origin on every page but the lab attacker page', () => {
    for (const pathname of ['/', '/lab', '/lab/cookie-flags', '/lab/cookie-flags/attacker/x', '/admin']) {
      const csp = contentSecurityPolicyForPage(pathname, 'http://127.0.0.1:3000', 'n0nce', false);
      expect(csp).toBe(pageContentSecurityPolicy('n0nce', false));
      expect(formAction(csp)).toBe("form-action 'self'");
    }
  });

  it('lets the lab attacker page post to exactly the app’s loopback twin origin', () => {
    expect(formAction(contentSecurityPolicyForPage(CROSS_SITE_LAB_PAGE_PATH, 'http://localhost:3000', 'n', false))).toBe(
      "form-action 'self' http://127.0.0.1:3000",
    );
    expect(formAction(contentSecurityPolicyForPage(CROSS_SITE_LAB_PAGE_PATH, 'http://127.0.0.1:4000', 'n', false))).toBe(
      "form-action 'self' http://localhost:4000",
    );
  });

  it('adds nothing for the attacker page on any other host', () => {
    const csp = contentSecurityPolicyForPage(CROSS_SITE_LAB_PAGE_PATH, 'https://demo.example.com', 'n', false);
    expect(formAction(csp)).toBe("form-action 'self'");
  });
});

describe('loopbackTwinOrigin', () => {
  it('swaps localhost and 127.0.0.1, keeping scheme and port', () => {
    expect(loopbackTwinOrigin('http://localhost:3420')).toBe('http://127.0.0.1:3420');
    expect(loopbackTwinOrigin('https://127.0.0.1')).toBe('https://localhost');
    expect(loopbackTwinOrigin('http://[::1]:3000')).toBeNull();
    expect(loopbackTwinOrigin('http://app.localhost:3000')).toBeNull();
    expect(loopbackTwinOrigin('not a url')).toBeNull();
  });
});
