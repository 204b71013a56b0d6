/**
 * A results bundle as JSON text, the form the CLI writes (`roar sweep --out`), the page downloads and a link
 * carries compressed. Reading parses and then checks every field (bundleSchema.ts).
 */
import type { ResultsBundle } from '../engine/sweep/bundle';
import { readBundle } from './bundleSchema';

/** Exactly what the CLI writes, so that files from either are alike. */
export const bundleJson = (bundle: ResultsBundle): string => `${JSON.stringify(bundle)}\n`;

/** The bundle in `text`, or why not; `what` names the source in messages ("The file"). */
export function parseBundleJson(text: string, what: string): { bundle: ResultsBundle } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `${what} is not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : 'unreadable'}).` };
  }
  return readBundle(value, what);
}
