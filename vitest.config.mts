import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Vitest 5 formats failures with Map.groupBy, which Node 20 lacks; without this a failing test
// crashes the reporter instead of being reported. Harmless on Node 21+.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const k = keyOf(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside React Server Components; unit tests are server code too.
      'server-only': fileURLToPath(new URL('./test-utils/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'test-utils/**/*.test.ts', 'services/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Each file starts its own redis-server on a free port, so files may run in parallel.
    fileParallelism: true,
  },
});
