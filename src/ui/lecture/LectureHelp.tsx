import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

/** The shortcut list, over the lecture view; ? or Esc or its button closes it. */
export function LectureHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="lecture-help" role="dialog" aria-modal="true" aria-labelledby="lecture-help-title" data-testid="lecture-help">
      <h2 id="lecture-help-title">Shortcuts</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.action}>
            <dt>
              {s.shown.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
      <p>The buttons at the top do the same, for touch screens and remotes.</p>
      <button type="button" className="lecture-key" ref={close} onClick={onClose}>
        Close
      </button>
    </div>
  );
}
