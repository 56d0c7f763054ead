import 'server-only';
import { readFile } from 'node:fs/promises';
import { parseBenchReport, type BenchReportRead } from '@/lib/costs/parse-bench-report';

/**
 * Reads and validates the bench report at `file`, at request time, so a fresh `npm run bench` shows
 * without a rebuild. Never throws: an unreadable, non-JSON or wrongly shaped file is reported as
 * such, and the Costs view says there is no bench run to show.
 */
export async function readBenchReport(file: string): Promise<BenchReportRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { ok: false, problem: 'missing', detail: 'docs/bench/latest.json does not exist' }
      : { ok: false, problem: 'malformed', detail: `the report could not be read (${code ?? 'unknown error'})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'malformed', detail: 'the report is not JSON' };
  }
  const parsed = parseBenchReport(value);
  return parsed.ok ? parsed : { ok: false, problem: 'malformed', detail: parsed.reason };
}
