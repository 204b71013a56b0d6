/**
 * Colour scales for attribution maps. Signed maps get a diverging blue–white–red scale symmetric around 0, so
 * white always means "no effect" and the two signs weigh the same; magnitudes get a sequential white→dark
 * green scale, a hue the diverging scale never uses, so the two kinds cannot be mistaken for each other.
 * Both start from white at 0, so the unimportant background looks alike in every map.
 */
export type Rgb = readonly [number, number, number];

/** ColorBrewer RdBu (reversed: negative blue, positive red) with a pure white centre. */
const DIVERGING: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [255, 255, 255],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

/** ColorBrewer Greens, from white. */
const SEQUENTIAL: readonly Rgb[] = [
  [255, 255, 255],
  [199, 233, 192],
  [116, 196, 118],
  [35, 139, 69],
  [0, 68, 27],
];

/** The range a map's colours span: [−m, m] with m = max |value| for signed maps, [min(0, min), max] otherwise. */
export interface MapScale {
  signed: boolean;
  lo: number;
  hi: number;
}

function interpolate(stops: readonly Rgb[], u: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export function mapScale(map: ArrayLike<number>, signed: boolean): MapScale {
  let min = 0;
  let max = 0;
  for (let i = 0; i < map.length; i++) {
    const v = map[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (signed) {
    const m = Math.max(-min, max);
    return { signed, lo: -m, hi: m };
  }
  return { signed, lo: min, hi: max };
}

/** Where v sits on the scale, 0 at lo and 1 at hi; a flat map sits at the scale's neutral point. */
function position(v: number, s: MapScale): number {
  if (s.hi === s.lo) return s.signed ? 0.5 : 0;
  return (v - s.lo) / (s.hi - s.lo);
}

export function colourOf(v: number, s: MapScale): Rgb {
  return interpolate(s.signed ? DIVERGING : SEQUENTIAL, position(v, s));
}

/** A CSS linear-gradient from lo (left) to hi (right), for legends. */
export function scaleGradient(signed: boolean): string {
  const stops = signed ? DIVERGING : SEQUENTIAL;
  const parts = stops.map((c, i) => `rgb(${c.join(' ')}) ${((i / (stops.length - 1)) * 100).toFixed(1)}%`);
  return `linear-gradient(to right, ${parts.join(', ')})`;
}

/** Perceived brightness in [0, 1] (Rec. 709 weights), to pick a readable mark colour on top of a colour. */
export function luminance(c: Rgb): number {
  return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;
}

/** A short, fixed-width-ish rendering of a map value for legends and read-outs. */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 0.01 && a < 1000 ? String(+v.toPrecision(3)) : v.toExponential(2);
}
