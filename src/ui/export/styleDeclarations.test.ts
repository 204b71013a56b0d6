import { describe, expect, it } from 'vitest';
import { styleDeclarations, type InlinedProperty, type StyleLookup } from './styleDeclarations';

const DEFAULTS: Record<InlinedProperty, string> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-dasharray': 'none',
  'stroke-opacity': '1',
  opacity: '1',
  'font-family': 'system-ui, sans-serif',
  'font-size': '16px',
  'font-weight': '400',
  'font-style': 'normal',
  visibility: 'visible',
};
const style = (changes: Partial<Record<InlinedProperty, string>> = {}): StyleLookup => (p) => ({ ...DEFAULTS, ...changes })[p];

describe('styleDeclarations', () => {
  it('gives the root its fonts and whatever differs from the initial values', () => {
    expect(styleDeclarations(style({ stroke: 'rgb(1, 2, 3)' }), null)).toBe('stroke: rgb(1, 2, 3); font-family: system-ui, sans-serif; font-size: 16px');
  });

  it('writes on a child only what inheritance would not give it', () => {
    const parent = style({ fill: 'rgb(102, 102, 102)' });
    expect(styleDeclarations(style({ fill: 'rgb(102, 102, 102)' }), parent)).toBe('');
    expect(styleDeclarations(style({ 'font-size': '12px' }), parent)).toBe('fill: rgb(0, 0, 0); font-size: 12px');
  });

  it('writes opacity, which does not inherit, whenever it is not 1', () => {
    expect(styleDeclarations(style({ opacity: '0.3' }), style({ opacity: '0.3' }))).toBe('opacity: 0.3');
  });
});
