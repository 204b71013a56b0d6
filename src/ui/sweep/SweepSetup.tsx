import { useState } from 'react';
import { METHOD_IDS, METHOD_INFO, type MethodId } from '../../engine/attribution/catalog';
import { TRAIN_LIMITS, type MaskMode, type Replacement, type TieBreak } from '../../engine/defaults';
import { PRESETS, type PresetId } from '../../engine/sweep/sweepConfig';
import { useSweep } from '../storeContext';
import { parsePercentages } from './parsePercentages';
import { TrainSettings } from './TrainSettings';

const REPLACEMENTS: [Replacement, string][] = [
  ['mean', 'dataset mean (default)'],
  ['black', 'black'],
  ['white', 'white'],
  ['imageMean', "the image's own mean"],
  ['noisyLinear', "ROAD's noisy linear imputation"],
];

/** Presets and the sweep's settings: methods, thresholds, seeds, masking rule, training sizes. */
export function SweepSetup({ disabled }: { disabled: boolean }) {
  const preset = useSweep((s) => s.preset);
  const config = useSweep((s) => s.config);
  const errors = useSweep((s) => s.configErrors);
  const choosePreset = useSweep((s) => s.choosePreset);
  const editConfig = useSweep((s) => s.editConfig);
  const editMask = useSweep((s) => s.editMask);
  const [thresholdText, setThresholdText] = useState<string | null>(null);
  const [thresholdError, setThresholdError] = useState<string | null>(null);
  const shownThresholds = thresholdText ?? config.thresholds.map((t) => Math.round(t * 1000) / 10).join(', ');
  const selected = new Set(config.methods.map((m) => m.id));

  const toggle = (id: MethodId, on: boolean) =>
    editConfig({ methods: on ? [...config.methods, { id, params: {} }] : config.methods.filter((m) => m.id !== id) });
  const num = (raw: string): number => (raw.trim() === '' ? Number.NaN : Number(raw));

  return (
    <fieldset className="sweep-setup" disabled={disabled}>
      <legend className="sr-only">Sweep settings</legend>
      <div className="presets" role="group" aria-label="Presets">
        {(Object.keys(PRESETS) as PresetId[]).map((id) => (
          <button key={id} type="button" className={preset === id ? 'chosen' : ''} aria-pressed={preset === id} onClick={() => {
            choosePreset(id);
            setThresholdText(null);
            setThresholdError(null);
          }} title={PRESETS[id].description}>
            {PRESETS[id].label}
          </button>
        ))}
        <span className="muted">{preset === 'custom' ? 'Custom settings' : PRESETS[preset].description}</span>
      </div>
      <div className="method-picks" role="group" aria-label="Methods to test">
        {METHOD_IDS.map((id) => (
          <label key={id} className="check" title={METHOD_INFO[id].description}>
            <input type="checkbox" checked={selected.has(id) || id === 'random'} disabled={id === 'random'} onChange={(e) => toggle(id, e.target.checked)} />
            {METHOD_INFO[id].label}
            {id === 'random' ? <span className="muted"> (always, the baseline)</span> : null}
          </label>
        ))}
      </div>
      <div className="fields">
        <label className={thresholdError ? 'field invalid' : 'field'}>
          <span>Fractions {config.mask.mode === 'roar' ? 'removed' : 'kept'} (%)</span>
          <input
            name="thresholds"
            value={shownThresholds}
            aria-invalid={thresholdError ? true : undefined}
            onChange={(e) => {
              setThresholdText(e.target.value);
              const r = parsePercentages(e.target.value);
              if ('error' in r) setThresholdError(r.error);
              else {
                setThresholdError(null);
                editConfig({ thresholds: r.values });
              }
            }}
          />
          <small className={thresholdError ? 'error' : 'muted'} role={thresholdError ? 'alert' : undefined}>
            {thresholdError ?? 'Comma-separated percentages; the paper uses 0, 10, 30, 50, 70, 90.'}
          </small>
        </label>
        <label className="field">
          <span>Seeds per cell</span>
          <input name="seeds" inputMode="numeric" value={Number.isNaN(config.seeds) ? '' : config.seeds} onChange={(e) => editConfig({ seeds: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) })} />
          <small className="muted">Fresh models per method and threshold (5 in the paper).</small>
        </label>
        <label className="field">
          <span>Mode</span>
          <select name="mode" value={config.mask.mode} onChange={(e) => editMask({ mode: e.target.value as MaskMode })}>
            <option value="roar">ROAR: remove the most important pixels</option>
            <option value="kar">KAR: keep only the most important pixels</option>
          </select>
        </label>
        <label className="field">
          <span>Replacement</span>
          <select name="replacement" value={config.mask.replacement} onChange={(e) => editMask({ replacement: e.target.value as Replacement })}>
            {REPLACEMENTS.map(([v, label]) => (
              <option key={v} value={v}>{label}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Ties</span>
          <select name="tieBreak" value={config.mask.tieBreak} onChange={(e) => editMask({ tieBreak: e.target.value as TieBreak })}>
            <option value="random">seeded random order (default)</option>
            <option value="index">pixel index, as Hooker's top_k</option>
          </select>
          <small className="muted">IG and input × gradient give exact zeros on the black background; the tie rule decides which of those go.</small>
        </label>
        <label className="field">
          <span>Maps explain</span>
          <select name="target" value={config.target} onChange={(e) => editConfig({ target: e.target.value as 'label' | 'predicted' })}>
            <option value="label">the true label</option>
            <option value="predicted">the predicted class</option>
          </select>
        </label>
        <label className="field">
          <span>Base models</span>
          <input name="baseSeeds" inputMode="numeric" value={Number.isNaN(config.baseSeeds) ? '' : config.baseSeeds} onChange={(e) => editConfig({ baseSeeds: num(e.target.value) })} />
          <small className="muted">Each makes its own maps and gets its own retrains: at 90 % removed, which model made the maps moves a cell by up to 25 points.</small>
        </label>
        <TrainSettings
          prefix="retrain"
          who="Retraining"
          config={config.retrain}
          fields={['trainSize', 'testSize', 'epochs', 'optimizer', 'learningRate', 'warmupSteps', 'stopping', 'patience']}
          hints={{ trainSize: `1 to ${TRAIN_LIMITS.trainSize.max.toLocaleString('en')} masked training images per run.`, epochs: 'With “stop when the loss stops falling”, the most epochs.' }}
          onChange={(patch) => editConfig({ retrain: { ...config.retrain, ...patch } })}
        />
        <TrainSettings
          prefix="base"
          who="Base model"
          config={config.base}
          fields={['trainSize', 'epochs', 'optimizer', 'learningRate']}
          hints={{ trainSize: 'The model whose maps are tested, trained first.' }}
          onChange={(patch) => editConfig({ base: { ...config.base, ...patch } })}
        />
        <fieldset className="field checks">
          <legend>Controls</legend>
          <label className="check">
            <input type="checkbox" name="noRetrain" checked={config.noRetrain} onChange={(e) => editConfig({ noRetrain: e.target.checked })} />
            No retraining: the base model on the masked test images
          </label>
          <label className="check">
            <input type="checkbox" name="maskOnly" checked={config.maskOnly} onChange={(e) => editConfig({ maskOnly: e.target.checked })} />
            Mask only: a model that sees only which pixels were removed
          </label>
          <small className="muted">The mask-only control measures how much of the digit the shape of the removed set gives away (ROAD's critique of ROAR).</small>
        </fieldset>
      </div>
      {errors.length ? (
        <ul className="error" role="alert" data-testid="sweep-config-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
