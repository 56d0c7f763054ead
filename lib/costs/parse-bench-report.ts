/**
 * Checks that a value read from docs/bench/latest.json has the shape of a `BenchReport`. Pure: the
 * server reads the file and hands the parsed JSON here. A file written by an older or newer bench,
 * edited by hand or cut short is refused with the first thing found wrong, so the Costs view says
 * "no bench run yet" instead of drawing nonsense or crashing.
 */
import {
  BENCH_PHASES,
  BENCH_ROUTES,
  BENCH_STORES,
  type BenchPhase,
  type BenchReport,
  type BenchRoute,
  type BenchStore,
  type LatencySummary,
} from './bench-report';

export type BenchReportParse = { ok: true; report: BenchReport } | { ok: false; reason: string };

/** The latest bench report as the server read it, or why there is none to show (a missing file is the normal first state). */
export type BenchReportRead = { ok: true; report: BenchReport } | { ok: false; problem: 'missing' | 'malformed'; detail: string };

class ShapeError extends Error {}

type Fields = Record<string, unknown>;

function object(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`${where} is not an object`);
  return value as Fields;
}

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ShapeError(`${where} is not a number ≥ 0`);
  return value;
}

/** Commands per request: -1 means "measured by neither"; a hair below 0 is Redis's idle polling subtracted. */
function commandsPerRequest(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -1) throw new ShapeError(`${where} is not a number ≥ -1`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${where} is not a string`);
  return value;
}

function flag(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(`${where} is not true or false`);
  return value;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, where: string): T {
  if (!allowed.includes(value as T)) throw new ShapeError(`${where} is not one of ${allowed.join(', ')}`);
  return value as T;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${where} is not a list`);
  return value;
}

function latency(value: unknown, where: string): LatencySummary {
  const fields = object(value, where);
  return {
    medianMs: finite(fields.medianMs, `${where}.medianMs`),
    p90Ms: finite(fields.p90Ms, `${where}.p90Ms`),
    samples: finite(fields.samples, `${where}.samples`),
  };
}

function readReport(value: unknown): BenchReport {
  const root = object(value, 'the report');
  if (root.version !== 1) throw new ShapeError('version is not 1');
  const date = text(root.date, 'date');
  if (Number.isNaN(Date.parse(date))) throw new ShapeError('date is not a date');
  const machine = object(root.machine, 'machine');
  const settings = object(root.settings, 'settings');
  const library = object(root.library, 'library');
  const libraryByStore: Partial<BenchReport['library']> = {};
  for (const store of BENCH_STORES) {
    const calls = object(library[store], `library.${store}`);
    libraryByStore[store] = {
      unseal: latency(calls.unseal, `library.${store}.unseal`),
      verify: latency(calls.verify, `library.${store}.verify`),
      storeGet: latency(calls.storeGet, `library.${store}.storeGet`),
    };
  }
  return {
    version: 1,
    date,
    machine: {
      cpuModel: text(machine.cpuModel, 'machine.cpuModel'),
      cores: finite(machine.cores, 'machine.cores'),
      node: text(machine.node, 'machine.node'),
      platform: text(machine.platform, 'machine.platform'),
      memoryGiB: finite(machine.memoryGiB, 'machine.memoryGiB'),
    },
    settings: {
      quick: flag(settings.quick, 'settings.quick'),
      rounds: finite(settings.rounds, 'settings.rounds'),
      secondsPerRoute: finite(settings.secondsPerRoute, 'settings.secondsPerRoute'),
      connections: finite(settings.connections, 'settings.connections'),
      sequentialRequests: finite(settings.sequentialRequests, 'settings.sequentialRequests'),
    },
    library: libraryByStore as BenchReport['library'],
    phases: list(root.phases, 'phases').map((entry, index) => {
      const fields = object(entry, `phases[${index}]`);
      return {
        store: oneOf<BenchStore>(BENCH_STORES, fields.store, `phases[${index}].store`),
        route: oneOf<BenchRoute>(BENCH_ROUTES, fields.route, `phases[${index}].route`),
        phase: oneOf<BenchPhase>(BENCH_PHASES, fields.phase, `phases[${index}].phase`),
        latency: latency(fields.latency, `phases[${index}].latency`),
      };
    }),
    routes: list(root.routes, 'routes').map((entry, index) => {
      const fields = object(entry, `routes[${index}]`);
      const where = (name: string) => `routes[${index}].${name}`;
      return {
        store: oneOf<BenchStore>(BENCH_STORES, fields.store, where('store')),
        route: oneOf<BenchRoute>(BENCH_ROUTES, fields.route, where('route')),
        requestsPerSecond: finite(fields.requestsPerSecond, where('requestsPerSecond')),
        latencyP50Ms: finite(fields.latencyP50Ms, where('latencyP50Ms')),
        latencyP99Ms: finite(fields.latencyP99Ms, where('latencyP99Ms')),
        cpuMicrosPerRequest: finite(fields.cpuMicrosPerRequest, where('cpuMicrosPerRequest')),
        storeCommandsPerRequest: commandsPerRequest(fields.storeCommandsPerRequest, where('storeCommandsPerRequest')),
        credentialBytes: finite(fields.credentialBytes, where('credentialBytes')),
        responseBytes: finite(fields.responseBytes, where('responseBytes')),
        errors: finite(fields.errors, where('errors')),
        non2xx: finite(fields.non2xx, where('non2xx')),
      };
    }),
    ratios: list(root.ratios, 'ratios').map((entry, index) => {
      const fields = object(entry, `ratios[${index}]`);
      return {
        store: oneOf<BenchStore>(BENCH_STORES, fields.store, `ratios[${index}].store`),
        name: text(fields.name, `ratios[${index}].name`),
        value: finite(fields.value, `ratios[${index}].value`),
        target: text(fields.target, `ratios[${index}].target`),
        met: flag(fields.met, `ratios[${index}].met`),
      };
    }),
  };
}

/**
 * Validates parsed JSON as a bench report, keeping only the declared fields.
 * @example parseBenchReport(JSON.parse(text)) // { ok: false, reason: 'version is not 1' }
 */
export function parseBenchReport(value: unknown): BenchReportParse {
  try {
    return { ok: true, report: readReport(value) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, reason: error.message };
    throw error;
  }
}
