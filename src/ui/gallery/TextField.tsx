/** A labelled text input with its hint, replaced by the error message while the value is wrong. */
export function TextField(props: {
  name: string;
  label: string;
  value: string;
  hint: string;
  error?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  onChange: (value: string) => void;
}) {
  const { name, label, value, hint, error, inputMode = 'numeric', onChange } = props;
  const helpId = `${name}-help`;
  return (
    <label className={error ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <input
        name={name}
        inputMode={inputMode}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={helpId}
        onChange={(e) => onChange(e.target.value)}
      />
      <small id={helpId} className={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </small>
    </label>
  );
}
