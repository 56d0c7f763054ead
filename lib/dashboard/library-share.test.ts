import { describe, expect, it } from 'vitest';
import { libraryCallOfPhase } from './library-share';

describe('libraryCallOfPhase', () => {
  it('sets each timed phase beside the library call it makes', () => {
    expect(libraryCallOfPhase('unseal')).toBe('unseal');
    expect(libraryCallOfPhase('verify')).toBe('verify');
    expect(libraryCallOfPhase('lookup')).toBe('storeGet');
    expect(libraryCallOfPhase('denylist')).toBe('storeGet');
    expect(libraryCallOfPhase('store')).toBeNull();
    expect(libraryCallOfPhase('constructor')).toBeNull();
  });
});
