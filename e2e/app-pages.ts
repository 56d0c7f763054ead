import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The URL paths of the app's pages (`page.tsx`) or API routes (`route.ts`) under an app folder,
 * read from disk at test time, so a page or route added later is covered without editing a spec.
 * A missing folder has none. Private folders (`_x`) and route groups (`(x)`) add no segment; a dynamic segment (`[x]`) is `x`.
 */
export function appPaths(folder: string, kind: 'page' | 'route'): string[] {
  const file = kind === 'page' ? /^page\.tsx$/ : /^route\.ts$/;
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (file.test(name)) {
        const segments = path
          .relative('app', dir)
          .split(path.sep)
          .filter((segment) => segment !== '' && !segment.startsWith('_') && !segment.startsWith('('))
          .map((segment) => (segment.startsWith('[') ? 'x' : segment));
        found.push(`/${segments.join('/')}`);
      }
    }
  };
  if (existsSync(folder)) walk(folder);
  return found.sort();
}
