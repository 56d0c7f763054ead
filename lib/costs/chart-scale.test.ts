import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationTick, formatRatio, niceAxis, scaleToAxis } from './chart-scale';

describe('niceAxis', () => {
  it('ends the axis at the next round number and ticks evenly', () => {
    expect(niceAxis(7.3)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceAxis(1.57)).toEqual({ max: 2, ticks: [0, 0.5, 1, 1.5, 2] });
    expect(niceAxis(3200)).toEqual({ max: 4000, ticks: [0, 1000, 2000, 3000, 4000] });
  });

  it('keeps a value that is already round as the end', () => {
    expect(niceAxis(10).max).toBe(10);
    expect(niceAxis(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives a unit axis when there is nothing to draw', () => {
    expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 0.5, 1] });
    expect(niceAxis(Number.NaN).max).toBe(1);
  });

  it('always ends at or above the largest value, whatever its magnitude', () => {
    for (const value of [0.00123, 0.9, 1, 1.01, 19.99, 250, 99_999]) {
      const axis = niceAxis(value);
      expect(axis.max).toBeGreaterThanOrEqual(value);
      expect(axis.ticks.at(-1)).toBe(axis.max);
      expect(axis.ticks.length).toBeLessThanOrEqual(11);
    }
  });
});

describe('scaleToAxis', () => {
  it('maps a value to pixels along the axis, clamped to it', () => {
    expect(scaleToAxis(5, 10, 300)).toBe(150);
    expect(scaleToAxis(20, 10, 300)).toBe(300);
    expect(scaleToAxis(-1, 10, 300)).toBe(0);
    expect(scaleToAxis(5, 0, 300)).toBe(0);
  });
});

describe('formatDuration and formatRatio', () => {
  it('reads as people say them', () => {
    expect(formatDuration(0.884)).toBe('884 µs');
    expect(formatDuration(1.114)).toBe('1.11 ms');
    expect(formatDuration(35.14)).toBe('35.1 ms');
    expect(formatDuration(120.4)).toBe('120 ms');
    expect(formatRatio(1.256)).toBe('1.26x');
    expect(formatRatio(2.14)).toBe('2.1x');
    expect(formatRatio(30.4)).toBe('30x');
  });
});

describe('formatDurationTick', () => {
  it('writes every tick of an axis in the same unit, without trailing zeros', () => {
    expect([0, 0.5, 1, 1.5].map((tick) => formatDurationTick(tick, 1.5))).toEqual(['0 ms', '0.5 ms', '1 ms', '1.5 ms']);
    expect([0, 0.2, 0.4].map((tick) => formatDurationTick(tick, 0.4))).toEqual(['0 µs', '200 µs', '400 µs']);
    expect(formatDurationTick(25, 40)).toBe('25 ms');
  });
});
