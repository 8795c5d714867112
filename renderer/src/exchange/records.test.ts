import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExchangeError } from './errors';
import { decodeRecord, encodeRecord } from './records';

const roundTrip = (value: unknown) => decodeRecord(encodeRecord(value));

describe('record encoding', () => {
  it('keeps bytes, dates and numbers JSON cannot say', () => {
    const record = {
      id: 'doc-1',
      bytes: Uint8Array.from([0, 1, 2, 253, 254, 255]),
      empty: new Uint8Array(0),
      buffer: Uint8Array.from([9, 8, 7]).buffer,
      at: new Date('2026-11-23T08:00:00.000Z'),
      invalidDate: new Date(Number.NaN),
      numbers: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1.5, -2],
      holes: [1, undefined, null],
      nested: { deeper: [{ bytes: Uint8Array.from([42]) }] },
    };
    const back = roundTrip(record) as typeof record;
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(back.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(back.buffer)]).toEqual([9, 8, 7]);
    expect(back.at).toBeInstanceOf(Date);
    expect(Number.isNaN(back.invalidDate.getTime())).toBe(true);
    expect(Object.is(back.numbers[3], -0)).toBe(true);
    expect(back.holes).toEqual([1, undefined, null]);
    expect(back).toEqual({ ...record, invalidDate: back.invalidDate });
  });

  it('keeps Uzbek apostrophes and Cyrillic as written', () => {
    const record = { name: 'Gʻulomova Oʻgʻiloy', letter: 'Maʼruza', cyrillic: 'Ғуломова Ўғилой Қодировна', emoji: '👨‍👩‍👧', lone: '\ud800' };
    expect(roundTrip(record)).toEqual(record);
  });

  it('never mistakes a stored "$t" field for a tag', () => {
    const record = { $t: 'bytes', v: 'AAAA', inner: { $t: 'date', v: 0 }, list: [{ $t: 'obj', v: { $t: 'undef' } }] };
    expect(roundTrip(record)).toEqual(record);
  });

  it('keeps a "__proto__" key as data and never touches the prototype', () => {
    const record = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const back = roundTrip(record) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.hasOwn(back, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops properties holding undefined, as JSON does', () => {
    expect(roundTrip({ a: 1, b: undefined })).toStrictEqual({ a: 1 });
  });

  it.each([
    ['Map', new Map()],
    ['Set', new Set()],
    ['Uint16Array', new Uint16Array(2)],
    ['class instance', new (class Thing {})()],
    ['bigint', 1n],
    ['function', () => 1],
  ])('refuses a %s rather than losing it', (_name, value) => {
    expect(() => encodeRecord({ value })).toThrow(ExchangeError);
  });

  it('round-trips any record of JSON, bytes and dates', () => {
    const leaf = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.uint8Array({ maxLength: 64 }),
      fc.date({ noInvalidDate: true }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), (record) => {
        expect(roundTrip(record)).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });
});
