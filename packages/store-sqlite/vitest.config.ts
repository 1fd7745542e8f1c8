import { defineProject } from 'vitest/config';

export default defineProject({
  // Run the engine from its sources (its `@pravah/source` export), as the root tsconfig paths do.
  resolve: { conditions: ['@pravah/source'] },
  ssr: { resolve: { conditions: ['@pravah/source'] } },
  test: {
    name: 'store-sqlite',
    include: ['test/**/*.test.ts'],
  },
});
