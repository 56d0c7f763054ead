import { describe, expect, it } from 'vitest';
import { buildBenchReportFixture } from '@/test-utils/bench-report-fixture';
import { routeFigures, snapshotFromBench } from './costs-snapshot';
import { parseBenchReport } from './parse-bench-report';

describe('parseBenchReport', () => {
  it('accepts a complete report and keeps its figures', () => {
    const report = buildBenchReportFixture();
    const parsed = parseBenchReport(JSON.parse(JSON.stringify(report)));
    expect(parsed).toEqual({ ok: true, report });
  });

  it('accepts -1 store commands ("measured by neither", as the bench writes for a minimal route on memory) and shows it as unknown', () => {
    const report = buildBenchReportFixture();
    const routes = report.routes.map((entry, index) =>
      index === 0 ? { ...entry, storeCommandsPerRequest: -1 } : index === 1 ? { ...entry, storeCommandsPerRequest: -0.002 } : entry,
    );
    const parsed = parseBenchReport({ ...report, routes });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const snapshot = snapshotFromBench(parsed.report);
    expect(routeFigures(snapshot, routes[0]!.store, routes[0]!.route)?.storeCommandsPerRequest).toBeNull();
    expect(routeFigures(snapshot, routes[1]!.store, routes[1]!.route)?.storeCommandsPerRequest).toBe(0);
    expect(parseBenchReport({ ...report, routes: routes.map((entry) => ({ ...entry, storeCommandsPerRequest: -2 })) }).ok).toBe(false);
  });

  it('drops fields the report type does not declare', () => {
    const parsed = parseBenchReport({ ...buildBenchReportFixture(), extra: 'ignored' });
    expect(parsed.ok && 'extra' in parsed.report).toBe(false);
  });

  it.each([
    ['null', null, 'the report is not an object'],
    ['a list', [], 'the report is not an object'],
    ['another version', { ...buildBenchReportFixture(), version: 2 }, 'version is not 1'],
    ['a date that is not one', { ...buildBenchReportFixture(), date: 'yesterday' }, 'date is not a date'],
    ['a store missing from library', { ...buildBenchReportFixture(), library: {} }, 'library.memory is not an object'],
    ['phases that are not a list', { ...buildBenchReportFixture(), phases: {} }, 'phases is not a list'],
  ])('refuses %s', (_, value, reason) => {
    expect(parseBenchReport(value)).toEqual({ ok: false, reason });
  });

  it('names the first wrong field deep inside a list', () => {
    const report = buildBenchReportFixture();
    const routes = report.routes.map((entry, index) => (index === 3 ? { ...entry, requestsPerSecond: 'fast' } : entry));
    expect(parseBenchReport({ ...report, routes })).toEqual({ ok: false, reason: 'routes[3].requestsPerSecond is not a number ≥ 0' });
    const phases = report.phases.map((entry, index) => (index === 0 ? { ...entry, route: 'other' } : entry));
    expect(parseBenchReport({ ...report, phases })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^phases\[0\]\.route is not one of baseline/),
    });
  });

  it('refuses negative and non-finite numbers', () => {
    const report = buildBenchReportFixture();
    expect(parseBenchReport({ ...report, machine: { ...report.machine, cores: -1 } }).ok).toBe(false);
    expect(parseBenchReport({ ...report, settings: { ...report.settings, rounds: Infinity } }).ok).toBe(false);
  });
});
