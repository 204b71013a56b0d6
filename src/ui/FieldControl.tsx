import type { Field } from '../engine/config/field';

/**
 * One setting as a form control, drawn from its field (engine/config/field.ts): a select for a choice, a
 * checkbox for on/off, a text box otherwise. Every form shows a problem the same way: the control outlined,
 * the message beside it in place of the hint, and the two tied together for screen readers.
 */
export function FieldControl(props: {
  field: Field<unknown>;
  /** The control's name (and id stem): "seeds", "retrainEpochs". */
  name: string;
  /** What the person typed or chose. */
  text: string;
  error?: string | null;
  disabled?: boolean;
  /** A label in place of the field's own ("Retraining: epochs"). */
  label?: string;
  /** A hint in place of the field's own. */
  hint?: string;
  onText: (text: string) => void;
}) {
  const { field, name, text, error, disabled, onText } = props;
  const label = props.label ?? field.label;
  const hint = props.hint ?? field.hint;
  const help = `${name}-help`;
  const c = field.control;
  const common = { name, id: name, disabled, 'aria-invalid': error ? true : undefined, 'aria-describedby': help } as const;
  if (c.kind === 'boolean') {
    return (
      <div className={error ? 'field field-check invalid' : 'field field-check'}>
        <label className="check">
          <input type="checkbox" {...common} checked={text === '1'} onChange={(e) => onText(e.target.checked ? '1' : '0')} />
          {label}
        </label>
        <small id={help} className={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>
          {error ?? hint}
        </small>
      </div>
    );
  }
  return (
    <label className={error ? 'field invalid' : 'field'} htmlFor={name}>
      <span>{label}</span>
      {c.kind === 'choice' ? (
        <select {...common} value={text} onChange={(e) => onText(e.target.value)}>
          {c.choices.map((choice) => (
            <option key={choice} value={choice}>
              {c.words[choice]}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} inputMode={c.kind === 'integer' ? 'numeric' : 'decimal'} value={text} onChange={(e) => onText(e.target.value)} />
      )}
      <small id={help} className={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </small>
    </label>
  );
}
