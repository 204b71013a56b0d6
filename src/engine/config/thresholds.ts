/**
 * The one threshold grammar (issue 11): the form, the gallery, links, files and the CLI all read and write
 * fractions of pixels as percentages, comma-separated and increasing — "0, 10, 50, 90" (spaces and a % sign
 * optional). Percentages are read by moving the decimal point in the text (decimal.ts), so "7" is exactly
 * 0.07 and a value written out reads back as the same double.
 */
import * as v from 'valibot';
import { parsePercent, percentText } from './decimal';
import { TextProblem, type Field } from './field';
import { quote } from './text';

/** Thresholds in one sweep: one per whole percent is more than any sweep needs. */
export const MAX_THRESHOLDS = 101;
/** The gallery's columns: beyond a dozen the grid stops being readable. */
export const MAX_GALLERY_THRESHOLDS = 12;

export function thresholdsField(o: { label: string; hint: string; max: number }): Field<number[]> {
  const allowed = `1 to ${o.max} percentages from 0 to 100, comma-separated, increasing`;
  const say = (problem: string): string => `${o.label}: ${allowed}${problem ? `; ${problem}` : ''}.`;
  const fraction = v.pipe(v.number(say('')), v.finite(say('')), v.minValue(0, say('')), v.maxValue(1, say('')));
  return {
    label: o.label,
    hint: o.hint,
    allowed,
    control: { kind: 'number', min: 0, max: 100 },
    schema: v.pipe(
      v.array(fraction, say('')),
      v.minLength(1, say('')),
      v.maxLength(o.max, say(`there are more than ${o.max}`)),
      v.check((ts) => ts.every((t, i) => i === 0 || t > ts[i - 1]), say('found a repeat or a decrease')),
    ),
    fromText: (text) => {
      const parts = text.split(',').map((p) => p.trim().replace(/\s*%$/, ''));
      if (parts.every((p) => p === '')) return new TextProblem(say('none were given'));
      if (parts.length > o.max) return new TextProblem(say(`${parts.length} were given`));
      const values: number[] = [];
      for (const p of parts) {
        const t = parsePercent(p);
        if (t === null || t < 0 || t > 1) return new TextProblem(say(`${quote(p)} is not a percentage from 0 to 100`));
        if (values.length && t <= values[values.length - 1]) return new TextProblem(say(`${quote(p)} does not come after ${percentText(values[values.length - 1])}`));
        values.push(t);
      }
      return values;
    },
    toText: (ts) => ts.map(percentText).join(', '),
  };
}

/** Thresholds as compact text, for links: "0,10,50,90". */
export const thresholdsLinkText = (ts: readonly number[]): string => ts.map(percentText).join(',');
