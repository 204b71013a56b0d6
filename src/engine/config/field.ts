/**
 * A setting defined once (issue 11): its label, a hint, what it allows, the control that edits it, its
 * schema (valibot), and how it reads from and writes to text. The forms, the URL codec, the CLI flags, the
 * results reader, the worker's guard and the browser's storage all take these from here, so a setting has
 * one set of rules and one way of saying what is wrong: "Seeds per cell: a whole number from 1 to 20".
 *
 * valibot rather than zod: its schemas are plain functions that a bundler drops when unused (a few kB in the
 * page against zod's ~50), every check takes its own message, and strictObject refuses unknown keys, which
 * is what a reader of strangers' files needs.
 */
import * as v from 'valibot';
import { decimalText, parseDecimal } from './decimal';
import { describeValue, quote } from './text';

export type Control =
  | { kind: 'integer' | 'number'; min: number; max: number }
  | { kind: 'choice'; choices: readonly string[]; words: Readonly<Record<string, string>> }
  | { kind: 'boolean' };

export interface Field<T> {
  readonly label: string;
  readonly hint: string;
  /** What the field allows, in words: "a whole number from 1 to 20". */
  readonly allowed: string;
  readonly control: Control;
  readonly schema: v.GenericSchema<unknown, T>;
  /** What a person's text (a form, a link, a flag) means: a value for the schema to check, or a TextProblem. */
  fromText(text: string): unknown;
  toText(value: T): string;
}

export type Fields<T> = { readonly [K in keyof T]-?: Field<T[K]> };

/** "Label: what is allowed." — the one message every check of the field gives, in the form's words. */
export const fieldSentence = (label: string, allowed: string): string => `${label}: ${allowed}.`;

