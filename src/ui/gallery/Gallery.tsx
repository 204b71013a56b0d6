import { DigitPicker } from './DigitPicker';
import { GalleryResults } from './GalleryResults';
import { MethodPicker } from './MethodPicker';
import { RemovalSettings } from './RemovalSettings';
import { ShowMapsBar } from './ShowMapsBar';
import { useGalleryCheck } from './useGalleryCheck';

/** Step 2: attribution maps of any digit beside the digit with its top pixels removed, seed 000's figure, live. */
export function Gallery() {
  const { request, errors } = useGalleryCheck();
  return (
    <section className="card gallery-card" aria-labelledby="gallery-title">
      <h2 id="gallery-title">2 · Explore attribution maps</h2>
      <p className="muted">
        An attribution map scores how much each pixel matters to the model's decision. Pick digits and methods: each row shows a
        method's map, and each column removes a larger share of the pixels it ranks highest. If the map found what the model relies
        on, its prediction should break early. (ROAR goes further and retrains on such digits: a model never trained on holes may also
        fail for the wrong reason.)
      </p>
      <div className="gallery-setup">
        <DigitPicker errors={errors} />
        <RemovalSettings errors={errors} />
      </div>
      <MethodPicker errors={errors} />
      <ShowMapsBar valid={request !== null} />
      <GalleryResults />
    </section>
  );
}
