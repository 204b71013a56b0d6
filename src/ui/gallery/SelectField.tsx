/** A labelled drop-down with a hint under it. */
export function SelectField<V extends string>(props: {
  name: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  hint?: string;
  onChange: (value: V) => void;
}) {
  const { name, label, value, options, hint, onChange } = props;
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} value={value} aria-describedby={hint ? `${name}-help` : undefined} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <small id={`${name}-help`} className="muted">
          {hint}
        </small>
      ) : null}
    </label>
  );
}
