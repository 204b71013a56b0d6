/**
 * Which preset a sweep configuration is, so that opening a link lights up the matching preset button. Two
 * configurations are the same exactly when their link texts are (the encoding is exact and canonical). A
 * preset is a protocol, whichever dataset it runs on.
 */
import { REFERENCE_TRAIN } from '../engine/defaults';
import { PRESETS, type PresetId, type SweepConfig } from '../engine/sweep/sweepConfig';
import { encodeConfigQuery } from './configQuery';

const sweepText = (sweep: SweepConfig): string => encodeConfigQuery({ train: REFERENCE_TRAIN, sweep, backend: null });

export function presetOf(sweep: SweepConfig): PresetId | 'custom' {
  const text = sweepText(sweep);
  return (Object.keys(PRESETS) as PresetId[]).find((id) => sweepText({ ...PRESETS[id].config, dataset: sweep.dataset }) === text) ?? 'custom';
}
