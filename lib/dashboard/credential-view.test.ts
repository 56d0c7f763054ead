import { describe, expect, it } from 'vitest';
import { fingerprint, redactJwtSignature, redactSeal } from './credential-view';

describe('credential previews', () => {
  it('never contain enough of the secret to replay it', () => {
    const seal = 'Fe26.2*1*' + 'a'.repeat(300) + '*tail~2';
    const preview = redactSeal(seal);
    expect(preview.length).toBeLessThan(30);
    expect(seal.includes(preview)).toBe(false);
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.' + 'S'.repeat(86);
    expect(redactJwtSignature(jwt)).toBe('SSSSSS…');
  });

  it('fingerprints secrets stably', () => {
    expect(fingerprint('secret')).toBe(fingerprint('secret'));
    expect(fingerprint('secret')).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint('secret')).not.toBe(fingerprint('secreT'));
  });
});
