import { SANITY_FIELDS } from '../../engine/sanity/sanityRequest';
import { FieldControl } from '../FieldControl';
import { JobControls } from '../JobControls';
import type { Field } from '../../engine/config/field';
import { useChecksBlocked, useCommands, useSanity } from '../labContext';
import { methodName } from '../sweep/methodStyle';
import { SanityChart } from './SanityChart';
import { SanityMaps } from './SanityMaps';
import { SanityTable } from './SanityTable';

/**
 * Adebayo et al.'s sanity checks on the base model of step 1: re-initialise its layers from the top (and
 * one at a time, and optionally train on shuffled labels) and see whether each method's maps change. A
 * method whose maps survive a random network cannot be explaining the trained one.
 */
export function SanityPanel() {
  const lab = useCommands();
  const form = useSanity((s) => s.form);
  const errors = useSanity((s) => s.errors);
  const status = useSanity((s) => s.status);
  const progress = useSanity((s) => s.progress);
  const outcome = useSanity((s) => s.outcome);
  const error = useSanity((s) => s.error);
  const shown = useSanity((s) => s.shownMethod);
  const blocked = useChecksBlocked();
  const busy = status !== 'idle';
  const invalid = Object.keys(errors).length > 0;
  const shownKey = shown ?? outcome?.checks.methods[0]?.key ?? '';
  return (
    <div className="sanity" aria-labelledby="sanity-heading" role="region">
      <h3 id="sanity-heading">Sanity checks</h3>
      <p className="muted">
        Adebayo et al. (2018): re-initialise the model’s layers from the top and watch each method’s maps. Rank correlation (Spearman ρ of |maps|) with the
        trained model’s maps should fall as the network stops being the one that learnt; a method that stays at 1 — edge detection, random — ignores the model.
      </p>
      <div className="fields">
        {(['images', 'seed', 'shuffled'] as const).map((k) => (
          <FieldControl key={k} field={SANITY_FIELDS[k] as Field<unknown>} name={`sanity-${k}`} text={form[k]} error={k === 'shuffled' ? null : errors[k]} disabled={busy} onText={(t) => lab.setSanityText(k, t)} />
        ))}
      </div>
      <JobControls
        status={status}
        startLabel="Run the sanity checks"
        onStart={() => lab.runSanity()}
        onStop={() => lab.stopSanity()}
        blocked={blocked}
        invalid={invalid}
        progress={{ value: progress?.fraction ?? 0, max: 1, label: 'Sanity-check progress', message: progress?.message ?? 'Starting…', testId: 'sanity-status' }}
      />
      {error ? <p className="error" role="alert">{error}</p> : null}
      {outcome ? (
        <div data-testid="sanity-results">
          <SanityChart outcome={outcome} />
          <SanityTable outcome={outcome} />
          <label className="inline metric-pick">
            Maps of{' '}
            <select value={shownKey} onChange={(e) => lab.showSanityMethod(e.target.value)} aria-label="Method whose maps are shown">
              {outcome.checks.methods.map((m) => (
                <option key={m.key} value={m.key}>
                  {methodName(m.method)}
                </option>
              ))}
            </select>
          </label>
          <SanityMaps outcome={outcome} methodKey={shownKey} />
          <p className="muted">
            {outcome.checks.images.length} test images, {outcome.seconds.toFixed(1)} s. Maps that multiply by the input (input × gradient, integrated gradients from
            black) are 0 on the black background under any weights, so their ρ stays high there whatever the layers hold.
          </p>
        </div>
      ) : null}
    </div>
  );
}
