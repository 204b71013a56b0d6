import { MNIST_TEST_COUNT } from '../../engine/defaults';
import { useCommands, useGallery } from '../labContext';
import { DrawPad } from './DrawPad';
import { MAX_DIGITS, type DigitSource, type GalleryErrors } from '../../state/galleryForm';
import { TextField } from './TextField';

const SOURCES: readonly { value: DigitSource; label: string }[] = [
  { value: 'test', label: 'Test images by index' },
  { value: 'class', label: 'First test images of a digit' },
  { value: 'misclassified', label: 'Misclassified test images' },
  { value: 'drawn', label: 'Draw one' },
];

/** Which digits the grid explains: test images by index, by class, the model's mistakes, or a drawing. */
export function DigitPicker({ errors }: { errors: GalleryErrors }) {
  const form = useGallery((s) => s.form);
  const lab = useCommands();
  return (
    <fieldset className="gallery-fieldset">
      <legend>Digits</legend>
      <div className="gallery-sources" role="radiogroup" aria-label="Where the digits come from">
        {SOURCES.map((s) => (
          <label key={s.value} className="gallery-radio">
            <input type="radio" name="gallery-source" value={s.value} checked={form.source === s.value} onChange={() => lab.setGalleryField('source', s.value)} />
            {s.label}
          </label>
        ))}
      </div>
      {form.source === 'test' ? (
        <TextField
          name="gallery-testIndices"
          label="Test image indices"
          inputMode="text"
          value={form.testIndices}
          hint={`From 0 to ${MNIST_TEST_COUNT - 1}, comma-separated (up to ${MAX_DIGITS}).`}
          error={errors.testIndices}
          onChange={(v) => lab.setGalleryField('testIndices', v)}
        />
      ) : null}
      {form.source === 'class' ? (
        <div className="gallery-row">
          <TextField name="gallery-classDigit" label="Digit" value={form.classDigit} hint="0 to 9." error={errors.classDigit} onChange={(v) => lab.setGalleryField('classDigit', v)} />
          <TextField
            name="gallery-classCount"
            label="How many"
            value={form.classCount}
            hint={`The first 1 to ${MAX_DIGITS} of the test set.`}
            error={errors.classCount}
            onChange={(v) => lab.setGalleryField('classCount', v)}
          />
        </div>
      ) : null}
      {form.source === 'misclassified' ? (
        <TextField
          name="gallery-misclassifiedCount"
          label="How many"
          value={form.misclassifiedCount}
          hint={`The first 1 to ${MAX_DIGITS} test images the base model gets wrong.`}
          error={errors.misclassifiedCount}
          onChange={(v) => lab.setGalleryField('misclassifiedCount', v)}
        />
      ) : null}
      {/* Kept mounted while hidden, so a drawing survives a look at other digits. */}
      <div hidden={form.source !== 'drawn'}>
        <DrawPad error={errors.drawn} />
      </div>
    </fieldset>
  );
}
