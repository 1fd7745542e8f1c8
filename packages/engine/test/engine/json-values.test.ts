import { describe, expect, it } from 'vitest';
import { toJsonObject } from '../../src/engine/json-values.js';

describe('variables at the API edge', () => {
  it('deep-copies plain JSON, turning dates into ISO text and dropping undefined properties', () => {
    const input = { a: 1, nested: { list: [1, 'x', null, undefined], when: new Date('2026-01-02T03:04:05Z') }, gone: undefined };
    const copy = toJsonObject(input, 'variables');
    expect(copy).toEqual({ a: 1, nested: { list: [1, 'x', null, null], when: '2026-01-02T03:04:05.000Z' } });
    expect(copy.nested).not.toBe(input.nested);
  });

  it('keeps an own __proto__ key as data', () => {
    const copy = toJsonObject(JSON.parse('{"__proto__": {"polluted": true}}'), 'variables');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__']);
  });

  it.each([
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('x') }],
    ['a bigint', { b: 1n }],
    ['NaN', { n: Number.NaN }],
    ['a class instance', { m: new Map() }],
    ['an array at the top', [1]],
    ['a string at the top', 'x'],
  ])('refuses %s with INVALID_ARGUMENT', (_label, value) => {
    expect(() => toJsonObject(value, 'variables')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('refuses cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJsonObject(cyclic, 'variables')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
