import { GalleryExport } from '../export/GalleryExport';
import { useGallery } from '../labContext';
import { DigitResult } from './DigitResult';

/** The worker's error, if any, above the last grid it computed; the grid stays while a new one computes. */
export function GalleryResults() {
  const result = useGallery((s) => s.result);
  const error = useGallery((s) => s.error);
  const computing = useGallery((s) => s.status === 'computing');
  return (
    <>
      {error ? (
        <p className="error" role="alert" data-testid="gallery-error">
          The maps could not be computed: {error}
        </p>
      ) : null}
      {result ? (
        <div className={computing ? 'gallery-grid gallery-stale' : 'gallery-grid'} data-testid="gallery-grid" aria-busy={computing}>
          <p className="muted gallery-key">
            In each cell: left, the method's map (same for every column) with a dot on each pixel replaced at that threshold; right, the
            digit after the replacement, and what the base model predicts for it (red when it no longer matches). Hover a map, or focus it and use the arrow keys, to read a pixel's value; tap a pair (or its + button) to enlarge it. Computed in{' '}
            {result.seconds.toFixed(1)} s.
          </p>
          <GalleryExport />
          {result.images.map((image, i) => (
            <DigitResult key={`${i}:${image.input.index}`} image={image} request={result.request} />
          ))}
        </div>
      ) : null}
    </>
  );
}
