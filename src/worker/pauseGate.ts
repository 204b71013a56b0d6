/** A gate long jobs await between batches: open unless paused. */
export class PauseGate {
  private waiting: Promise<void> | null = null;
  private release: (() => void) | null = null;

  pause(): void {
    if (this.waiting) return;
    this.waiting = new Promise((r) => (this.release = r));
  }

  resume(): void {
    this.release?.();
    this.waiting = null;
    this.release = null;
  }

  /** Resolves at once when open, or when resumed. */
  wait(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }
}
