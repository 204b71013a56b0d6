import { useCallback, useEffect, useRef, useState } from 'react';
import { enterFullscreen, leaveFullscreen } from './fullscreen';
import { LectureView } from './LectureView';

/** The header's "Lecture view" button and the overlay it opens; focus comes back to it on leaving. */
export function LectureButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const show = () => {
    setOpen(true);
    // Inside the click: browsers grant full screen only to a user gesture.
    enterFullscreen();
  };
  const close = useCallback(() => {
    setOpen(false);
    leaveFullscreen();
  }, []);
  useEffect(() => {
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button type="button" className="lecture-open" ref={button} onClick={show} aria-haspopup="dialog">
        Lecture view
      </button>
      {open ? <LectureView onClose={close} /> : null}
    </>
  );
}
