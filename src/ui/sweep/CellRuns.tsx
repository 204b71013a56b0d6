import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LOSS_POINTS_PER_EPOCH, PLATEAU_LOSS } from '../../engine/defaults';
import { FLAG_WORDS } from '../../engine/training/health';
import type { RunResult } from '../../engine/sweep/results';
import { isUnmasked, UNMASKED } from '../../engine/sweep/sweepPlan';
import type { SweepConfig } from '../../engine/sweep/sweepConfig';
import { methodName } from './methodStyle';
import { methodKey, type MethodSpec } from '../../engine/attribution/methodSpec';
import { pct } from '../../engine/percent';

const LINE_COLOURS = ['#1f5fa8', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

const runLabel = (r: RunResult): string => `${r.kind === 'maskOnly' ? 'mask only, ' : ''}seed ${r.seed}${r.baseSeed === null ? '' : `, base ${r.baseSeed}`}`;

/**
 * The runs behind one cell of the results table: whether each model learnt (classes predicted, share of
 * the commonest prediction, final training loss, flags) and their training-loss curves, so a reader can see
 * for themselves what a verdict rests on (issue 10).
 */
export function CellRuns(props: { config: SweepConfig; runs: RunResult[]; spec: MethodSpec; threshold: number; onClose: () => void }) {
  const { config, runs, spec, threshold, onClose } = props;
  const source = isUnmasked(config, threshold) ? UNMASKED : methodKey(spec);
  const shown = runs.filter((r) => r.method === source && r.threshold === threshold).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'retrain' ? -1 : 1));
  const withCurves = shown.filter((r) => r.health?.lossCurve.length);
  const longest = Math.max(0, ...withCurves.map((r) => r.health!.lossCurve.length));
  const rows = Array.from({ length: longest }, (_, i) => ({
    epoch: (i + 1) / LOSS_POINTS_PER_EPOCH,
    ...Object.fromEntries(withCurves.map((r) => [r.key, r.health!.lossCurve[i] ?? null])),
  }));
  const title = `${source === UNMASKED ? 'Unmasked images' : methodName(spec)} at ${Math.round(threshold * 1000) / 10} %`;
  return (
    <section className="cell-runs" aria-label={`Runs of ${title}`} data-testid="cell-runs">
      <div className="cell-runs-head">
        <h4>Runs of {title}</h4>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="The cell's runs">
        <table className="results">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Epochs</th>
              <th scope="col">Classes predicted</th>
              <th scope="col">Commonest prediction</th>
              <th scope="col">Final training loss</th>
              <th scope="col">Health</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} className={r.health?.flags.length ? 'flagged' : undefined}>
                <th scope="row">{runLabel(r)}</th>
                <td>{pct(r.accuracy)}</td>
                <td>{r.epochs ?? '—'}</td>
                <td>{r.health ? r.health.predictedClasses : '—'}</td>
                <td>{r.health ? pct(r.health.topClassShare) : '—'}</td>
                <td>{r.health?.finalLoss !== null && r.health?.finalLoss !== undefined ? r.health.finalLoss.toFixed(3) : '—'}</td>
                <td>{!r.health ? 'not recorded' : r.health.flags.length ? r.health.flags.map((f) => FLAG_WORDS[f]).join('; ') : 'learnt'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length ? (
        <div className="chart loss-chart">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 28, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
              <XAxis dataKey="epoch" type="number" domain={[0, 'dataMax']} label={{ value: 'epochs trained', position: 'insideBottom', offset: -16 }} />
              <YAxis domain={[0, 'auto']} width={48} label={{ value: 'training loss', angle: -90, position: 'insideLeft', offset: 6 }} />
              <ReferenceLine y={PLATEAU_LOSS} stroke="#b03a2e" strokeDasharray="4 4" label={{ value: 'chance plateau', position: 'insideTopRight', fill: '#b03a2e', fontSize: 12 }} />
              <Tooltip formatter={(v) => Number(v).toFixed(3)} labelFormatter={(v) => `epoch ${Number(v).toFixed(1)}`} />
              <Legend verticalAlign="top" height={28} />
              {withCurves.map((r, i) => (
                <Line key={r.key} dataKey={r.key} name={runLabel(r)} stroke={LINE_COLOURS[i % LINE_COLOURS.length]} strokeDasharray={r.kind === 'maskOnly' ? '1 4' : undefined} dot={false} isAnimationActive={false} connectNulls={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="muted">These runs recorded no loss curves (results made before the lab kept them).</p>
      )}
    </section>
  );
}
