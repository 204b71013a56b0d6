import { describe, expect, it } from 'vitest';
import { GALLERY_METRICS as M, galleryLayout } from './galleryLayout';

describe('galleryLayout', () => {
  it('places threshold columns after the label column, one map-and-digit pair apart', () => {
    const l = galleryLayout([3], 4, 84);
    const pair = 2 * 84 + M.pairGap;
    expect(l.columnX).toEqual([0, 1, 2, 3].map((c) => M.pad + M.labelWidth + c * (pair + M.columnGap)));
    expect(l.width).toBe(l.columnX[3] + pair + M.pad);
  });

  it('never gets narrower than the explanation lines need', () => {
    expect(galleryLayout([1], 1, 56).width).toBe(M.minWidth);
  });

  it('stacks digits with their headers and rows without overlap, and ends below the last row', () => {
    const l = galleryLayout([2, 3], 3, 84);
    const rowHeight = 84 + M.predictionLine + M.rowGap;
    const [a, b] = l.digits;
    expect(a.top).toBe(M.pad + M.titleHeight);
    expect(a.headerTop).toBe(a.top + 84 + M.headGap);
    expect(a.rowTops).toEqual([0, 1].map((r) => a.headerTop + M.thresholdHeader + r * rowHeight));
    expect(b.top).toBe(a.rowTops[1] + rowHeight + M.blockGap);
    expect(b.rowTops).toHaveLength(3);
    const lastBottom = b.rowTops[2] + 84 + M.predictionLine;
    expect(l.height).toBe(lastBottom + M.pad);
  });
});
