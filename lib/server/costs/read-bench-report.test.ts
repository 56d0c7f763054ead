import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchReportFixture } from '@/test-utils/bench-report-fixture';
import { readBenchReport } from './read-bench-report';

describe('readBenchReport', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'bench-report-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const write = async (name: string, text: string) => {
    const file = path.join(directory, name);
    await writeFile(file, text);
    return file;
  };

  it('reads a valid report', async () => {
    const report = buildBenchReportFixture();
    expect(await readBenchReport(await write('valid.json', JSON.stringify(report)))).toEqual({ ok: true, report });
  });

  it('says the file is missing when there is none', async () => {
    expect(await readBenchReport(path.join(directory, 'nothing.json'))).toMatchObject({ ok: false, problem: 'missing' });
  });

  it('says the file is malformed when it is not JSON, cut short, or of another shape', async () => {
    const whole = JSON.stringify(buildBenchReportFixture());
    expect(await readBenchReport(await write('text.json', 'not json'))).toEqual({
      ok: false,
      problem: 'malformed',
      detail: 'the report is not JSON',
    });
    expect(await readBenchReport(await write('cut.json', whole.slice(0, whole.length / 2)))).toMatchObject({ problem: 'malformed' });
    expect(await readBenchReport(await write('shape.json', '{"version":1}'))).toEqual({
      ok: false,
      problem: 'malformed',
      detail: 'date is not a string',
    });
  });

  it('says a directory in its place cannot be read', async () => {
    expect(await readBenchReport(directory)).toMatchObject({ ok: false, problem: 'malformed', detail: expect.stringContaining('EISDIR') });
  });
});
