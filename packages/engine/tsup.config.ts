import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  splitting: true,
  // Inline the moddle extension schemas: Node needs import attributes for JSON, which bundlers drop.
  noExternal: [/bpmn-moddle\/resources\/.*\.json$/],
  target: 'node20',
});
