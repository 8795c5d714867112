import { fromBase64, toBase64 } from './bytes';
import { ExchangeError } from './errors';

/**
 * Records travel as JSON, one per line. What JSON cannot say is written as a tagged object
 * `{"$t": tag, "v": value}`: `bytes` (Uint8Array, e.g. a stored document file, as base64), `buffer`
 * (ArrayBuffer), `date` (milliseconds), `num` (NaN, ±Infinity, -0), `undef` (undefined inside an
 * array), and `obj` for a record's own object that happens to have a `$t` key, so no stored value
 * is ever mistaken for a tag. Object properties holding `undefined` are left out, as JSON does.
 * Anything else (Map, Set, Blob, other typed arrays, class instances) is refused: IndexedDB could
 * hold them, but nothing in this app stores them, and guessing would lose data silently.
 */
const TAG = '$t';

export function encodeRecord(record: unknown): string {
  return JSON.stringify(encodeValue(record));
}

export function decodeRecord(line: string): unknown {
  return decodeValue(JSON.parse(line));
}

function encodeValue(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return { [TAG]: 'num', v: String(Object.is(value, -0) ? '-0' : value) };
    case 'undefined':
      return { [TAG]: 'undef' };
    case 'object':
      return value === null ? null : encodeObject(value);
    default:
      throw unsupported(typeof value);
  }
}

function encodeObject(value: object): unknown {
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Uint8Array) return { [TAG]: 'bytes', v: toBase64(value) };
  if (value instanceof ArrayBuffer) return { [TAG]: 'buffer', v: toBase64(new Uint8Array(value)) };
  if (value instanceof Date) return { [TAG]: 'date', v: value.getTime() };
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw unsupported(value.constructor?.name ?? 'object');
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    setOwn(out, key, encodeValue(item));
  }
  return Object.hasOwn(value, TAG) ? { [TAG]: 'obj', v: out } : out;
}

function decodeValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = decodeValue(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  if (Object.hasOwn(object, TAG)) return decodeTagged(object);
  return decodeProperties(object);
}

function decodeProperties(object: Record<string, unknown>): Record<string, unknown> {
  // In place: JSON.parse made every key an own data property, `__proto__` included, so plain
  // assignment writes the property and never the prototype.
  for (const key of Object.keys(object)) object[key] = decodeValue(object[key]);
  return object;
}

function decodeTagged(object: Record<string, unknown>): unknown {
  const v = object.v;
  switch (object[TAG]) {
    case 'bytes':
    case 'buffer': {
      const bytes = typeof v === 'string' ? fromBase64(v) : null;
      if (!bytes) break;
      return object[TAG] === 'bytes' ? bytes : bytes.buffer;
    }
    case 'date':
      if (typeof v === 'number' || v === null) return new Date(v ?? Number.NaN);
      break;
    case 'num':
      if (v === '-0') return -0;
      if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
      break;
    case 'undef':
      return undefined;
    case 'obj':
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return decodeProperties(v as Record<string, unknown>);
      break;
  }
  throw new SyntaxError('malformed tagged value');
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function unsupported(type: string): ExchangeError {
  return new ExchangeError('invalidInput', { reason: `unsupportedValue:${type}` });
}
