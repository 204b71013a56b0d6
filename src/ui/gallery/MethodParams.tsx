import { NOISE_BASE_IDS, methodInfo, type FieldInfo, type MethodId } from '../../engine/attribution/catalog';
import { useCommands, useGallery } from '../labContext';
import { baseKey } from '../../state/galleryForm';
import { choiceLabel, fieldHint } from './methodHints';
import { paramField } from '../../engine/attribution/params';
import { parseText } from '../../engine/config/field';

/** A number parameter's own problem, in the form's words ("Steps: a whole number from 1 to 1024; 0 is out of range."). */
function problemOf(field: FieldInfo, label: string, value: string): string | null {
  if (field.kind === 'choice') return null;
  const r = parseText(paramField(field, label), value);
  return 'error' in r ? r.error : null;
}

/** One parameter: a drop-down for a choice, a text box for a number (checked with the whole method). */
function ParamInput({ id, field, paramKey, valueKey, label }: { id: MethodId; field: FieldInfo; paramKey: string; valueKey: string; label: string }) {
  const value = useGallery((s) => s.form.methods[id].values[valueKey] ?? '');
  const lab = useCommands();
  const name = `gallery-${id}-${valueKey}`;
  const hint = fieldHint(paramKey, field);
  const problem = problemOf(field, label, value);
  return (
    <label className={problem ? 'field gallery-param invalid' : 'field gallery-param'}>
      <span>{label}</span>
      {field.kind === 'choice' ? (
        <select name={name} value={value} aria-describedby={`${name}-help`} onChange={(e) => lab.setGalleryMethodValue(id, valueKey, e.target.value)}>
          {field.choices.map((c) => (
            <option key={c} value={c}>
              {choiceLabel(c)}
            </option>
          ))}
        </select>
      ) : (
        <input
          name={name}
          inputMode="decimal"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${name}-help`}
          onChange={(e) => lab.setGalleryMethodValue(id, valueKey, e.target.value)}
        />
      )}
      <small id={`${name}-help`} className={problem ? 'error' : 'muted'} role={problem ? 'alert' : undefined}>
        {problem ?? hint}
      </small>
    </label>
  );
}

/** The editable parameters of a selected method, with the method's verdict on them; a noise wrapper also shows its base's. */
export function MethodParams({ id, error }: { id: MethodId; error?: string }) {
  const info = methodInfo(id);
  const baseId = useGallery((s) => s.form.methods[id].values.base);
  const base = info.wrapsBase && (NOISE_BASE_IDS as readonly string[]).includes(baseId) ? methodInfo(baseId as MethodId) : null;
  const values = useGallery((s) => s.form.methods[id].values);
  // A field's own problem shows beside it; the method's message only for what no one field says.
  const fieldProblems =
    Object.entries(info.fields).some(([k, f]) => problemOf(f, f.label, values[k] ?? '')) ||
    Object.entries(base?.fields ?? {}).some(([k, f]) => problemOf(f, f.label, values[baseKey(k)] ?? ''));
  return (
    <div className="gallery-param-row" role="group" aria-label={`${info.label} parameters`}>
      <strong className="gallery-param-method">{info.label}</strong>
      <div className="gallery-params">
        {Object.entries(info.fields).map(([key, field]) => (
          <ParamInput key={key} id={id} field={field} paramKey={key} valueKey={key} label={field.label} />
        ))}
        {base
          ? Object.entries(base.fields).map(([key, field]) => (
              <ParamInput key={baseKey(key)} id={id} field={field} paramKey={key} valueKey={baseKey(key)} label={`${base.label}: ${field.label}`} />
            ))
          : null}
      </div>
      {error && !fieldProblems ? (
        <small className="error gallery-param-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
