import { describe, expect, it } from 'vitest';
import { deepEqual } from './mergeValues';

describe('deepEqual, which decides what changed since the base', () => {
  it('tells apart lists that differ where one has a hole, and treats a hole as undefined', () => {
    const holed = [, 'Rustam'];
    expect(deepEqual(holed, ['Anvar', 'Rustam'])).toBe(false);
    expect(deepEqual(['Anvar', 'Rustam'], holed)).toBe(false);
    expect(deepEqual(holed, [undefined, 'Rustam'])).toBe(true);
  });

  it('compares plain objects by value, a missing key as undefined, and bytes and dates by content', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(deepEqual(new Date('2026-12-01'), new Date('2026-12-01'))).toBe(true);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});
