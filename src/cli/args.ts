/**
 * A small, strict parser for `--flag value` command lines: unknown flags, missing values and out-of-range
 * numbers are errors with a message that says what is allowed.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type FlagSpec = { kind: 'number'; min: number; max: number; integer?: boolean } | { kind: 'string'; choices?: readonly string[] } | { kind: 'boolean' };

export type ParsedFlags = Record<string, number | string | boolean>;

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
      if (spec.choices && !spec.choices.includes(raw)) {
        throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got "${raw}"`);
      }
      out[name] = raw;
    } else {
      const v = Number(raw);
      const range = `${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
      if (raw.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--${name} must be ${range}; got "${raw}"`);
      if (spec.integer && !Number.isInteger(v)) throw new UsageError(`--${name} must be ${range}; got ${raw}`);
      if (v < spec.min || v > spec.max) throw new UsageError(`--${name} must be ${range}; got ${raw}`);
      out[name] = v;
    }
  }
  return out;
}
