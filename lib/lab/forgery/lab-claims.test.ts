import { describe, expect, it } from 'vitest';
import { LAB_AUDIENCE, LAB_ISSUER } from '../lab-identity';
import { checkLabClaims, labClaimsFor } from './lab-claims';
import { findLabTokenHolder, LAB_ADMIN, LAB_VICTIM, withAdminClaims } from './lab-users';

const NOW = 1_800_000_000_000;

describe('lab claims', () => {
  it('issues lab-issuer, lab-audience claims that pass the checks until they expire', () => {
    const claims = labClaimsFor(LAB_VICTIM, NOW);
    expect(claims).toMatchObject({ iss: LAB_ISSUER, aud: LAB_AUDIENCE, sub: 'usr_alice', role: 'user' });
    expect(checkLabClaims(claims, NOW).ok).toBe(true);
    expect(checkLabClaims(claims, NOW + 15 * 60_000).ok).toBe(false);
  });

  it('refuses another issuer or audience unless told to skip them, and unknown roles always', () => {
    const claims = labClaimsFor(LAB_VICTIM, NOW);
    expect(checkLabClaims({ ...claims, iss: 'session-vs-jwt' }, NOW).ok).toBe(false);
    expect(checkLabClaims({ ...claims, aud: 'x' }, NOW).ok).toBe(false);
    expect(checkLabClaims({ ...claims, iss: 'session-vs-jwt' }, NOW, { issuer: null }).ok).toBe(true);
    expect(checkLabClaims({ ...claims, role: 'root' }, NOW).ok).toBe(false);
  });

  it('issues to ordinary demo users only, and the attack edit names the admin', () => {
    expect(findLabTokenHolder(' Alice ')).toEqual(LAB_VICTIM);
    expect(findLabTokenHolder('admin')).toBeNull();
    expect(findLabTokenHolder(42)).toBeNull();
    expect(withAdminClaims({ sub: 'usr_alice', role: 'user', exp: 1 })).toEqual({
      sub: LAB_ADMIN.sub,
      username: 'admin',
      role: 'admin',
      exp: 1,
    });
  });
});
