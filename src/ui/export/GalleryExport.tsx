import { useRef, useState } from 'react';
import { useGallery } from '../labContext';
import { downloadBlob } from './download';
import { errorText } from './errorText';
import { exportFileName } from './fileName';
import { galleryPngs, MAX_PNG_PX } from './galleryPng';

/** "Download PNG" for the gallery grid it sits in. */
export function GalleryExport() {
  const result = useGallery((s) => s.result);
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    const grid = ref.current?.closest('[data-testid=gallery-grid]');
    try {
      if (!grid || !result) throw new Error('there is no grid on the page');
      const pages = await galleryPngs(grid, result);
      const now = new Date();
      pages.forEach((blob, index) => downloadBlob(blob, exportFileName('gallery', 'png', now, { index, count: pages.length })));
      setNote(pages.length > 1 ? `Saved as ${pages.length} images: one would be taller than ${MAX_PNG_PX.toLocaleString('en')} pixels.` : null);
    } catch (e) {
      setError(`The gallery could not be exported: ${errorText(e)}.`);
    }
  };
  return (
    <div className="export-toolbar" ref={ref} data-testid="gallery-export">
      <button type="button" onClick={() => void save()} disabled={!result}>
        Download PNG
      </button>
      {note ? <span className="muted">{note}</span> : null}
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
