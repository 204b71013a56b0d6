/**
 * The lab's settings and the address bar, kept as one: a link's settings are applied when the page opens,
 * and every later change of the training form or the sweep settings is written back (history.replaceState,
 * so Back still leaves the page), so that copying the address shares the setup.
 */
import { TRAIN_FIELD_NAMES, trainValueFromText, type TrainField } from '../../engine/config/trainConfig';
import type { BackendName, TrainConfig } from '../../engine/defaults';
import { decodeConfigQuery, encodeConfigQuery, type ShareConfig } from '../../share/configQuery';
import { presetOf } from '../../share/presetOf';
import type { Stores } from '../storeContext';

/** The training form as typed; a field that is not a number yet reads as NaN, which links leave out. */
export function trainFromForm(form: Record<TrainField, string>): TrainConfig {
  return Object.fromEntries(TRAIN_FIELD_NAMES.map((f) => [f, trainValueFromText(f, form[f])])) as unknown as TrainConfig;
}

function currentShareConfig(stores: Stores, backend: BackendName | null): ShareConfig {
  return { train: trainFromForm(stores.lab.getState().form), sweep: stores.sweep.getState().config, backend };
}

/** Applies the settings in `search` to the forms; returns the notices about what it could not apply, or null. */
export function applyConfigLink(stores: Stores, search: string): string | null {
  const { config, notices, present } = decodeConfigQuery(search, currentShareConfig(stores, null));
  if (present) {
    stores.lab.getState().setForm(config.train);
    const preset = presetOf(config.sweep);
    if (preset === 'custom') stores.sweep.getState().editConfig(config.sweep);
    else stores.sweep.getState().choosePreset(preset);
  }
  return notices.length ? notices.join(' ') : null;
}

/** Writes the settings into the address on every change, keeping the hash; at once if the page was opened with settings. */
export function keepConfigInUrl(stores: Stores, backend: BackendName | null): void {
  const write = (): void => {
    const query = encodeConfigQuery(currentShareConfig(stores, backend));
    history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`);
  };
  stores.lab.subscribe((s, prev) => {
    if (s.form !== prev.form) write();
  });
  stores.sweep.subscribe((s, prev) => {
    if (s.config !== prev.config) write();
  });
  if (location.search) write();
}
