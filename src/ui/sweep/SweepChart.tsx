import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodSummary } from '../../engine/sweep/summary';
import { bandKey, chartRows, flagKey, hasMaskOnly, maskOnlyKey, meanKey, noRetrainKey, type ChartRow } from './chartRows';
import { methodColour, methodName } from './methodStyle';
import { ChartLegend } from './ChartLegend';
import { LECTURE_PHONE, useMediaQuery } from '../useMediaQuery';

/** The lecture view's axes and text: white on black, large type for a projector, smaller on a phone. */
const LARGE_INK = { fill: '#fff', fontSize: 24 };
const PHONE_INK = { fill: '#fff', fontSize: 15 };

const NARROW = '(max-width: 480px)';

/** The page's look, and the lecture view's thick lines and roomy margins. */
const LOOKS = {
  page: { height: 320 as number | `${number}%`, grid: '#ddd', line: 2.5, dashed: 1.5, dot: 4, margin: { top: 12, right: 20, bottom: 30, left: 8 }, yWidth: 64, xOffset: -22, axisHeight: 30 },
  large: { height: '100%' as number | `${number}%`, grid: '#555', line: 5, dashed: 3, dot: 7, margin: { top: 16, right: 36, bottom: 56, left: 24 }, yWidth: 120, xOffset: -44, axisHeight: 44 },
  phone: { height: '100%' as number | `${number}%`, grid: '#555', line: 3.5, dashed: 2, dot: 5, margin: { top: 10, right: 16, bottom: 34, left: 4 }, yWidth: 70, xOffset: -26, axisHeight: 30 },
};

/** A run-health warning on the chart: a hollow triangle, in the method's colour, with the reason as its tooltip. */
function FlaggedDot(props: { cx?: number; cy?: number; payload?: ChartRow; method: string; colour: string; r: number; opacity: number }) {
  const { cx, cy, payload, method, colour, r, opacity } = props;
  if (cx === undefined || cy === undefined || !payload || payload[meanKey(method)] === null) return null;
  const why = payload[flagKey(method)];
  if (typeof why !== 'string') return <circle cx={cx} cy={cy} r={r} fill={colour} stroke={colour} opacity={opacity} />;
  const s = r * 1.9;
  return (
    <g opacity={opacity} data-testid="flagged-point">
      <title>{`Not trusted: ${why}.`}</title>
      <polygon points={`${cx},${cy - s} ${cx + s},${cy + s * 0.8} ${cx - s},${cy + s * 0.8}`} fill="#fff" stroke={colour} strokeWidth={2.5} />
      <text x={cx} y={cy + s * 0.55} textAnchor="middle" fontSize={s * 1.1} fontWeight={700} fill={colour}>
        !
      </text>
    </g>
  );
}

/**
 * Test accuracy against the fraction of pixels removed: per method the mean over seeds with a ± std band
 * (seed 000 Fig. 3 style), the no-retrain control dashed and the mask-only control dotted; a point whose
 * runs did not all learn is a hollow triangle with the reason as its tooltip. `highlight` (a method key)
 * dims the other methods and `threshold` marks one threshold with a vertical line; the lecture view steps
 * through both.
 */
