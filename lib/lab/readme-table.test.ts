import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_CASES } from './catalogue';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe("the README's lab table", () => {
  it('lists every case of the catalogue, in order, with the words the pages show', () => {
    const rows = readme.split('\n').filter((line) => /^\| \d+ \| \[/.test(line));
    expect(rows).toEqual(
      LAB_CASES.map(
        (entry) => `| ${entry.number} | [${entry.title}](/lab/${entry.slug}) | ${entry.mistake} | ${entry.attack} | ${entry.defence} |`,
      ),
    );
  });
});
