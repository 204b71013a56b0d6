import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { methodKey } from '../../engine/attribution/methodSpec';
import type { MetricsResult } from '../../engine/metrics/evaluateMetrics';
import { METRICS, type MetricId } from '../../engine/metrics/metricCatalog';
import { pct } from '../../engine/percent';
import { methodColour, methodName } from '../sweep/methodStyle';
import { useMediaQuery } from '../useMediaQuery';

/** Under ~480 px the whole axis title is wider than the plot: a short one, and fewer ticks. */
const NARROW = '(max-width: 480px)';

/** The curve of one metric per method, in the ROAR chart's colours, against the fraction of pixels perturbed. */
export function MetricsChart({ result, metric }: { result: MetricsResult; metric: MetricId }) {
  const info = METRICS[metric];
  const methods = result.request.methods;
  const rows = result.request.fractions.map((fraction, i) => {
    const row: Record<string, number> = { percent: Math.round(fraction * 1000) / 10 };
    for (const spec of methods) {
      const entry = result.metrics.find((m) => m.method === methodKey(spec) && m.metric === metric);
      if (entry) row[methodKey(spec)] = entry.curve[i].value;
    }
    return row;
  });
  const share = info.readout === 'accuracy' || info.readout === 'classProbability';
  const format = (v: number): string => (share ? pct(v) : v.toFixed(3));
  const narrow = useMediaQuery(NARROW);
  const xTitle = narrow
    ? info.perturbation === 'insert' ? '% put back' : `% replaced, ${info.perturbation === 'morf' ? 'most' : 'least'} first`
    : info.perturbation === 'insert' ? '% of pixels put back, most salient first' : `% of pixels replaced, ${info.perturbation === 'morf' ? 'most' : 'least'} salient first`;
  return (
    <div className="chart" data-testid="metrics-chart" data-metric={metric}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows} margin={{ top: 12, right: 20, bottom: 30, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey="percent" type="number" domain={[0, 100]} ticks={narrow ? [0, 50, 100] : [0, 20, 40, 60, 80, 100]} unit=" %" label={{ value: xTitle, position: 'insideBottom', offset: -22 }} height={30} />
          <YAxis domain={share ? [0, 1] : [0, 'auto']} tickFormatter={(v: number) => (share ? pct(v, { digits: 0 }) : v.toFixed(2))} width={56} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} labelFormatter={(v) => `${v} % of pixels`} />
          {methods.map((spec) => (
            <Line key={methodKey(spec)} dataKey={methodKey(spec)} name={methodName(spec)} stroke={methodColour(spec)} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="chart-legend" aria-label="Methods">
        {methods.map((spec) => (
          <li key={methodKey(spec)}>
            <span className="swatch" style={{ background: methodColour(spec) }} aria-hidden="true" /> {methodName(spec)}
          </li>
        ))}
      </ul>
    </div>
  );
}
