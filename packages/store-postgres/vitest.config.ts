import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    // Test against the engine's sources, as the root tsconfig paths do.
    alias: [{ find: /^@pravah\/engine$/, replacement: fileURLToPath(new URL('../engine/src/index.ts', import.meta.url)) }],
  },
  test: {
    name: 'store-postgres',
    include: ['test/**/*.test.ts'],
    // Each test file works in its own schema of the one server.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