export function SweepChart(props: { summary: MethodSummary[]; thresholds: number[]; mode: 'roar' | 'kar'; runs: number; highlight?: string; threshold?: number; large?: boolean }) {
  const { summary, thresholds, mode, runs, highlight, threshold, large = false } = props;
  const rows = chartRows(summary, thresholds);
  const maskOnly = hasMaskOnly(summary);
  // The lecture view on a phone keeps its colours but not its projector-sized type.
  const phone = useMediaQuery(LECTURE_PHONE) && large;
  const look = phone ? LOOKS.phone : large ? LOOKS.large : LOOKS.page;
  // Under ~480 px the whole title is wider than the plot it is centred under; the short one fits.
  const narrow = useMediaQuery(NARROW);
  const xTitle = `% of pixels ${mode === 'roar' ? 'removed' : 'kept'}, most important first`;
  const percent = (t: number): number => Math.round(t * 1000) / 10;
  const dimmed = (key: string): boolean => highlight !== undefined && key !== highlight;
  // Dimmed, not hidden: the highlighted method is still read against the others (on black, less than 0.4 vanishes).
  const opacity = (key: string): number => (dimmed(key) ? 0.4 : 1);
  // The page keeps recharts' own axis colours and the page's font size; only the lecture view overrides them.
  const ink = phone ? PHONE_INK : large ? LARGE_INK : undefined;
  return (
    <div
      className="chart sweep-chart"
      data-testid={large ? 'lecture-chart' : 'sweep-chart'}
      data-runs={runs}
      data-highlight={highlight}
      data-threshold={threshold}
    >
      <div className="chart-plot">
        <ResponsiveContainer width="100%" height={look.height}>
          <ComposedChart data={rows} margin={look.margin}>
            <CartesianGrid strokeDasharray="3 3" stroke={look.grid} />
            {/* The axis spans the thresholds run, no further; its title sits below the tick labels, the y title left of them. */}
            <XAxis
              dataKey="removed"
              type="number"
              domain={[percent(thresholds[0] ?? 0), percent(thresholds.at(-1) ?? 1)]}
              ticks={thresholds.map(percent)}
              unit=" %"
              tick={ink}
              stroke={ink?.fill}
              height={look.axisHeight}
              label={{ value: narrow ? xTitle.replace('of pixels ', '') : xTitle, position: 'insideBottom', offset: look.xOffset, ...ink }}
            />
            <YAxis domain={[0, 100]} unit=" %" width={look.yWidth} tick={ink} stroke={ink?.fill} label={{ value: 'test accuracy', angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' }, ...ink }} />
            <Tooltip
              formatter={(v, name, item) => {
                const text = Array.isArray(v) ? `${Number(v[0]).toFixed(1)}–${Number(v[1]).toFixed(1)} %` : `${Number(v).toFixed(1)} %`;
                const key = String(item.dataKey ?? '');
                const why = key.endsWith('::mean') ? (item.payload as ChartRow)[flagKey(key.slice(0, -'::mean'.length))] : null;
                return typeof why === 'string' ? [`${text} — not trusted: ${why}`, name] : text;
              }}
              labelFormatter={(v) => `${v} % ${mode === 'roar' ? 'removed' : 'kept'}`}
              contentStyle={large ? { background: '#000', border: '2px solid #fff', fontSize: ink?.fontSize } : undefined}
            />
            {threshold !== undefined ? <ReferenceLine x={percent(threshold)} stroke={large ? LARGE_INK.fill : '#1b1f23'} strokeWidth={large ? 4 : 2} strokeDasharray="10 6" /> : null}
            {summary.map((m) => (
              <Area
                key={bandKey(m.key)}
                dataKey={bandKey(m.key)}
                stroke="none"
                fill={methodColour(m.spec)}
                fillOpacity={dimmed(m.key) ? 0.04 : large ? 0.25 : 0.15}
                legendType="none"
                isAnimationActive={false}
                connectNulls
                name={`${methodName(m.spec)} ± std`}
              />
            ))}
            {summary.map((m) => (
              <Line
                key={meanKey(m.key)}
                dataKey={meanKey(m.key)}
                name={methodName(m.spec)}
                legendType="none"
                stroke={methodColour(m.spec)}
                strokeWidth={highlight === m.key ? look.line * 1.6 : look.line}
                strokeOpacity={opacity(m.key)}
                dot={(p: { cx?: number; cy?: number; payload?: ChartRow; index?: number }) => (
                  <FlaggedDot key={`${m.key}-${p.index}`} {...p} method={m.key} colour={methodColour(m.spec)} r={look.dot} opacity={opacity(m.key)} />
                )}
                connectNulls
                isAnimationActive={false}
              />
            ))}
            {summary.map((m) => (
              <Line
                key={noRetrainKey(m.key)}
                dataKey={noRetrainKey(m.key)}
                name={`${methodName(m.spec)}, no retraining`}
                stroke={methodColour(m.spec)}
                strokeDasharray="6 4"
                strokeWidth={look.dashed}
                strokeOpacity={opacity(m.key)}
                legendType="none"
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
            {maskOnly
              ? summary.map((m) => (
                  <Line
                    key={maskOnlyKey(m.key)}
                    dataKey={maskOnlyKey(m.key)}
                    name={`${methodName(m.spec)}, mask only`}
                    stroke={methodColour(m.spec)}
                    strokeDasharray="1 4"
                    strokeLinecap="round"
                    strokeWidth={look.dashed * 1.6}
                    strokeOpacity={opacity(m.key)}
                    legendType="none"
                    dot={false}
                    connectNulls
                    isAnimationActive={false}
                  />
                ))
              : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend summary={summary} large={large} />
    </div>
  );
}
