/** The map filters of the blur-bias check (SIAnalytics), and the one ranking path that applies them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MASK, PIXELS } from '../defaults';
import { filterMap } from './mapFilter';
import { rankMaps } from './rankMaps';
import { rankAll } from './ranking';
import { randomOrder } from '../../testing/randomOrder';

const at = (r: number, c: number): number => r * 28 + c;

describe('map filters', () => {
  it('the 3 × 3 maximum spreads a spike over its neighbours, clipped at the image edge', () => {
    const map = new Float32Array(PIXELS);
    map[at(10, 10)] = 5;
    map[at(0, 0)] = 2;
    const out = filterMap(map, 0, 'max3', new Float32Array(PIXELS));
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) expect(out[at(10 + dr, 10 + dc)]).toBe(5);
    expect(out[at(10, 12)]).toBe(0);
    expect([out[at(0, 0)], out[at(1, 1)], out[at(0, 1)]]).toEqual([2, 2, 2]);
    expect(out[at(2, 2)]).toBe(0);
    expect(out.reduce((n, v) => n + (v > 0 ? 1 : 0), 0)).toBe(9 + 4);
  });

  it('the Gaussian keeps a flat map flat, is symmetric, and falls off as e^(−d²/2) from a spike', () => {
    const flat = new Float32Array(PIXELS).fill(0.3);
    const f = filterMap(flat, 0, 'gauss1', new Float32Array(PIXELS));
    for (const v of f) expect(v).toBeCloseTo(0.3, 6);
    const spike = new Float32Array(PIXELS);
    spike[at(14, 14)] = 1;
    const g = filterMap(spike, 0, 'gauss1', new Float32Array(PIXELS));
    expect(g[at(14, 15)]).toBeCloseTo(g[at(14, 13)], 9);
    expect(g[at(15, 14)]).toBeCloseTo(g[at(13, 14)], 9);
    expect(g[at(14, 15)] / g[at(14, 14)]).toBeCloseTo(Math.exp(-0.5), 6);
    expect(g[at(15, 15)] / g[at(14, 14)]).toBeCloseTo(Math.exp(-1), 6);
    expect(g[at(14, 18)]).toBe(0);
  });
});

describe('rankMaps', () => {
  const maps = new Float32Array(3 * PIXELS).map((_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);

  it('without a filter is exactly the ranking it replaced, sign flip included', () => {
    for (const rankTransform of ['abs', 'square', 'signed'] as const) {
      const mask = { ...DEFAULT_MASK, rankTransform };
      expect(rankMaps(maps, 3, mask, { id: 'gradient' }, 40)).toEqual(rankAll(maps, 3, rankTransform, mask.tieBreak, mask.tieSeed, 40));
    }
    const signed = { ...DEFAULT_MASK, rankTransform: 'signed' as const };
    expect(rankMaps(maps, 3, signed, { id: 'lossGradient', negativeFirst: true }, 0)).toEqual(rankAll(maps.map((v) => -v), 3, 'signed', signed.tieBreak, signed.tieSeed, 0));
  });

  it('with a filter ranks the blurred importance: a lone spike’s neighbours come right after it', () => {
    const map = new Float32Array(PIXELS);
    map[at(5, 20)] = -3;
    const order = rankMaps(map, 1, { ...DEFAULT_MASK, filter: 'gauss1' }, { id: 'gradient' }, 0);
    expect(order[0]).toBe(at(5, 20));
    expect(new Set(order.slice(1, 5))).toEqual(new Set([at(4, 20), at(6, 20), at(5, 19), at(5, 21)]));
    // Still a permutation of the 784 pixels.
    expect(new Set(order).size).toBe(PIXELS);
    const shuffled = randomOrder(0, 1);
    const order2 = rankMaps(Float32Array.from(shuffled), 1, { ...DEFAULT_MASK, filter: 'max3' }, { id: 'gradient' }, 0);
    expect(new Set(order2).size).toBe(PIXELS);
    // The random baseline is never blurred: the yardstick stays where it was.
    const randomMap = Float32Array.from(shuffled);
    expect(rankMaps(randomMap, 1, { ...DEFAULT_MASK, filter: 'gauss1' }, { id: 'random' }, 3)).toEqual(rankMaps(randomMap, 1, DEFAULT_MASK, { id: 'random' }, 3));
  });
});
