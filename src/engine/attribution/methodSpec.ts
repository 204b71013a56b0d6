/**
 * A method as a sweep, a gallery or a result names it: its catalog id and the parameters it was given. The
 * spec travels with every result, so that names and colours come from the catalog (catalog.ts) and nothing
 * is recovered by parsing a key.
 */
import { methodInfo, type MethodId } from './catalog';

export interface MethodSpec {
  id: MethodId;
  /** Validated parameters as given; {} means the method's defaults. */
  params: Record<string, unknown>;
}

/** A stable text key for a method and its parameters (object keys sorted): results and runs are filed under it. */
export function methodKey(spec: MethodSpec): string {
  const canon = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]))
      : v;
  const params = JSON.stringify(canon(spec.params));
  return params === '{}' ? spec.id : `${spec.id}${params}`;
}

/** A parameter in words: "16 steps", "black baseline". */
function paramWords(id: MethodId, key: string, value: unknown): string {
  const field = methodInfo(id).fields[key];
  const label = (field?.label ?? key).toLowerCase();
  if (typeof value === 'number') return `${value} ${label}`;
  return `${String(value)} ${label}`;
}

/**
 * The method and the parameters it was given, in words for people: "Integrated Gradients, 16 steps",
 * "SmoothGrad² over Integrated Gradients (8 steps), 4 noise samples". Defaults it was not given are not named.
 */
export function methodWords(spec: MethodSpec): string {
  const info = methodInfo(spec.id);
  const parts: string[] = [];
  let label = info.label;
  for (const [key, value] of Object.entries(spec.params)) {
    if (key === 'base') continue;
    if (key === 'baseParams') continue;
    parts.push(paramWords(spec.id, key, value));
  }
  if (info.wrapsBase) {
    const base = (spec.params.base as MethodId | undefined) ?? (info.defaults as { base: MethodId }).base;
    const baseParams = (spec.params.baseParams as Record<string, unknown> | undefined) ?? {};
    const inner = methodWords({ id: base, params: baseParams });
    if (spec.params.base !== undefined || Object.keys(baseParams).length) label = `${label} over ${inner.replace(/, (.*)$/, ' ($1)')}`;
  }
  return parts.length ? `${label}, ${parts.join(', ')}` : label;
}

/** The method's colour on every chart and table. */
export const methodColour = (spec: MethodSpec): string => methodInfo(spec.id).colour;
