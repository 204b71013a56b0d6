import { describe, expect, it } from 'vitest';
import type { MethodSummary } from '../../engine/sweep/summary';
import type { MethodSpec } from '../../engine/attribution/methodSpec';

/** The spec a test key names: "integratedGradients{"steps":16}" → IG with 16 steps. */
const specOf = (key: string): MethodSpec => {
  const at = key.indexOf('{');
  return (at < 0 ? { id: key, params: {} } : { id: key.slice(0, at), params: JSON.parse(key.slice(at)) }) as MethodSpec;
};
import { chartLegendEntries, estimateTextWidth, LEGEND_FONT_SIZE, layoutLegend, legendMarkup, type LegendEntry } from './chartLegend';

const summary = (keys: string[]): MethodSummary[] => keys.map((key) => ({ key, spec: specOf(key), cells: [], verdict: 'inconclusive', reason: '', outlineEffect: false }));
const entry = (label: string): LegendEntry => ({ label, colour: '#000', swatch: 'line' });

describe('chart legend', () => {
  it('names every method in its chart colour, then keys the dashed lines and the bands', () => {
    const entries = chartLegendEntries(summary(['gradient', 'integratedGradients{"steps":16}', 'random']));
    expect(entries.map((e) => e.label)).toEqual(['Gradient', 'Integrated Gradients, 16 steps', 'Random', 'no retraining (base model)', '± 1 std over seeds']);
    expect(entries[0].colour).toBe('#d62728');
    expect(entries.map((e) => e.swatch)).toEqual(['line', 'line', 'line', 'dashed', 'band']);
  });

  it('wraps entries into rows that fit the width', () => {
    const w = 24 + 6 + estimateTextWidth('abcdefghij', LEGEND_FONT_SIZE);
    const { placed, height } = layoutLegend([entry('abcdefghij'), entry('abcdefghij'), entry('abcdefghij')], 2 * w + 20);
    expect(placed.map((p) => [p.x, p.y])).toEqual([
      [0, 11],
      [w + 18, 11],
      [0, 33],
    ]);
    expect(height).toBe(44);
    expect(layoutLegend([], 100).height).toBe(0);
  });

  it('escapes labels in the markup and dashes the no-retrain key', () => {
    const { placed } = layoutLegend([entry('a < b & c'), { label: 'x', colour: '#555', swatch: 'dashed' }], 800);
    const markup = legendMarkup(placed);
    expect(markup).toContain('a &lt; b &amp; c');
    expect(markup).toContain('stroke-dasharray="6 4"');
  });
});
