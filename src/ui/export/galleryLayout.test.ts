import { describe, expect, it } from 'vitest';
import { GALLERY_METRICS as M, galleryLayout, pageDigits } from './galleryLayout';

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

  it('splits a long grid between digits into pages no taller than the cap, keeping every digit once and in order', () => {
    const rows = Array.from({ length: 16 }, () => 14);
    const cap = 4000;
    const pages = pageDigits(rows, 12, 84, cap);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toEqual(rows.map((_, i) => i));
    for (const p of pages) expect(galleryLayout(p.map((d) => rows[d]), 12, 84).height).toBeLessThanOrEqual(cap);
    // Each page is as full as it can be: one more digit would pass the cap.
    for (const [i, p] of pages.slice(0, -1).entries()) expect(galleryLayout([...p, pages[i + 1][0]].map((d) => rows[d]), 12, 84).height).toBeGreaterThan(cap);
    // A short grid stays one page; a digit taller than the cap still gets a page of its own.
    expect(pageDigits([3, 3], 4, 84, cap)).toEqual([[0, 1]]);
    expect(pageDigits([40, 1], 4, 84, cap)).toEqual([[0], [1]]);
  });
});
