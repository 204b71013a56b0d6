import { useTraining } from './labContext';
import { pct } from '../engine/percent';
import { ScrollRegion } from './ScrollRegion';


/** The trained model's test accuracy, per-class precision and how it was made. */
export function TrainResults() {
  const model = useTraining((s) => s.model);
  const jobError = useTraining((s) => s.jobError);
  if (jobError) return <p className="error card" role="alert">Training failed: {jobError}</p>;
  if (!model) return null;
  const { evaluation: ev, outcome, config } = model;
  return (
    <section className="card" aria-label="Trained model">
      <h2>Base model</h2>
      <p className="big" data-testid="test-accuracy" data-value={ev.accuracy}>
        Test accuracy {pct(ev.accuracy, { digits: 2 })}
      </p>
      <p className="muted">
        {outcome.stopped ? `Stopped after ${outcome.samplesSeen.toLocaleString('en')} images; this partly trained model is kept. ` : null}
        {ev.count.toLocaleString('en')} test images · {outcome.epochsCompleted} epoch(s) on {config.trainSize.toLocaleString('en')} training images · lr {config.learningRate}, momentum {config.momentum}, batch {config.batchSize}, seed {config.seed} ·{' '}
        <span data-testid="samples-per-sec" data-value={outcome.samplesPerSec}>
          {Math.round(outcome.samplesPerSec).toLocaleString('en')}
        </span>{' '}
        samples/s on <span data-testid="result-backend">{model.backend}</span>
      </p>
      <ScrollRegion label="Per-class precision of the base model, % (scrolls sideways)">
        <table className="precision" aria-label="Per-class precision">
          <thead>
            <tr>
              <th scope="row">Digit</th>
              {ev.precision.map((_, c) => (
                <th key={c} scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Precision, %</th>
              {ev.precision.map((p, c) => (
                <td key={c}>{pct(p, { unit: false })}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
