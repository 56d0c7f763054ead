import { describe, expect, it } from 'vitest';
import { projectedCostMs, sessionOvertakesJwt, type ProjectionBase } from './latency-projection';

const base = (session: number | null, jwt: number | null, jwtDenylist: number | null = null, at = 0): ProjectionBase => ({
  measuredMs: { session, jwt, 'jwt-denylist': jwtDenylist },
  measuredAtLatencyMs: at,
});

describe('projectedCostMs', () => {
  it('adds the latency once per store round trip: session one, JWT none, JWT with denylist one', () => {
    const measured = base(0.4, 0.6, 0.9);
    expect(projectedCostMs(measured, 'session', 20)).toBeCloseTo(20.4);
    expect(projectedCostMs(measured, 'jwt', 20)).toBeCloseTo(0.6);
    expect(projectedCostMs(measured, 'jwt-denylist', 20)).toBeCloseTo(20.9);
  });

  it('takes out the simulated latency the measurement already included', () => {
    const measuredAt20 = base(20.4, 0.6, 20.9, 20);
    expect(projectedCostMs(measuredAt20, 'session', 0)).toBeCloseTo(0.4);
    expect(projectedCostMs(measuredAt20, 'jwt', 0)).toBeCloseTo(0.6);
    expect(projectedCostMs(measuredAt20, 'jwt-denylist', 5)).toBeCloseTo(5.9);
  });

  it('is null for a path that was not measured', () => {
    expect(projectedCostMs(base(0.4, 0.6), 'jwt-denylist', 5)).toBeNull();
  });
});

describe('sessionOvertakesJwt', () => {
  it('finds the latency where the session line crosses the flat JWT line', () => {
    const crossover = sessionOvertakesJwt(base(0.4, 0.6));
    expect(crossover.kind).toBe('at');
    expect(crossover.kind === 'at' && crossover.latencyMs).toBeCloseTo(0.2);
  });

  it('says the session is already costlier at 0 ms instead of inventing a crossover', () => {
    const crossover = sessionOvertakesJwt(base(1.57, 0.57));
    expect(crossover.kind).toBe('already');
    expect(crossover.kind === 'already' && crossover.gapMs).toBeCloseTo(1);
  });

  it('judges at 0 ms even when measured with simulated latency', () => {
    // Measured at 5 ms: the session paid 5.3, so 0.3 of its own against 0.6 for the JWT.
    const crossover = sessionOvertakesJwt(base(5.3, 0.6, null, 5));
    expect(crossover.kind === 'at' && crossover.latencyMs).toBeCloseTo(0.3);
  });

  it('is unknown without both paths', () => {
    expect(sessionOvertakesJwt(base(null, 0.6))).toEqual({ kind: 'unknown' });
    expect(sessionOvertakesJwt(base(0.4, null))).toEqual({ kind: 'unknown' });
  });
});
