import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodSummary } from '../../engine/sweep/summary';
import { bandKey, chartRows, meanKey, noRetrainKey } from './chartRows';
import { methodColour, methodName } from './methodStyle';

/**
 * Test accuracy against the fraction of pixels removed: per method the mean over seeds with a ± std band
 * (seed 000 Fig. 3 style), and the no-retrain control dashed.
 */
export function SweepChart({ summary, thresholds, mode, runs }: { summary: MethodSummary[]; thresholds: number[]; mode: 'roar' | 'kar'; runs: number }) {
  const rows = chartRows(summary, thresholds);
  return (
    <div className="chart sweep-chart" data-testid="sweep-chart" data-runs={runs}>
      <ResponsiveContainer width="100%" height={360}>
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis
            dataKey="removed"
            type="number"
            domain={[0, 100]}
            ticks={thresholds.map((t) => Math.round(t * 1000) / 10)}
            unit=" %"
            label={{ value: mode === 'roar' ? 'pixels removed (most important first)' : 'pixels kept (most important first)', position: 'insideBottom', offset: -14 }}
          />
          <YAxis domain={[0, 100]} unit=" %" width={56} label={{ value: 'test accuracy', angle: -90, position: 'insideLeft', offset: 4 }} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? `${Number(v[0]).toFixed(1)}–${Number(v[1]).toFixed(1)} %` : `${Number(v).toFixed(1)} %`)} labelFormatter={(v) => `${v} % ${mode === 'roar' ? 'removed' : 'kept'}`} />
          <Legend verticalAlign="top" height={40} />
          {summary.map((m) => (
            <Area key={bandKey(m.key)} dataKey={bandKey(m.key)} stroke="none" fill={methodColour(m.key)} fillOpacity={0.15} legendType="none" isAnimationActive={false} connectNulls name={`${methodName(m.key)} ± std`} />
          ))}
          {summary.map((m) => (
            <Line key={meanKey(m.key)} dataKey={meanKey(m.key)} name={methodName(m.key)} stroke={methodColour(m.key)} strokeWidth={2.5} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
          ))}
          {summary.map((m) => (
            <Line
              key={noRetrainKey(m.key)}
              dataKey={noRetrainKey(m.key)}
              name={`${methodName(m.key)}, no retraining`}
              stroke={methodColour(m.key)}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
