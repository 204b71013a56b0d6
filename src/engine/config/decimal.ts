/**
 * Numbers as link text, exactly: a value written into a link reads back as the very same double. Percentages
 * are made by moving the decimal point in the text, never by multiplying by 100, because 0.07 × 100 is
 * 7.000000000000001 while "7" % must read back as 0.07.
 */

/** A plain decimal: optional sign, digits with an optional point, optional exponent. No hex, no spaces, no "Infinity". */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;
/** Longer numbers than this are not something the page ever writes. */
const MAX_NUMBER_CHARS = 40;

interface Decimal {
  sign: string;
  digits: string;
  /** Where the decimal point sits within `digits` (may be negative or beyond its end). */
  point: number;
}

function splitDecimal(text: string): Decimal | null {
  if (text.length > MAX_NUMBER_CHARS) return null;
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, int, frac = ''] = m;
  if (int === '' && frac === '') return null;
  return { sign, digits: int + frac, point: int.length + Number(m[4] ?? 0) };
}

const toNumber = (d: Decimal): number => Number(`${d.sign}0.${d.digits || '0'}e${d.point}`);

/** The finite number `text` spells, or null when it is not a plain decimal. */
export function parseDecimal(text: string): number | null {
  const d = splitDecimal(text);
  if (!d) return null;
  const v = toNumber(d);
  return Number.isFinite(v) ? v : null;
}

/** The shortest text that reads back as `value` (JavaScript's own shortest round-trip form). */
export const decimalText = (value: number): string => String(value);

/** `fraction` as a percentage, e.g. 0.07 → "7", 0.123 → "12.3", 1e-9 → "1e-7". */
export function percentText(fraction: number): string {
  const d = splitDecimal(String(fraction));
  // NaN or ±Infinity: spelled as such, so that reading the text back fails as it should.
  if (!d) return String(fraction);
  const digits = d.digits.replace(/^0+/, '');
  const point = d.point + 2 - (d.digits.length - digits.length);
  const sig = digits.replace(/0+$/, '');
  if (sig === '') return '0';
  // Plain notation while it stays short; scientific beyond, like String() does.
  if (point > 21 || point < -6) return `${d.sign}${sig[0]}${sig.length > 1 ? `.${sig.slice(1)}` : ''}e${point - 1}`;
  if (point <= 0) return `${d.sign}0.${'0'.repeat(-point)}${sig}`;
  if (point >= sig.length) return `${d.sign}${sig}${'0'.repeat(point - sig.length)}`;
  return `${d.sign}${sig.slice(0, point)}.${sig.slice(point)}`;
}

/** The fraction a percentage text spells (exactly the double nearest to it), or null when it is not a number. */
export function parsePercent(text: string): number | null {
  const d = splitDecimal(text);
  if (!d) return null;
  const v = toNumber({ ...d, point: d.point - 2 });
  return Number.isFinite(v) ? v : null;
}
