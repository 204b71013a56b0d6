/**
 * The Fullscreen API where the browser allows it. The lecture overlay already fills the window, so a
 * refusal (no user gesture, an iframe without permission, a browser without the API) changes nothing:
 * the rejections are expected and dropped.
 */
import { useEffect } from 'react';

export function enterFullscreen(): void {
  if (!document.fullscreenEnabled || document.fullscreenElement) return;
  document.documentElement.requestFullscreen().catch(() => undefined);
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/** Calls `onExit` when the page leaves full screen: browsers take Esc for that themselves, and the person meant to leave. */
export function useOnFullscreenExit(onExit: () => void): void {
  useEffect(() => {
    const changed = () => {
      if (!document.fullscreenElement) onExit();
    };
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, [onExit]);
}
