import type { ReactNode } from 'react';

/**
 * A wide table's own scroll area, so the page never scrolls sideways: keyboard users reach it with Tab and
 * scroll it with the arrow keys (a scrollable region must take focus, WCAG 2.1.1), and screen readers hear
 * what it holds.
 */
export function ScrollRegion({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `table-scroll ${className}` : 'table-scroll'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
