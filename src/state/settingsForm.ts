/**
 * A form over a configuration's settings (engine/config/field.ts): the text of every control as typed, and
 * the message of every control whose text is not allowed. The configuration always holds the last allowed
 * value of each setting, so it can always run; a problem stays beside its control until it is fixed.
 */
import { parseText, type Setting } from '../engine/config/field';

export interface SettingsForm {
  /** What each control shows, by setting path. */
  texts: Readonly<Record<string, string>>;
  /** The message of each control whose text is not allowed, by setting path. */
  errors: Readonly<Record<string, string>>;
}

export function formOf<C>(settings: readonly Setting<C>[], config: C): SettingsForm {
  return { texts: Object.fromEntries(settings.map((s) => [s.path, s.field.toText(s.get(config))])), errors: {} };
}

/** The form after a control's text changed, and the configuration with the value when it is allowed. */
export function editForm<C>(settings: readonly Setting<C>[], config: C, form: SettingsForm, path: string, text: string): { config: C; form: SettingsForm } {
  const setting = settings.find((s) => s.path === path);
  if (!setting) throw new Error(`no setting at ${path}`);
  const r = parseText(setting.field, text);
  const errors = { ...form.errors };
  let next = config;
  if ('value' in r) {
    delete errors[path];
    next = structuredClone(config);
    setting.set(next, r.value);
  } else errors[path] = r.error;
  return { config: next, form: { texts: { ...form.texts, [path]: text }, errors } };
}
