import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COOKIES } from '@/lib/http/cookies';
import { LAB_COOKIE_PREFIX, LAB_COOKIES } from './lab-cookies';

const root = path.resolve(__dirname, '../..');
const LAB_FOLDERS = ['lib/lab', 'app/lab', 'app/api/lab'];
const SKIPPED = new Set(['node_modules', '.next', 'test-results', '.git', 'docs', 'public']);

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(name)) found.push(full);
  }
  return found;
}

const isLabFile = (relative: string) => LAB_FOLDERS.some((folder) => relative === folder || relative.startsWith(`${folder}/`));

/** Every module specifier a file imports (static, dynamic and re-exports). */
function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g,
  )) {
    specifiers.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return specifiers;
}

function resolvesIntoLab(fromFile: string, specifier: string): boolean {
  let target: string;
  if (specifier.startsWith('@/')) target = specifier.slice(2);
  else if (specifier.startsWith('.')) target = path.relative(root, path.resolve(path.dirname(fromFile), specifier));
  else return false;
  return isLabFile(target.split(path.sep).join('/'));
}

describe('lab isolation', () => {
  it('no module outside the lab folders imports lab code, so no real flow can run it', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(root)) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      // Tests may use lab credentials to prove they are refused (the e2e specs, the orders
      // service's tests); no real flow runs a test file.
      if (isLabFile(relative) || relative.startsWith('e2e/') || /\.test\.(ts|tsx|mts)$/.test(relative)) continue;
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (resolvesIntoLab(file, specifier)) offenders.push(`${relative} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds an import of lab code when there is one (the scan above can fail)', () => {
    const file = path.join(root, 'lib/session/session.ts');
    expect(importsOf("import { LAB_CASES } from '@/lib/lab/catalogue';").some((s) => resolvesIntoLab(file, s))).toBe(true);
    expect(importsOf("import x from '../lab/lab-keys';").some((s) => resolvesIntoLab(file, s))).toBe(true);
    expect(importsOf("import { readCookie } from '@/lib/http/cookies';").some((s) => resolvesIntoLab(file, s))).toBe(false);
  });

  it('every lab cookie is named lab_… and shares no name with any cookie of the app', () => {
    const realNames = Object.values(COOKIES).flatMap((spec) => [spec.secureName, spec.plainName]);
    for (const spec of Object.values(LAB_COOKIES)) {
      expect(spec.name.startsWith(LAB_COOKIE_PREFIX)).toBe(true);
      expect(realNames).not.toContain(spec.name);
    }
    expect(realNames.some((name) => name.startsWith(LAB_COOKIE_PREFIX))).toBe(false);
  });
});
