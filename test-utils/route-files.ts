import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface RouteFile {
  /** The URL path, dynamic segments as written: `/api/session/sessions/[id]`. */
  path: string;
  /** The module's absolute file name, for a dynamic import. */
  file: string;
  /** The HTTP methods the module exports. */
  methods: string[];
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const STATE_CHANGING_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

function findRouteModules(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return findRouteModules(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

/**
 * Every route handler of the app, read from the source (`app/**\/route.ts` and the methods each
 * exports), so that a route added later is attacked and fuzzed without anyone editing the suites.
 */
export function listRouteFiles(root: string = process.cwd()): RouteFile[] {
  const appDirectory = join(root, 'app');
  return findRouteModules(appDirectory)
    .map((file) => {
      const source = readFileSync(file, 'utf8');
      const methods = HTTP_METHODS.filter((method) =>
        new RegExp(`export\\s+(?:const\\s+${method}\\s*=|(?:async\\s+)?function\\s+${method}\\s*\\()`).test(source),
      );
      const directory = relative(appDirectory, file).split(sep).slice(0, -1).join('/');
      return { path: `/${directory}`, file, methods };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
