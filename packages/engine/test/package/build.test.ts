import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The published shape: tsup builds ESM + CJS + d.ts, and both module systems load and run. */
const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const xml = readFileSync(new URL('../fixtures/script.bpmn', import.meta.url), 'utf8');
let outDir: string;

describe('package build', () => {
  beforeAll(() => {
    // inside the package, so the build's imports resolve against its node_modules
    mkdirSync(join(packageDir, '.tmp'), { recursive: true });
    outDir = mkdtempSync(join(packageDir, '.tmp', 'build-'));
    execFileSync('pnpm', ['exec', 'tsup', '--out-dir', outDir, '--no-dts'], { cwd: packageDir, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('loads as ESM and runs a process', async () => {
    const engineModule = await import(pathToFileURL(join(outDir, 'index.js')).href);
    const engine = engineModule.createEngine();
    await engine.deploy(xml);
    const instance = await engine.start('script', { variables: { price: 3, quantity: 2 } });
    expect(instance.variables.total).toBe(6);
    engine.close();
  });

  it('loads as CommonJS, testing entry included, sharing one copy of the classes', async () => {
    const require = createRequire(import.meta.url);
    const main = require(join(outDir, 'index.cjs'));
    const testing = require(join(outDir, 'testing.cjs'));
    const engine = testing.createTestEngine();
    const failure = await engine.start('missing').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(main.EngineError);
    expect(main.isEngineError(failure)).toBe(true);
  });
});
