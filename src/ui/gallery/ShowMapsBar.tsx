import { useCommands, useGallery, useSweep, useTraining } from '../labContext';

/** "Show maps", with the reason whenever it cannot be pressed, and the computing state. */
export function ShowMapsBar({ valid }: { valid: boolean }) {
  const lab = useCommands();
  // Subscribed so that the reason follows the training and the sweep as they start and end.
  useTraining((s) => `${s.model !== null}${s.status}`);
  useSweep((s) => s.status);
  const computing = useGallery((s) => s.status === 'computing');
  const blocked = lab.galleryBlocked();
  const reason = blocked ?? (!valid ? 'Fix the settings marked in red first.' : null);
  return (
    <div className="actions">
      <button type="button" className="primary" disabled={reason !== null || computing} aria-describedby="gallery-show-status" onClick={() => lab.showMaps()}>
        {computing ? 'Computing…' : 'Show maps'}
      </button>
      <span id="gallery-show-status" className="muted" data-testid="gallery-show-status" aria-live="polite">
        {computing ? 'Computing the maps and the masked digits in the worker…' : reason}
      </span>
    </div>
  );
}
