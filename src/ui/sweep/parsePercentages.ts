/** Parses "0, 10, 30" (percent) into fractions, or says what is wrong and what is allowed. */
export function parsePercentages(text: string): { values: number[] } | { error: string } {
  const parts = text.split(',').map((s) => s.trim().replace(/%$/, '').trim()).filter((s) => s !== '');
  if (parts.length === 0) return { error: 'Give at least one percentage, e.g. 0, 10, 50, 90.' };
  const values: number[] = [];
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isFinite(v) || v < 0 || v > 100) return { error: `"${p.slice(0, 20)}" is not a percentage from 0 to 100.` };
    if (values.length && v / 100 <= values[values.length - 1]) return { error: 'List the percentages in increasing order, without repeats.' };
    values.push(v / 100);
  }
  return { values };
}
