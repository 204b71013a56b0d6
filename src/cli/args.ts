/**
 * A small, strict parser for `--flag value` command lines: unknown flags and missing values are errors, and a
 * flag for a setting reads its value with the setting's own field (engine/config/field.ts), so it accepts
 * and refuses exactly what the page's forms and links do, in the same words.
 */
import { parseText, type Field } from '../engine/config/field';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type FlagSpec = { kind: 'field'; field: Field<unknown> } | { kind: 'string'; choices?: readonly string[] } | { kind: 'boolean' };

export type ParsedFlags = Record<string, unknown>;

/** A flag for a setting: its value is read and checked by the field. */
export const fieldFlag = <T,>(field: Field<T>): FlagSpec => ({ kind: 'field', field: field as Field<unknown> });

export function parseFlags(argv: readonly string[], specs: Record<string, FlagSpec>): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; flags look like --name value`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown flag --${name}; known flags: ${Object.keys(specs).map((k) => `--${k}`).join(', ')}`);
    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined || (inline === undefined && raw.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (spec.kind === 'string') {
      if (spec.choices && !spec.choices.includes(raw)) throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got "${raw}"`);
      out[name] = raw;
      continue;
    }
    const r = parseText(spec.field, raw);
    if ('error' in r) throw new UsageError(`--${name} ${JSON.stringify(raw)}: ${r.error}`);
    out[name] = r.value;
  }
  return out;
}
