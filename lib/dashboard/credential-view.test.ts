import { describe, expect, it } from 'vitest';
import { cookieSizeBytes, describeCookie, fingerprint, redactJwtSignature, redactSeal } from './credential-view';

describe('credential previews', () => {
  it('never contain enough of the secret to replay it', () => {
    const seal = 'Fe26.2*1*' + 'a'.repeat(300) + '*tail~2';
    const preview = redactSeal(seal);
    expect(preview.length).toBeLessThan(30);
    expect(seal.includes(preview)).toBe(false);
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.' + 'S'.repeat(86);
    expect(redactJwtSignature(jwt)).toBe('SSSSSS…');
  });

  it('measures the bytes a cookie costs on every request and fingerprints secrets stably', () => {
    expect(cookieSizeBytes('__Host-session', 'abc')).toBe('__Host-session=abc'.length);
    expect(fingerprint('secret')).toBe(fingerprint('secret'));
    expect(fingerprint('secret')).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint('secret')).not.toBe(fingerprint('secreT'));
  });
});

describe('describeCookie', () => {
  it('measures the real value but carries only the preview', () => {
    const attributes = { httpOnly: true, secure: true, sameSite: 'Lax' as const, path: '/', maxAgeSeconds: 60, expiresAt: 0 };
    const view = describeCookie('__Host-session', 'Fe26.2*secret-value', 'Fe26.2*…', attributes);
    expect(view).toEqual({ name: '__Host-session', sizeBytes: '__Host-session=Fe26.2*secret-value'.length, preview: 'Fe26.2*…', attributes });
    expect(JSON.stringify(view)).not.toContain('secret-value');
  });
});
