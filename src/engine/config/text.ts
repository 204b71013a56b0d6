/**
 * Quoting what someone else wrote (a link's value, a file's field) inside the lab's own sentences. A quote
 * is cut on code points, never inside a surrogate pair, and wrapped in Unicode's first-strong isolate
 * (U+2068 … U+2069), so right-to-left text or bidi controls in it cannot reorder the sentence around it.
 */

/** How much of a stranger's value a message quotes: enough to recognise it, never a wall of text. */
export const QUOTE_CHARS = 40;

const FSI = '\u2068';
const PDI = '\u2069';

/** The first `max` code points of `s`, with "…" when it was longer. */
export function cutCodePoints(s: string, max: number): string {
  const points = Array.from(s);
  return points.length > max ? `${points.slice(0, max).join('')}…` : s;
}

/** “text”, isolated and cut short: for values that did not come from the lab. */
export const quote = (s: string, max = QUOTE_CHARS): string => `“${FSI}${cutCodePoints(s, max)}${PDI}”`;

/** A short, safe description of any value, for messages: "“…”" for text (quoted and isolated), "a list", "25". */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return String(v);
  return typeof v === 'object' ? 'an object' : typeof v;
}
