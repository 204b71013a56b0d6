import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, kept up to date as the window turns or resizes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones: one gallery column at a time, with visible steppers. */
export const NARROW = '(max-width: 640px)';

/** A phone in either orientation: the lecture view stacks and shrinks its type. */
export const LECTURE_PHONE = '(max-width: 700px), (max-height: 500px)';
