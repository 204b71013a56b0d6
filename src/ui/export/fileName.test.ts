import { describe, expect, it } from 'vitest';
import { exportFileName } from './fileName';

describe('exportFileName', () => {
  it('names the kind, the local date and the format', () => {
    expect(exportFileName('chart', 'svg', new Date(2026, 10, 26, 23, 59))).toBe('roar-lab-chart-2026-11-26.svg');
    expect(exportFileName('gallery', 'png', new Date(2027, 0, 5))).toBe('roar-lab-gallery-2027-01-05.png');
  });
});
