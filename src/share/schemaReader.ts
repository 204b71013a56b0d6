/**
 * Reading untrusted JSON into typed values, one field at a time. Each reader checks the value and returns it
 * typed, or throws a SchemaError whose message names the field's path ("results.runs[3].accuracy") and what
 * is allowed. Objects must have exactly the expected keys: an unknown key (a typo, "__proto__", a newer
 * format) is refused rather than ignored, and the caller builds fresh objects from the checked fields, so
 * nothing of the input's own shape reaches the page.
 */
import { QUOTE_CHARS } from './limits';

export class SchemaError extends Error {}

export function fail(path: string, problem: string): never {
  throw new SchemaError(`${path} ${problem}`);
}

/** A short, safe description of what was found, for messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text “${v.length > QUOTE_CHARS ? `${v.slice(0, QUOTE_CHARS)}…` : v}”`;
  if (typeof v === 'number') return String(v);
  return typeof v === 'object' ? 'an object' : typeof v;
}

export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** An object with exactly `keys`. */
export function record<K extends string>(v: unknown, path: string, keys: readonly K[]): Record<K, unknown> {
  if (!isPlainRecord(v)) fail(path, `must be an object; got ${describe(v)}.`);
  for (const k of Object.keys(v)) {
    if (!(keys as readonly string[]).includes(k)) fail(path, `has an unknown field “${k.slice(0, QUOTE_CHARS)}”; expected ${keys.join(', ')}.`);
  }
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) fail(path, `is missing the field “${k}”.`);
  }
  return v as Record<K, unknown>;
}

/** Any object whose values a caller checks itself (a method's parameters, checked by its `validate`). */
export function plainObject(v: unknown, path: string): Record<string, unknown> {
  if (!isPlainRecord(v)) fail(path, `must be an object; got ${describe(v)}.`);
  return v;
}

export function number(v: unknown, path: string, min: number, max: number, integer = false): number {
  const ok = typeof v === 'number' && Number.isFinite(v) && (!integer || Number.isInteger(v)) && v >= min && v <= max;
  if (!ok) fail(path, `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}; got ${describe(v)}.`);
  return v as number;
}

/** A fraction in [0, 1]: an accuracy, a precision, a threshold. */
export const fraction = (v: unknown, path: string): number => number(v, path, 0, 1);

export function text(v: unknown, path: string, maxChars: number): string {
  if (typeof v !== 'string') fail(path, `must be text; got ${describe(v)}.`);
  if (v.length > maxChars) fail(path, `is ${v.length} characters long; at most ${maxChars} are allowed.`);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, choices: readonly T[]): T {
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) fail(path, `must be one of ${choices.join(', ')}; got ${describe(v)}.`);
  return v as T;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, `must be true or false; got ${describe(v)}.`);
  return v;
}

export function list(v: unknown, path: string, min: number, max: number): unknown[] {
  if (!Array.isArray(v)) fail(path, `must be a list; got ${describe(v)}.`);
  if (v.length < min || v.length > max) fail(path, `must hold ${min === max ? min : `${min} to ${max}`} entries; it holds ${v.length}.`);
  return v;
}

export const nullable = <T>(v: unknown, read: (v: unknown) => T): T | null => (v === null ? null : read(v));
