/** Download names such as `roar-lab-chart-2026-11-26.svg`: what it is and the local day it was saved, so a folder of exports sorts by date. */
export type ExportKind = 'chart' | 'gallery' | 'results';
export type ExportFormat = 'svg' | 'png' | 'csv' | 'json';

const two = (n: number): string => String(n).padStart(2, '0');

/** `part` numbers one of several files of one export: `roar-lab-gallery-2026-11-26-2-of-3.png`. */
export function exportFileName(kind: ExportKind, format: ExportFormat, date: Date = new Date(), part?: { index: number; count: number }): string {
  const suffix = part && part.count > 1 ? `-${part.index + 1}-of-${part.count}` : '';
  return `roar-lab-${kind}-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}${suffix}.${format}`;
}
