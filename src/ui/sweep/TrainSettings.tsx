import { TRAIN_FIELDS, trainValueFromText, type TrainField } from '../../engine/config/trainConfig';
import type { TrainConfig } from '../../engine/defaults';

/**
 * Some training settings of the sweep's base model or retraining, as form controls drawn from their field
 * specs (engine/config/trainConfig.ts): a select for a choice, a text box for a number. Control names are
 * the prefix and the field ("retrainEpochs"), so that a test or a screen reader finds them.
 */
export function TrainSettings(props: {
  prefix: 'base' | 'retrain';
  /** Says whose setting it is: "Retraining", "Base model". */
  who: string;
  config: TrainConfig;
  fields: readonly TrainField[];
  hints?: Partial<Record<TrainField, string>>;
  onChange: (patch: Partial<TrainConfig>) => void;
}) {
  const { prefix, who, config, fields, hints = {}, onChange } = props;
  return (
    <>
      {fields.map((f) => {
        const spec = TRAIN_FIELDS[f];
        const name = `${prefix}${f[0].toUpperCase()}${f.slice(1)}`;
        const value = config[f];
        const set = (text: string): void => onChange({ [f]: trainValueFromText(f, text) } as Partial<TrainConfig>);
        return (
          <label key={f} className="field">
            <span>
              {who}: {spec.label.toLowerCase()}
            </span>
            {spec.kind === 'choice' ? (
              <select name={name} value={String(value)} onChange={(e) => set(e.target.value)}>
                {spec.choices.map((c) => (
                  <option key={c} value={c}>
                    {spec.words[c]}
                  </option>
                ))}
              </select>
            ) : (
              <input name={name} inputMode="decimal" value={typeof value === 'number' && Number.isNaN(value) ? '' : String(value)} onChange={(e) => set(e.target.value)} />
            )}
            {hints[f] ? <small className="muted">{hints[f]}</small> : null}
          </label>
        );
      })}
    </>
  );
}
