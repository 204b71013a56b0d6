import { useEffect, useRef } from 'react';
import { actionForKey, type LectureAction } from './shortcuts';

/** Sends the lecture shortcuts pressed anywhere in the window to `onAction`, and keeps arrows from scrolling the page. */
export function useLectureKeys(onAction: (a: LectureAction) => void): void {
  // The latest handler, so the listener is added once rather than on every step.
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      const action = actionForKey(e);
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', down);
    return () => window.removeEventListener('keydown', down);
  }, []);
}
