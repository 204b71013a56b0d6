import type { MethodSummary } from '../../engine/sweep/summary';
import { chartLegendEntries, type LegendEntry } from '../export/chartLegend';

function Swatch({ entry, large }: { entry: LegendEntry; large: boolean }) {
  const w = large ? 40 : 26;
  const h = large ? 20 : 12;
  const y = h / 2;
  if (entry.swatch === 'band') return <svg width={w} height={h} aria-hidden="true"><rect x={0} y={0} width={w} height={h} fill={entry.colour} fillOpacity={0.25} /></svg>;
  const dash = entry.swatch === 'dashed' ? '6 4' : entry.swatch === 'dotted' ? '1 4' : undefined;
  const width = (entry.swatch === 'line' ? 3 : entry.swatch === 'dotted' ? 2.4 : 1.6) * (large ? 1.8 : 1);
  return (
    <svg width={w} height={h} aria-hidden="true">
      <line x1={1} y1={y} x2={w - 1} y2={y} stroke={entry.colour} strokeWidth={width} strokeDasharray={dash} strokeLinecap={entry.swatch === 'dotted' ? 'round' : undefined} />
    </svg>
  );
}

/**
 * The chart's key, below the plot so it never covers a line: one entry per method in its colour, then one
 * for each line style (no retraining, mask only) and the band, the same entries the exported SVG draws.
 */
export function ChartLegend({ summary, large = false }: { summary: MethodSummary[]; large?: boolean }) {
  return (
    <ul className={large ? 'chart-legend chart-legend-large' : 'chart-legend'} aria-label="Chart key" data-testid="chart-legend">
      {chartLegendEntries(summary).map((e) => (
        <li key={`${e.swatch}:${e.label}`}>
          <Swatch entry={e} large={large} />
          <span>{e.label}</span>
        </li>
      ))}
    </ul>
  );
}
