/** A fraction as a percentage for people: pct(0.1234) is "12.3 %", or "12.3" without the unit (tables say it once); "—" when there is none. */
export function pct(fraction: number, o: { digits?: number; unit?: boolean } = {}): string {
  if (!Number.isFinite(fraction)) return '—';
  const text = (fraction * 100).toFixed(o.digits ?? 1);
  return o.unit === false ? text : `${text} %`;
}