const numberAllowed = (min: number, max: number, integer: boolean): string => `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;

/** A finite number from min to max (whole when `integer`), every failure saying so in one sentence. */
export function numberSchema(label: string, min: number, max: number, integer = false): v.GenericSchema<unknown, number> {
  const msg = fieldSentence(label, numberAllowed(min, max, integer));
  const checks = [v.finite(msg), ...(integer ? [v.integer(msg)] : []), v.minValue(min, msg), v.maxValue(max, msg)];
  return v.pipe(v.number(msg), ...(checks as [v.FiniteAction<number, string>]));
}

/** Text of at most `max` characters. */
export function textSchema(label: string, max: number): v.GenericSchema<unknown, string> {
  return v.pipe(v.string(fieldSentence(label, 'text')), v.maxLength(max, fieldSentence(label, `text of at most ${max} characters`)));
}

export function numberField(o: { label: string; hint: string; min: number; max: number; integer?: boolean }): Field<number> {
  return {
    label: o.label,
    hint: o.hint,
    allowed: numberAllowed(o.min, o.max, o.integer ?? false),
    control: { kind: o.integer ? 'integer' : 'number', min: o.min, max: o.max },
    schema: numberSchema(o.label, o.min, o.max, o.integer),
    fromText: (text) => {
      const t = text.trim();
      return t === '' ? Number.NaN : (parseDecimal(t) ?? text);
    },
    toText: decimalText,
  };
}

export function choiceField<T extends string>(o: { label: string; hint: string; words: Readonly<Record<T, string>> }): Field<T> {
  const choices = Object.keys(o.words) as T[];
  const allowed = `one of ${choices.join(', ')}`;
  return {
    label: o.label,
    hint: o.hint,
    allowed,
    control: { kind: 'choice', choices, words: o.words },
    schema: v.picklist(choices, fieldSentence(o.label, allowed)),
    fromText: (text) => text,
    toText: String,
  };
}

/** On or off: a checkbox in forms, 1 or 0 in links, a flag on the command line. */
export function booleanField(o: { label: string; hint: string }): Field<boolean> {
  const allowed = '1 (on) or 0 (off)';
  return {
    label: o.label,
    hint: o.hint,
    allowed,
    control: { kind: 'boolean' },
    schema: v.boolean(fieldSentence(o.label, allowed)),
    fromText: (text) => (text === '1' ? true : text === '0' ? false : text),
    toText: (value) => (value ? '1' : '0'),
  };
}

/** Text that cannot mean any value of a field (a list that does not parse), and why. */
export class TextProblem {
  constructor(readonly message: string) {}
}

/** The field's message, plus what is wrong with what a person gave: "…; 0 is out of range.", "…; “ten” is not a number." */
function withReason(issue: v.BaseIssue<unknown>): string {
  const { input, type } = issue;
  const why =
    typeof input === 'number' && type === 'integer'
      ? `${decimalText(input)} is not whole`
      : typeof input === 'number' && (type === 'min_value' || type === 'max_value')
        ? `${decimalText(input)} is out of range`
        : typeof input === 'string' && type === 'number'
          ? `${quote(input)} is not a number`
          : null;
  return why ? `${issue.message.replace(/\.$/, '')}; ${why}.` : issue.message;
}

/** The value a person's text means, or the field's message when it is not allowed. */
export function parseText<T>(field: Field<T>, text: string): { value: T } | { error: string } {
  const raw = field.fromText(text);
  if (raw instanceof TextProblem) return { error: raw.message };
  const r = v.safeParse(field.schema, raw, { abortEarly: true });
  return r.success ? { value: r.output } : { error: withReason(r.issues[0]) };
}

/** The field's message for `value`, or null when it is allowed. */
export function fieldProblem<T>(field: Field<T>, value: unknown): string | null {
  const r = v.safeParse(field.schema, value, { abortEarly: true });
  return r.success ? null : withReason(r.issues[0]);
}

const OBJECT_MESSAGE = 'must be an object.';
const isObject = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An object with exactly these entries: unknown keys are refused, and so is a list (which valibot takes for an object). */
export function strictRecord<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, unknown>>(isObject, OBJECT_MESSAGE), v.strictObject(entries));
}

/** A strict object schema of `fields` (unknown keys refused). */
export function objectSchema<T extends object>(fields: Fields<T>): v.GenericSchema<unknown, T> {
  return strictRecord(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, (f as Field<unknown>).schema]))) as unknown as v.GenericSchema<unknown, T>;
}

/** A path as the results files spell it: results.runs[3].accuracy. */
function spell(root: string, keys: readonly unknown[]): string {
  let p = root;
  for (const key of keys) p += typeof key === 'number' ? `[${key}]` : p ? `.${String(key)}` : String(key);
  return p;
}

/**
 * One sentence for a refused input, naming where it is, what is wrong and what was found there:
 * "results.runs[3].accuracy — Accuracy: a number from 0 to 1. Found 1.5."
 */
export function explainIssue(issue: v.BaseIssue<unknown>, root: string): string {
  const items = issue.path ?? [];
  const last = items[items.length - 1] as (v.IssuePathItem & { origin?: string }) | undefined;
  if (last?.origin === 'key') {
    const parent = spell(root, items.slice(0, -1).map((i) => i.key));
    return issue.expected === 'never'
      ? `${parent} has an unknown field ${quote(String(last.key))}.`
      : `${parent} is missing the field “${String(last.key)}”.`;
  }
  const where = spell(root, items.map((i) => i.key));
  const found = describeValue(issue.input);
  // A container's own words ("must be an object."), or valibot's defaults for one ("Invalid type: …").
  if (issue.message === OBJECT_MESSAGE || issue.message.startsWith('Invalid ')) {
    return `${where} must be ${issue.expected === 'Array' ? 'a list' : 'an object'}; found ${found}.`;
  }
  // What was found says nothing new for a whole object or list: the message names the problem inside.
  return found === 'an object' || found === 'a list' ? `${where} — ${issue.message}` : `${where} — ${issue.message} Found ${found}.`;
}

/** Parses untrusted `input`; the first problem as a sentence (explainIssue) when it is refused. */
export function parseUntrusted<T>(schema: v.GenericSchema<unknown, T>, input: unknown, root: string): { value: T } | { error: string } {
  const r = v.safeParse(schema, input, { abortEarly: true });
  return r.success ? { value: r.output } : { error: explainIssue(r.issues[0], root) };
}

/** A setting of a configuration object C: where its value lives (a dotted path) and the field that rules it. */
export interface Setting<C> {
  /** "seeds", "mask.tieSeed", "retrain.trainSize". */
  readonly path: string;
  readonly field: Field<unknown>;
  get(c: C): unknown;
  /** Writes into a draft the caller owns. */
  set(c: C, value: unknown): void;
}

/** The settings of the fields of an object found at `at(c)` within C, with paths under `prefix`. */
export function settingsOf<C, T extends object>(fields: Fields<T>, prefix: string, at: (c: C) => T): Setting<C>[] {
  return (Object.keys(fields) as (keyof T & string)[]).map((k) => ({
    path: `${prefix}${k}`,
    field: fields[k] as Field<unknown>,
    get: (c) => at(c)[k],
    set: (c, value) => void ((at(c) as Record<string, unknown>)[k] = value),
  }));
}
