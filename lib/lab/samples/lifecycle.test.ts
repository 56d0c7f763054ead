import { describe, expect, it } from 'vitest';
import { LAB_COOKIES } from '../lab-cookies';
import { lifecycleCredentialSamples } from './lifecycle';

describe('lifecycleCredentialSamples', () => {
  it('gives one non-empty sample per credential kind, each naming a lab cookie that exists', async () => {
    const samples = await lifecycleCredentialSamples();
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const sample of samples) {
      expect(sample.value.length).toBeGreaterThan(0);
      if (sample.labCookie) expect(LAB_COOKIES[sample.labCookie].name).toMatch(/^lab_/);
    }
    expect(new Set(samples.map((sample) => sample.description)).size).toBe(samples.length);
  });
});
