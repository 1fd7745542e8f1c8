/** `@pravah/engine/testing`: the test kit. */
export { createTestEngine } from './create-test-engine.js';
export type { TestEngine, TestEngineOptions } from './create-test-engine.js';
export { TestClock } from './test-clock.js';
export { assertThatInstance, passedElements, ProcessAssertionError } from './assertions.js';
