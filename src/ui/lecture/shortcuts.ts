/**
 * The lecture view's shortcuts, one table for the key handler, the on-screen buttons and the help, so the
 * three cannot disagree. Presenter remotes send PageUp/PageDown, so those step through thresholds too.
 */
export type LectureAction = 'prevThreshold' | 'nextThreshold' | 'prevMethod' | 'nextMethod' | 'help' | 'close';

export interface Shortcut {
  action: LectureAction;
  /** KeyboardEvent.key values. */
  keys: readonly string[];
  /** The keys as the help shows them; the first is the on-screen button's face. */
  shown: readonly string[];
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'prevThreshold', keys: ['ArrowLeft', 'PageUp'], shown: ['←', 'Page Up'], label: 'Previous threshold' },
  { action: 'nextThreshold', keys: ['ArrowRight', 'PageDown'], shown: ['→', 'Page Down'], label: 'Next threshold' },
  { action: 'prevMethod', keys: ['ArrowUp'], shown: ['↑'], label: 'Previous method' },
  { action: 'nextMethod', keys: ['ArrowDown'], shown: ['↓'], label: 'Next method' },
  { action: 'help', keys: ['?'], shown: ['?'], label: 'Show or hide these shortcuts' },
  { action: 'close', keys: ['Escape'], shown: ['Esc'], label: 'Leave the lecture view' },
];

/** The action of a key press without Ctrl, Alt or Meta (those stay the browser's); null for other keys. */
export function actionForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): LectureAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.action ?? null;
}

/** The aria-keyshortcuts value of an action's button. */
export const ariaKeys = (s: Shortcut): string => s.keys.join(' ');
