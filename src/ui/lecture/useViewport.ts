import { useEffect, useState } from 'react';
import type { Viewport } from './lectureScale';

const read = (): Viewport => ({ width: window.innerWidth, height: window.innerHeight });

/** The window's size, updated on resize (entering full screen resizes it too). */
export function useViewport(): Viewport {
  const [size, setSize] = useState(read);
  useEffect(() => {
    const update = () => setSize(read());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return size;
}
