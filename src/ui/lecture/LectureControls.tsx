import { ariaKeys, SHORTCUTS, type LectureAction, type Shortcut } from './shortcuts';

export interface StepPosition {
  threshold: number;
  thresholds: number;
  method: number;
  methods: number;
}

const shortcut = (a: LectureAction): Shortcut => SHORTCUTS.find((s) => s.action === a)!;

/** One on-screen button per shortcut, for touch screens and remotes that cannot send arrow keys. */
export function LectureControls({ position, onAction }: { position: StepPosition; onAction: (a: LectureAction) => void }) {
  const p = position;
  const enabled: Record<LectureAction, boolean> = {
    prevThreshold: p.threshold > 0,
    nextThreshold: p.threshold < p.thresholds - 1,
    prevMethod: p.method > 0,
    nextMethod: p.method < p.methods - 1,
    help: true,
    close: true,
  };
  const button = (a: LectureAction) => {
    const s = shortcut(a);
    return (
      <button type="button" className="lecture-key" onClick={() => onAction(a)} disabled={!enabled[a]} aria-label={s.label} title={`${s.label} (${s.shown.join(', ')})`} aria-keyshortcuts={ariaKeys(s)}>
        {s.shown[0]}
      </button>
    );
  };
  return (
    <nav className="lecture-controls" aria-label="Lecture controls">
      <span className="lecture-stepper">
        {button('prevThreshold')}
        <span>threshold</span>
        {button('nextThreshold')}
      </span>
      <span className="lecture-stepper">
        {button('prevMethod')}
        <span>method</span>
        {button('nextMethod')}
      </span>
      {button('help')}
      {button('close')}
    </nav>
  );
}
