import type { Field } from '../../engine/config/field';
import { MASK_FIELDS } from '../../engine/config/maskConfig';
import { SWEEP_FIELDS } from '../../engine/sweep/sweepConfig';
import { GALLERY_FIELDS, type GalleryErrors, type GalleryForm } from '../../state/galleryForm';
import { FieldControl } from '../FieldControl';
import { useCommands, useGallery } from '../labContext';

type Key = 'thresholds' | 'mode' | 'replacement' | 'target' | 'rankTransform' | 'filter' | 'tieBreak' | 'tieSeed' | 'mapSeed';

/** The gallery's removal settings: the same fields as the sweep's, with a few words of their own. */
const CONTROLS: readonly { key: Key; field: Field<unknown>; hint?: string }[] = [
  { key: 'thresholds', field: GALLERY_FIELDS.thresholds as Field<unknown> },
  { key: 'mode', field: MASK_FIELDS.mode as Field<unknown> },
  { key: 'replacement', field: MASK_FIELDS.replacement as Field<unknown>, hint: 'ROAD’s imputation fills each pixel from its neighbours, hiding the mask’s shape.' },
  { key: 'target', field: SWEEP_FIELDS.target as Field<unknown>, hint: 'A drawn digit has no label: its maps explain the predicted class.' },
  { key: 'rankTransform', field: MASK_FIELDS.rankTransform as Field<unknown> },
  { key: 'filter', field: MASK_FIELDS.filter as Field<unknown> },
  { key: 'tieBreak', field: MASK_FIELDS.tieBreak as Field<unknown>, hint: 'Most background pixels tie at 0; index order removes the top rows first.' },
  { key: 'tieSeed', field: GALLERY_FIELDS.tieSeed as Field<unknown> },
  { key: 'mapSeed', field: GALLERY_FIELDS.mapSeed as Field<unknown> },
];

/** What the maps explain, which pixels count as the top ones, and what replaces them at each threshold. */
export function RemovalSettings({ errors }: { errors: GalleryErrors }) {
  const form = useGallery((s) => s.form);
  const lab = useCommands();
  return (
    <fieldset className="gallery-fieldset gallery-removal">
      <legend>Removal</legend>
      {CONTROLS.map(({ key, field, hint }) => (
        <FieldControl
          key={key}
          field={field}
          name={`gallery-${key}`}
          text={String(form[key])}
          hint={hint}
          error={(errors as Partial<Record<string, string>>)[key]}
          onText={(text) => lab.setGalleryField(key, text as GalleryForm[Key])}
        />
      ))}
    </fieldset>
  );
}
