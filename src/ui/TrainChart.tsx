import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTraining } from './labContext';
import { pct } from '../engine/percent';

/** Loss and accuracy as training goes: one point per progress report, test accuracy at each epoch's end. */
export function TrainChart() {
  const progress = useTraining((s) => s.progress);
  const status = useTraining((s) => s.status);
  const samplesPerSec = useTraining((s) => s.samplesPerSec);
  const seen = useTraining((s) => s.samplesSeen);
  const total = useTraining((s) => s.totalSamples);
  if (progress.length === 0 && status === 'idle') return null;
  const last = progress[progress.length - 1];
  return (
    <section className="card" aria-label="Training progress">
      <h2>Training progress</h2>
      <p className="muted" data-testid="train-progress-text">
        {total ? `${seen.toLocaleString('en')} / ${total.toLocaleString('en')} images` : null}
        {samplesPerSec ? ` · ${Math.round(samplesPerSec).toLocaleString('en')} samples/s` : null}
        {last ? ` · loss ${last.loss.toFixed(3)} · batch accuracy ${pct(last.accuracy, { digits: 0 })}` : null}
      </p>
      {total ? <progress max={total} value={seen} aria-label="Training progress" /> : null}
      <div className="chart" data-testid="train-chart" data-points={progress.length}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={progress} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
            <XAxis dataKey="samples" type="number" domain={[0, total ?? 'auto']} tickFormatter={(v: number) => (v >= 1000 ? `${+(v / 1000).toFixed(1)}k` : String(v))} />
            <YAxis yAxisId="loss" domain={[0, 'auto']} width={40} />
            <YAxis yAxisId="acc" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => pct(v, { digits: 0 })} width={48} />
            <Tooltip
              // Loss as a number, the accuracies in % like their axis.
              formatter={(v, _name, item) => (typeof v !== 'number' ? String(v) : item.dataKey === 'loss' ? v.toFixed(3) : pct(v))}
              labelFormatter={(v) => `${Number(v).toLocaleString('en')} images seen`}
            />
            <Legend verticalAlign="bottom" />
            <Line yAxisId="loss" type="monotone" dataKey="loss" name="training loss" stroke="#c0392b" dot={false} isAnimationActive={false} />
            <Line yAxisId="acc" type="monotone" dataKey="accuracy" name="batch accuracy" stroke="#2471a3" dot={false} isAnimationActive={false} />
            <Line yAxisId="acc" type="monotone" dataKey="testAccuracy" name="test accuracy (end of epoch)" stroke="#1e8449" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
