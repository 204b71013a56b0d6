import { REFERENCE_TRAIN } from '../engine/defaults';
import { TRAIN_FIELD_NAMES, TRAIN_FIELDS } from '../engine/config/trainConfig';
import type { Field } from '../engine/config/field';
import { QUICK_TRAIN } from '../state/trainingState';
import { FieldControl } from './FieldControl';
import { useCommands, useSweep, useTraining } from './labContext';
import { SWEEP_FIELDS } from '../engine/sweep/sweepConfig';
import { DATASETS } from '../engine/data/datasets';

/** Training settings with validation, presets, and Train / Stop. */
export function TrainForm() {
  const form = useTraining((s) => s.form);
  const errors = useTraining((s) => s.formErrors);
  const status = useTraining((s) => s.status);
  const ready = useTraining((s) => s.data !== null && s.backend !== null);
  const lab = useCommands();
  const busy = status !== 'idle';
  const invalid = Object.keys(errors).length > 0;
  // The page works on one dataset, the sweep's: chosen here, before the model that every later step explains.
  const dataset = useSweep((s) => s.config.dataset);
  const datasetText = useSweep((s) => s.form.texts.dataset ?? dataset);
  const sweepBusy = useSweep((s) => s.status !== 'idle');

  return (
    <form
      className="card train-form"
      aria-labelledby="train-heading"
      onSubmit={(e) => {
        e.preventDefault();
        lab.train();
      }}
    >
      <h2 id="train-heading">1 · Train the base model</h2>
      <p className="muted">
        The small CNN of the ROAR study (two convolutions, three dense layers) learns to read handwritten digits,
        right here in your browser. Start with the quick setting; the paper's setting takes a few minutes.
      </p>
      <div className="fields">
        <FieldControl
          field={SWEEP_FIELDS.dataset as Field<unknown>}
          name="dataset"
          text={datasetText}
          disabled={busy || sweepBusy}
          hint={`${SWEEP_FIELDS.dataset.hint} ${DATASETS[dataset].split}`}
          onText={(text) => lab.setSweepText('dataset', text)}
        />
      </div>
      <div className="presets">
        <button type="button" disabled={busy} onClick={() => lab.setTrainingConfig(QUICK_TRAIN)}>
          Quick (10,000 images, 1 epoch)
        </button>
        <button type="button" disabled={busy} onClick={() => lab.setTrainingConfig(REFERENCE_TRAIN)}>
          Paper setting (60,000 images, 10 epochs)
        </button>
      </div>
      <div className="fields">
        {TRAIN_FIELD_NAMES.map((f) => (
          <FieldControl key={f} field={TRAIN_FIELDS[f] as Field<unknown>} name={f} text={form[f]} error={errors[f]} disabled={busy} onText={(text) => lab.setTrainingText(f, text)} />
        ))}
      </div>
      <div className="actions">
        {busy ? (
          <button type="button" className="primary" onClick={() => lab.stopTraining()} disabled={status === 'stopping'}>
            {status === 'stopping' ? 'Stopping…' : 'Stop'}
          </button>
        ) : (
          <button type="submit" className="primary" disabled={!ready || invalid}>
            Train
          </button>
        )}
        {!ready ? <span className="muted">Waiting for the backend and the data…</span> : null}
      </div>
    </form>
  );
}
