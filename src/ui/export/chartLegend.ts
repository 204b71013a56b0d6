/**
 * The exported chart's legend, drawn in SVG: recharts renders its legend as HTML beside the <svg>, so a
 * serialised chart has none. Entries wrap into rows; text widths are estimated, not measured, so the
 * layout is the same in Node tests and in every browser.
 */
import type { MethodSummary } from '../../engine/sweep/summary';
import { hasMaskOnly } from '../sweep/chartRows';
import { methodColour, methodName } from '../sweep/methodStyle';
import { escapeXml } from './xml';

export interface LegendEntry {
  label: string;
  colour: string;
  /** A solid line (retrained mean), a dashed line (no retraining), a dotted one (mask only) or a filled band (± std). */
  swatch: 'line' | 'dashed' | 'dotted' | 'band';
}

export interface PlacedEntry extends LegendEntry {
  x: number;
  y: number;
}

export const LEGEND_FONT_SIZE = 13;
const SWATCH_WIDTH = 24;
const SWATCH_GAP = 6;
const ENTRY_GAP = 18;
const ROW_HEIGHT = 22;
/** Average advance of a sans-serif character in ems; generous, so estimated labels never overlap. */
const EM_PER_CHAR = 0.58;

export const estimateTextWidth = (text: string, fontSize: number): number => text.length * fontSize * EM_PER_CHAR;

/** One entry per method, then one key for the dashed no-retrain lines, the dotted mask-only lines (when drawn) and the bands they all share. */
export function chartLegendEntries(summary: MethodSummary[]): LegendEntry[] {
  return [
    ...summary.map((m): LegendEntry => ({ label: methodName(m.spec), colour: methodColour(m.spec), swatch: 'line' })),
    { label: 'no retraining (base model)', colour: '#555', swatch: 'dashed' },
    ...(hasMaskOnly(summary) ? [{ label: 'mask only (removal pattern alone)', colour: '#555', swatch: 'dotted' } as const] : []),
    { label: '± 1 std over seeds', colour: '#555', swatch: 'band' },
  ];
}

/** Left-aligned rows within `width`; `y` is each row's vertical centre. An entry wider than a row gets a row of its own. */
export function layoutLegend(entries: LegendEntry[], width: number): { placed: PlacedEntry[]; height: number } {
  const placed: PlacedEntry[] = [];
  let x = 0;
  let row = 0;
  for (const e of entries) {
    const w = SWATCH_WIDTH + SWATCH_GAP + estimateTextWidth(e.label, LEGEND_FONT_SIZE);
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    placed.push({ ...e, x, y: row * ROW_HEIGHT + ROW_HEIGHT / 2 });
    x += w + ENTRY_GAP;
  }
  return { placed, height: entries.length ? (row + 1) * ROW_HEIGHT : 0 };
}

function swatchMarkup(e: PlacedEntry): string {
  const x2 = e.x + SWATCH_WIDTH;
  if (e.swatch === 'band') return `<rect x="${e.x}" y="${e.y - 6}" width="${SWATCH_WIDTH}" height="12" fill="${e.colour}" fill-opacity="0.2"/>`;
  const dash = e.swatch === 'dashed' ? ' stroke-dasharray="6 4"' : e.swatch === 'dotted' ? ' stroke-dasharray="1 4" stroke-linecap="round"' : '';
  return `<line x1="${e.x}" y1="${e.y}" x2="${x2}" y2="${e.y}" stroke="${e.colour}" stroke-width="${e.swatch === 'line' ? 3 : e.swatch === 'dotted' ? 2.4 : 1.5}"${dash}/>`;
}

export function legendMarkup(placed: PlacedEntry[]): string {
  return placed
    .map((e) => {
      // 0.35 em below the centre puts a baseline's x-height in the middle; dominant-baseline is not honoured everywhere.
      const text = `<text x="${e.x + SWATCH_WIDTH + SWATCH_GAP}" y="${(e.y + LEGEND_FONT_SIZE * 0.35).toFixed(1)}" font-size="${LEGEND_FONT_SIZE}" fill="#222">${escapeXml(e.label)}</text>`;
      return swatchMarkup(e) + text;
    })
    .join('');
}
