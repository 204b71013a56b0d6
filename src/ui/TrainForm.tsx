import { REFERENCE_TRAIN } from '../engine/defaults';
import { TRAIN_FIELD_NAMES, TRAIN_FIELDS } from '../engine/config/trainConfig';
import { QUICK_TRAIN } from '../state/labStore';
import { useLab } from './storeContext';

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
        {TRAIN_FIELD_NAMES.map((f) => {
          const spec = TRAIN_FIELDS[f];
          const common = {
            name: f,
            value: form[f],
            disabled: busy,
            'aria-invalid': errors[f] ? true : undefined,
            'aria-describedby': `${f}-help`,
          } as const;
          return (
            <label key={f} className={errors[f] ? 'field invalid' : 'field'}>
              <span>{spec.label}</span>
              {spec.kind === 'choice' ? (
                <select {...common} onChange={(e) => setField(f, e.target.value)}>
                  {spec.choices.map((c) => (
                    <option key={c} value={c}>
                      {spec.words[c]}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...common} inputMode="decimal" onChange={(e) => setField(f, e.target.value)} />
              )}
              <small id={`${f}-help`} className={errors[f] ? 'error' : 'muted'} role={errors[f] ? 'alert' : undefined}>
                {errors[f] ?? spec.hint}
              </small>
            </label>
          );
        })}
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
