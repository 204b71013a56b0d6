import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SanityOutcome } from '../../engine/sanity/sanityJob';
import { methodColour, methodName } from '../sweep/methodStyle';
import { stageWords } from './stageWords';
import { useMediaQuery } from '../useMediaQuery';

/**
 * Adebayo et al.'s cascading figure as a curve: each method's mean Spearman ρ of |maps| with its trained-model
 * maps, as layers are re-initialised from the top. A method that explains the model falls; one that ignores
 * it stays at 1.
 */
export function SanityChart({ outcome }: { outcome: SanityOutcome }) {
  const { checks } = outcome;
  // On a phone the stage names overlap: each tick names only the lowest layer re-initialised.
  const narrow = useMediaQuery('(max-width: 600px)');
  const cascade = checks.stages.map((s, i) => ({ s, i })).filter(({ s }) => s.kind !== 'independent');
  const rows = cascade.map(({ s, i }) => {
    const row: Record<string, number | string | null> = { stage: stageWords(s), short: s.randomised.at(-1) ?? 'none' };
    for (const m of checks.methods) row[m.key] = m.correlations[i].abs.mean;
    return row;
  });
  return (
    <div className="chart" data-testid="sanity-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={rows} margin={{ top: 12, right: 44, bottom: 30, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
          <XAxis dataKey={narrow ? 'short' : 'stage'} interval={0} tick={{ fontSize: 12 }} label={{ value: narrow ? 're-initialised down to' : 'layers re-initialised, from the top', position: 'insideBottom', offset: -22 }} height={30} />
          <YAxis domain={[-0.2, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} width={48} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : 'undefined')} labelFormatter={(v) => `Network: ${String(v)}`} />
          {checks.methods.map((m) => (
            <Line key={m.key} dataKey={m.key} name={methodName(m.method)} stroke={methodColour(m.method)} strokeWidth={2.5} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="chart-legend" aria-label="Methods">
        {checks.methods.map((m) => (
          <li key={m.key}>
            <span className="swatch" style={{ background: methodColour(m.method) }} aria-hidden="true" /> {methodName(m.method)}
          </li>
        ))}
      </ul>
    </div>
  );
}
