import type { TargetMode } from '../../engine/attribution/targets';
import type { MaskMode, RankTransform, Replacement, TieBreak } from '../../engine/defaults';
import { useGallery } from '../storeContext';
import type { GalleryErrors } from './galleryForm';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const TARGETS: readonly { value: TargetMode; label: string }[] = [
  { value: 'label', label: 'True label (seed 000, ROAD)' },
  { value: 'predicted', label: "Predicted class (Hooker's code)" },
];
const MODES: readonly { value: MaskMode; label: string }[] = [
  { value: 'roar', label: 'ROAR: remove the top pixels' },
  { value: 'kar', label: 'KAR: keep only the top pixels' },
];
const TRANSFORMS: readonly { value: RankTransform; label: string }[] = [
  { value: 'abs', label: '|value|' },
  { value: 'square', label: "value² (Hooker's code)" },
  { value: 'signed', label: 'signed value, largest first' },
];
const TIES: readonly { value: TieBreak; label: string }[] = [
  { value: 'random', label: 'Seeded random order' },
  { value: 'index', label: "Pixel index (Hooker's top_k)" },
];
const REPLACEMENTS: readonly { value: Replacement; label: string }[] = [
  { value: 'mean', label: 'Dataset mean grey' },
  { value: 'black', label: 'Black' },
  { value: 'white', label: 'White' },
  { value: 'imageMean', label: "The digit's own mean" },
  { value: 'noisyLinear', label: 'Noisy linear (ROAD)' },
];

/** What the maps explain, which pixels count as the top ones, and what replaces them at each threshold. */
export function RemovalSettings({ errors }: { errors: GalleryErrors }) {
  const form = useGallery((s) => s.form);
  const setField = useGallery((s) => s.setField);
  return (
    <fieldset className="gallery-fieldset gallery-removal">
      <legend>Removal</legend>
      <TextField
        name="gallery-thresholds"
        label="Thresholds (% of pixels)"
        inputMode="text"
        value={form.thresholds}
        hint="Percentages from 0 to 100, comma-separated, increasing: one column each."
        error={errors.thresholds}
        onChange={(v) => setField('thresholds', v)}
      />
      <SelectField name="gallery-mode" label="Mode" value={form.mode} options={MODES} onChange={(v) => setField('mode', v)} />
      <SelectField
        name="gallery-replacement"
        label="Replace removed pixels with"
        value={form.replacement}
        options={REPLACEMENTS}
        hint="ROAD's imputation fills each pixel from its neighbours, hiding the mask's shape."
        onChange={(v) => setField('replacement', v)}
      />
      <SelectField
        name="gallery-target"
        label="Explain the class"
        value={form.target}
        options={TARGETS}
        hint="A drawn digit has no label: its maps explain the predicted class."
        onChange={(v) => setField('target', v)}
      />
      <SelectField
        name="gallery-rankTransform"
        label="Rank pixels by"
        value={form.rankTransform}
        options={TRANSFORMS}
        onChange={(v) => setField('rankTransform', v)}
      />
      <SelectField
        name="gallery-tieBreak"
        label="Break ties by"
        value={form.tieBreak}
        options={TIES}
        hint="Most background pixels tie at 0; index order removes the top rows first."
        onChange={(v) => setField('tieBreak', v)}
      />
      <TextField name="gallery-tieSeed" label="Tie seed" value={form.tieSeed} hint="Seeds the random tie order." error={errors.tieSeed} onChange={(v) => setField('tieSeed', v)} />
      <TextField
        name="gallery-mapSeed"
        label="Map seed"
        value={form.mapSeed}
        hint="Seeds SmoothGrad's noise and the random map."
        error={errors.mapSeed}
        onChange={(v) => setField('mapSeed', v)}
      />
    </fieldset>
  );
}
