/**
 * Parameter validation shared by all methods: each method lists its fields with their kind and limits, and
 * gets one checker that fills defaults, rejects unknown keys (a typo such as "step" must not silently fall
 * back to the default) and explains what is allowed.
 */
import type { Validation } from './types';
import { choiceField, numberField, type Field } from '../config/field';

export type FieldSpec =
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'choice'; choices: readonly string[] };

export type FieldSpecs<P> = { readonly [K in keyof P]: FieldSpec };

/** Limits shared by the methods that take these parameters. */
export const LIMITS = {
  /** IG steps: one image's steps must fit one tf.grad call (chunk.ts ROWS_PER_CALL). */
  steps: { kind: 'integer', min: 1, max: 1024 },
  samples: { kind: 'integer', min: 1, max: 256 },
  /** σ as a fraction of the image's value range; 0 turns the noise off. */
  sigmaFraction: { kind: 'number', min: 0, max: 1 },
} as const satisfies Record<string, FieldSpec>;

export function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function checkField(methodId: string, key: string, value: unknown, spec: FieldSpec): string | null {
  if (spec.kind === 'choice') {
    return typeof value === 'string' && spec.choices.includes(value)
      ? null
      : `${methodId}: ${key} must be one of ${spec.choices.join(', ')}; got ${JSON.stringify(value)}`;
  }
  const what = `${spec.kind === 'integer' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (spec.kind !== 'integer' || Number.isInteger(value)) &&
    value >= spec.min &&
    value <= spec.max;
  return ok ? null : `${methodId}: ${key} must be ${what}; got ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
}

/**
 * Checks `raw` (undefined means all defaults) against `specs`. Keys in `checkedByCaller` are accepted and
 * left out of the result: the caller validates them itself (a wrapper's nested base parameters).
 */
export function validateFields<P extends object>(
  methodId: string,
  raw: unknown,
  defaults: P,
  specs: FieldSpecs<P>,
  checkedByCaller: readonly string[] = [],
): Validation<P> {
  if (raw === undefined) return { params: { ...defaults } };
  if (!isPlainObject(raw)) return { error: `${methodId}: parameters must be an object; got ${JSON.stringify(raw)}` };
  const known = [...Object.keys(specs), ...checkedByCaller];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      return { error: `${methodId}: unknown parameter "${key}"; ${known.length ? `known: ${known.join(', ')}` : 'it takes none'}` };
    }
  }
  const params = { ...defaults } as Record<string, unknown>;
  for (const key of Object.keys(specs)) {
    if (raw[key] === undefined) continue;
    const error = checkField(methodId, key, raw[key], specs[key as keyof P]);
    if (error) return { error };
    params[key] = raw[key];
  }
  return { params: params as P };
}

/** A method parameter as a setting (config/field.ts): for flags and forms that read it from text. */
export function paramField(spec: FieldSpec, label: string, hint = ''): Field<unknown> {
  if (spec.kind === 'choice') return choiceField({ label, hint, words: Object.fromEntries(spec.choices.map((c) => [c, c])) }) as Field<unknown>;
  return numberField({ label, hint, min: spec.min, max: spec.max, integer: spec.kind === 'integer' }) as Field<unknown>;
}
