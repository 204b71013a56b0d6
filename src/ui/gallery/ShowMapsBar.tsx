import { useGallery, useLab } from '../storeContext';

/** "Show maps", with the reason whenever it cannot be pressed, and the computing state. */
export function ShowMapsBar({ valid }: { valid: boolean }) {
  const hasModel = useLab((s) => s.model !== null);
  const training = useLab((s) => s.status !== 'idle');
  const computing = useGallery((s) => s.status === 'computing');
  const show = useGallery((s) => s.show);
  const reason = !hasModel
    ? 'Train a base model first (step 1): the maps explain its decisions.'
    : training
      ? 'Wait for the training to finish: the maps explain the finished model.'
      : !valid
        ? 'Fix the settings marked in red first.'
        : null;
  return (
    <div className="actions">
      <button type="button" className="primary" disabled={reason !== null || computing} aria-describedby="gallery-show-status" onClick={show}>
        {computing ? 'Computing…' : 'Show maps'}
      </button>
      <span id="gallery-show-status" className="muted" data-testid="gallery-show-status" aria-live="polite">
        {computing ? 'Computing the maps and the masked digits in the worker…' : reason}
      </span>
    </div>
  );
}
