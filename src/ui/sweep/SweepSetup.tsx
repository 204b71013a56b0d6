import { useMemo } from 'react';
import { METHOD_IDS, METHOD_INFO, type MethodId } from '../../engine/attribution/catalog';
import { PRESETS, SWEEP_SETTINGS, type PresetId } from '../../engine/sweep/sweepConfig';
import { FieldControl } from '../FieldControl';
import { useCommands, useSweep } from '../labContext';

/** A control's name for a setting path: "retrain.trainSize" → "retrainTrainSize", "mask.mode" → "mode". */
const controlName = (path: string): string => {
  const [group, name] = path.split('.');
  if (!name) return group;
  return group === 'mask' ? name : `${group}${name[0].toUpperCase()}${name.slice(1)}`;
};

/** The settings, grouped as a person thinks of them; each group lists setting paths in the order shown. */
const GROUPS: readonly { legend: string; paths: readonly string[] }[] = [
  { legend: 'What is compared', paths: ['thresholds', 'seeds', 'baseSeeds', 'target'] },
  { legend: 'How pixels are removed', paths: ['mask.mode', 'mask.replacement', 'mask.rankTransform', 'mask.filter', 'mask.tieBreak', 'mask.tieSeed', 'mapSeed'] },
  { legend: 'Retraining', paths: ['retrain.trainSize', 'retrain.testSize', 'retrain.epochs', 'retrain.optimizer', 'retrain.learningRate', 'retrain.warmupSteps', 'retrain.stopping', 'retrain.patience'] },
  { legend: 'Base models', paths: ['base.trainSize', 'base.epochs', 'base.optimizer', 'base.learningRate'] },
  { legend: 'Controls', paths: ['noRetrain', 'maskOnly'] },
];

const setting = (path: string) => SWEEP_SETTINGS.find((s) => s.path === path)!;

/** Presets and the sweep's settings, every control drawn from its setting's field. */
export function SweepSetup({ disabled }: { disabled: boolean }) {
  const lab = useCommands();
  const preset = useSweep((s) => s.preset);
  const config = useSweep((s) => s.config);
  const form = useSweep((s) => s.form);
  // Recomputed when the form changes; a selector returning a fresh list would re-render forever.
  const problems = useMemo(() => lab.sweepProblems(), [lab, form, config]);
  const selected = new Set(config.methods.map((m) => m.id));
  const controlErrors = new Set(Object.values(form.errors));
  // Problems no single control shows (the configuration's own), listed under the form.
  const general = problems.filter((p) => !controlErrors.has(p));

  const label = (path: string): string => (path === 'thresholds' ? `${config.mask.mode === 'roar' ? 'Pixels removed' : 'Pixels kept'} (%)` : setting(path).field.label);

  return (
    <fieldset className="sweep-setup" disabled={disabled}>
      <legend className="sr-only">Sweep settings</legend>
      <div className="presets" role="group" aria-label="Presets">
        {(Object.keys(PRESETS) as PresetId[]).map((id) => (
          <button key={id} type="button" className={preset === id ? 'chosen' : ''} aria-pressed={preset === id} onClick={() => lab.choosePreset(id)} title={PRESETS[id].description}>
            {PRESETS[id].label}
          </button>
        ))}
        <span className="muted">{preset === 'custom' ? 'Custom settings' : PRESETS[preset].description}</span>
      </div>
      <div className="method-picks" role="group" aria-label="Methods to test">
        {METHOD_IDS.map((id: MethodId) => (
          <label key={id} className="check" title={METHOD_INFO[id].description}>
            <input type="checkbox" checked={selected.has(id) || id === 'random'} disabled={id === 'random'} onChange={(e) => lab.toggleSweepMethod(id, e.target.checked)} />
            {METHOD_INFO[id].label}
            {id === 'random' ? <span className="muted"> (always, the baseline)</span> : null}
          </label>
        ))}
      </div>
      <div className="setting-groups">
        {GROUPS.map((g) => (
          <fieldset key={g.legend} className="setting-group">
            <legend>{g.legend}</legend>
            <div className="fields">
              {g.paths.map((path) => (
                <FieldControl
                  key={path}
                  field={setting(path).field}
                  name={controlName(path)}
                  label={label(path)}
                  text={form.texts[path] ?? ''}
                  error={form.errors[path]}
                  onText={(text) => lab.setSweepText(path, text)}
                />
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {general.length ? (
        <ul className="error" role="alert" data-testid="sweep-config-errors">
          {general.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
