/**
 * A sweep's methods as link text, readable and exact:
 *
 *   methods := method ("," method)*
 *   method  := id [ "(" params ")" ]
 *   params  := [ param ("," param)* ]
 *   param   := name ":" value
 *   value   := number | word | "(" params ")"
 *
 * e.g. `gradient,integratedGradients(steps:16),smoothGrad(base:integratedGradients,baseParams:(steps:8)),random`.
 * Parameters are written exactly as the configuration holds them (only those it sets), because a method's
 * key in the results (methodKey) depends on them. Ids come from the catalog and parameters are checked by
 * each method's own `validate`, so a link accepts exactly what the page's forms and the CLI accept.
 */
import { isMethodId, methodInfo, METHOD_IDS } from '../attribution/catalog';
import { isPlainObject } from '../attribution/params';
import { methodKey, type MethodSpec } from '../attribution/methodSpec';
import { decimalText, parseDecimal } from './decimal';
import { quote } from './text';
import * as v from 'valibot';
import { strictRecord, TextProblem, type Field } from './field';

/** Methods in one sweep: the catalog's 14, plus room for the same method with different parameters. */
export const MAX_METHODS = 32;
/** The methods list in a link (`methods=…`): 32 methods with all their parameters fit comfortably. */
export const MAX_METHODS_TEXT = 4_000;

/** Ids, parameter names and choices are short camelCase words; a longer one is not ours. */
const WORD = /^[A-Za-z][A-Za-z0-9]{0,39}/;
const NUMBER = /^[+-]?[\d.][\d.eE+-]*/;
/** Parameters nest once (a noise wrapper's baseParams); one level more is allowed, deeper is not ours. */
const MAX_DEPTH = 3;

function formatValue(v: unknown): string {
  if (typeof v === 'number') return decimalText(v);
  if (typeof v === 'object' && v !== null) return `(${formatParams(v as Record<string, unknown>)})`;
  return String(v);
}

const formatParams = (params: Record<string, unknown>): string =>
  Object.entries(params)
    .map(([k, v]) => `${k}:${formatValue(v)}`)
    .join(',');

export function formatMethods(methods: readonly MethodSpec[]): string {
  return methods.map((m) => (Object.keys(m.params).length ? `${m.id}(${formatParams(m.params)})` : m.id)).join(',');
}

class SyntaxProblem extends Error {}

/** A recursive-descent reader over the text; `at` is the next character. */
class Reader {
  at = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    const found = this.at < this.text.length ? quote(this.text.slice(this.at), 12) : 'the end';
    throw new SyntaxProblem(`expected ${what} at character ${this.at + 1}, found ${found}`);
  }

  eat(c: string): boolean {
    if (this.text[this.at] !== c) return false;
    this.at++;
    return true;
  }

  match(re: RegExp, what: string): string {
    const m = re.exec(this.text.slice(this.at));
    if (!m) this.fail(what);
    this.at += m[0].length;
    return m[0];
  }

  params(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) this.fail('no deeper nesting');
    const entries: [string, unknown][] = [];
    if (this.text[this.at] === ')') return {};
    do {
      const name = this.match(WORD, 'a parameter name');
      if (entries.some(([k]) => k === name)) throw new SyntaxProblem(`parameter “${name}” is given twice`);
      if (!this.eat(':')) this.fail(`“:” after ${name}`);
      entries.push([name, this.value(depth)]);
    } while (this.eat(','));
    // fromEntries defines own properties, so no name can reach an object's prototype.
    return Object.fromEntries(entries);
  }

  value(depth: number): unknown {
    if (this.eat('(')) {
      const nested = this.params(depth + 1);
      if (!this.eat(')')) this.fail('“)”');
      return nested;
    }
    if (WORD.test(this.text.slice(this.at))) return this.match(WORD, 'a word');
    const raw = this.match(NUMBER, 'a number, a word or “(”');
    const n = parseDecimal(raw);
    if (n === null) throw new SyntaxProblem(`${quote(raw)} is not a number`);
    return n;
  }

  method(): { id: string; params: Record<string, unknown> } {
    const id = this.match(WORD, 'a method id');
    if (!this.eat('(')) return { id, params: {} };
    const params = this.params(1);
    if (!this.eat(')')) this.fail('“,” or “)”');
    return { id, params };
  }
}

/** The methods `text` lists, each known and with valid parameters, or what is wrong with it. */
export function parseMethods(text: string): { methods: MethodSpec[] } | { error: string } {
  if (text.length > MAX_METHODS_TEXT) return { error: `the list is ${text.length} characters long; at most ${MAX_METHODS_TEXT} are read.` };
  const reader = new Reader(text);
  const methods: MethodSpec[] = [];
  try {
    do {
      if (methods.length === MAX_METHODS) return { error: `at most ${MAX_METHODS} methods.` };
      const { id, params } = reader.method();
      if (!isMethodId(id)) return { error: `unknown method ${quote(id)}; known: ${METHOD_IDS.join(', ')}.` };
      const check = methodInfo(id).validate(params);
      if ('error' in check) return { error: `${check.error}.` };
      methods.push({ id, params });
    } while (reader.eat(','));
    if (reader.at < text.length) reader.fail('“,” between methods');
  } catch (e) {
    if (e instanceof SyntaxProblem) return { error: `${e.message}.` };
    throw e;
  }
  const keys = methods.map(methodKey);
  if (new Set(keys).size !== keys.length) return { error: 'the same method with the same parameters is listed twice.' };
  return { methods };
}

/**
 * A list of methods as a setting: read and written in the grammar above; a list of known methods with valid
 * parameters, each once, as a schema (the parameters exactly as given, since methodKey depends on them).
 */
export function methodsField(o: { label: string; hint: string }): Field<MethodSpec[]> {
  const allowed = `1 to ${MAX_METHODS} known methods (${METHOD_IDS.join(', ')}), each with valid parameters, each once`;
  const say = (problem: string): string => `${o.label}: ${problem}.`;
  const spec = v.pipe(
    // The parameters go to the method's own validate as they are: it refuses unknown keys, "__proto__" too.
    strictRecord({
      id: v.picklist(METHOD_IDS, say(`each must be a known method (${METHOD_IDS.join(', ')})`)),
      params: v.custom<Record<string, unknown>>(isPlainObject, say('parameters must be an object')),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const check = methodInfo(dataset.value.id).validate(dataset.value.params);
      if ('error' in check) addIssue({ message: say(`${check.error}`) });
    }),
    v.transform((m): MethodSpec => ({ id: m.id, params: structuredClone(m.params) })),
  );
  return {
    label: o.label,
    hint: o.hint,
    allowed,
    control: { kind: 'choice', choices: METHOD_IDS, words: Object.fromEntries(METHOD_IDS.map((id) => [id, methodInfo(id).label])) },
    schema: v.pipe(
      v.array(spec, say('must be a list')),
      v.minLength(1, say('choose at least one attribution method')),
      v.maxLength(MAX_METHODS, say(`at most ${MAX_METHODS} methods`)),
      v.check((ms) => new Set(ms.map(methodKey)).size === ms.length, say('the same method with the same parameters is listed twice')),
    ),
    fromText: (text) => {
      const r = parseMethods(text);
      return 'error' in r ? new TextProblem(say(r.error.replace(/\.$/, ''))) : r.methods;
    },
    toText: formatMethods,
  };
}
