import { METRICS, type MetricId } from '../../engine/metrics/metricCatalog';
import { METRICS_FIELDS, METRICS_SETTING_FIELD, SEED004_METRICS } from '../../engine/metrics/metricsRequest';
import { pct } from '../../engine/percent';
import { FieldControl } from '../FieldControl';
import { JobControls } from '../JobControls';
import { useChecksBlocked, useCommands, useMetrics, useSweep } from '../labContext';
import { methodName } from '../sweep/methodStyle';
import { MetricsChart } from './MetricsChart';
import { MetricsTable } from './MetricsTable';
import { SanityPanel } from '../sanity/SanityPanel';

/**
 * Step 4: the no-retrain metrics of the sweep's methods on the base model of step 1 — deletion, insertion,
 * ROAD and pixel perturbation — in seconds, to read beside the ROAR chart: where they agree with it, and where
 * a metric that does not retrain is fooled by the distribution shift ROAR removes.
 */
export function MetricsPanel() {
  const lab = useCommands();
  const status = useMetrics((s) => s.status);
  const progress = useMetrics((s) => s.progress);
  const result = useMetrics((s) => s.result);
  const error = useMetrics((s) => s.error);
  const shown = useMetrics((s) => s.shown);
  const imagesText = useMetrics((s) => s.imagesText);
  const imagesError = useMetrics((s) => s.imagesError);
  const setting = useMetrics((s) => s.setting);
  const fileNotice = useMetrics((s) => s.fileNotice);
  const methods = useSweep((s) => s.config.methods);
  const blocked = useChecksBlocked();
  const busy = status !== 'idle';
  const info = METRICS[shown];
  return (
    <section className="card" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">4 · Without retraining</h2>
      <p className="muted">
        The papers’ other lenses, on the base model of step 1 and {setting === 'sweep' ? 'the sweep’s methods' : 'seed 004’s'} (
        {[...(setting === 'sweep' ? methods : SEED004_METRICS.methods).map(methodName), 'Random'].filter((x, i, a) => a.indexOf(x) === i).join('; ')}): remove
        or put back pixels in rank order and watch the model’s output, with no retraining. Seconds instead of hours — but a model that never saw
        masked images can fail on them because they are unfamiliar, not because the information is gone, which is why ROAR retrains.
      </p>
      <p>
        <label className="file-open">
          Open a file of <code>roar evaluate</code> or <code>roar sanity</code>:{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="checks-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void lab.openChecksFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </p>
      {fileNotice ? (
        <p className={fileNotice.error ? 'error' : 'muted'} role={fileNotice.error ? 'alert' : 'status'} data-testid="checks-file-notice">
          {fileNotice.text}
        </p>
      ) : null}
      <h3>Removing and putting back pixels</h3>
      <div className="fields">
        <FieldControl field={METRICS_SETTING_FIELD as never} name="metricsSetting" text={setting} disabled={busy} onText={(t) => lab.setMetricsSetting(t as typeof setting)} />
        <FieldControl field={METRICS_FIELDS.images as never} name="metricsImages" text={imagesText} error={imagesError} disabled={busy} onText={(t) => lab.setMetricsImages(t)} />
      </div>
      <JobControls
        status={status}
        startLabel="Score without retraining"
        onStart={() => lab.computeMetrics()}
        onStop={() => lab.stopMetrics()}
        blocked={blocked}
        invalid={imagesError !== null}
        progress={{
          value: progress?.done ?? 0,
          max: progress?.total ?? 1,
          label: 'Metrics progress',
          message: progress ? `${progress.message} · step ${progress.done} of ${progress.total}` : 'Starting…',
          testId: 'metrics-status',
        }}
      />
      {error ? <p className="error" role="alert">{error}</p> : null}
      {result ? (
        <div data-testid="metrics-results">
          {result.baseHealth.flags.includes('collapsed') || result.baseHealth.flags.includes('chance') ? (
            <p className="error" role="alert">The base model did not learn, so these curves say nothing about the methods: train it longer in step 1.</p>
          ) : null}
          <label className="inline metric-pick">
            Curve:{' '}
            <select value={shown} onChange={(e) => lab.showMetric(e.target.value as MetricId)} aria-label="Metric whose curves are shown">
              {[...new Set(result.metrics.map((m) => m.metric))].map((id) => (
                <option key={id} value={id}>
                  {METRICS[id].label}
                </option>
              ))}
            </select>
          </label>
          <p data-testid="metric-sentence">
            {info.measures} <strong>{info.better === 'lower' ? 'Lower' : 'Higher'} is better.</strong> <span className="muted">({info.source})</span>
          </p>
          <MetricsChart result={result} metric={shown} />
          <MetricsTable result={result} shown={shown} onShow={(id) => lab.showMetric(id)} />
          <p className="muted">
            Base model {pct(result.baseAccuracy)} on the first {result.request.images.toLocaleString('en')} test images; replaced pixels take the sweep’s
            replacement rule ({result.request.mask.replacement}), ROAD’s are filled from their neighbours; {result.seconds.toFixed(1)} s.
          </p>
        </div>
      ) : null}
      <SanityPanel />
    </section>
  );
}
