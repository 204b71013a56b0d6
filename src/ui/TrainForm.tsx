import { REFERENCE_TRAIN, TRAIN_LIMITS } from '../engine/defaults';
import { TRAIN_FIELDS, type TrainField } from '../engine/config/trainConfig';
import { QUICK_TRAIN } from '../state/labStore';
import { useLab } from './storeContext';

const HINTS: Record<TrainField, string> = {
  learningRate: 'SGD step size. The paper uses 0.001; 0.01 learns faster.',
  momentum: 'SGD momentum (0.9 in the paper).',
  batchSize: 'Images per gradient step (64 in the paper).',
  epochs: 'Passes over the training images (10 in the paper).',
  trainSize: `How many of the ${TRAIN_LIMITS.trainSize.max.toLocaleString('en')} training images to use.`,
  testSize: `How many of the ${TRAIN_LIMITS.testSize.max.toLocaleString('en')} test images to score on.`,
  seed: 'Fixes the initial weights and the data order: same seed, same numbers.',
};

/** Training settings with validation, presets, and Train / Stop. */
export function TrainForm() {
  const form = useLab((s) => s.form);
  const errors = useLab((s) => s.formErrors);
  const status = useLab((s) => s.status);
  const ready = useLab((s) => s.data !== null && s.backend !== null);
  const setField = useLab((s) => s.setField);
  const setForm = useLab((s) => s.setForm);
  const start = useLab((s) => s.startTraining);
  const stop = useLab((s) => s.stopTraining);
  const busy = status !== 'idle';
  const invalid = Object.keys(errors).length > 0;

  return (
    <form
      className="card train-form"
      aria-label="Training settings"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <h2>1 · Train the base model</h2>
      <p className="muted">
        The small CNN of the ROAR study (two convolutions, three dense layers) learns to read handwritten digits,
        right here in your browser. Start with the quick setting; the paper's setting takes a few minutes.
      </p>
      <div className="presets">
        <button type="button" disabled={busy} onClick={() => setForm(QUICK_TRAIN)}>
          Quick (10,000 images, 1 epoch)
        </button>
        <button type="button" disabled={busy} onClick={() => setForm(REFERENCE_TRAIN)}>
          Paper setting (60,000 images, 10 epochs)
        </button>
      </div>
      <div className="fields">
        {(Object.keys(TRAIN_FIELDS) as TrainField[]).map((f) => (
          <label key={f} className={errors[f] ? 'field invalid' : 'field'}>
            <span>{TRAIN_FIELDS[f].label}</span>
            <input
              name={f}
              inputMode="decimal"
              value={form[f]}
              disabled={busy}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={`${f}-help`}
              onChange={(e) => setField(f, e.target.value)}
            />
            <small id={`${f}-help`} className={errors[f] ? 'error' : 'muted'} role={errors[f] ? 'alert' : undefined}>
              {errors[f] ?? HINTS[f]}
            </small>
          </label>
        ))}
      </div>
      <div className="actions">
        {busy ? (
          <button type="button" className="primary" onClick={stop} disabled={status === 'stopping'}>
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
