import { describe, expect, it } from 'vitest';
import { standaloneSvg } from './standaloneSvg';

const figure = {
  title: 'Lecture preset, 2026-11-26 <run>',
  subtitle: 'Test accuracy',
  legend: [{ label: 'Gradient', colour: '#d62728', swatch: 'line' as const }],
  chart: { markup: '<g><path d="M0 0L10 10"/></g>', viewBox: { x: 50, y: 40, width: 600, height: 300 } },
};

describe('standaloneSvg', () => {
  const doc = standaloneSvg(figure);

  it('is an SVG document with its namespace, size and a white background first', () => {
    expect(doc.markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(doc.markup).toContain(`width="${doc.width}" height="${doc.height}"`);
    expect(doc.markup).toMatch(/^<svg[^>]*><rect width="100%" height="100%" fill="#ffffff"\/>/);
    expect(doc.markup.endsWith('</svg></svg>')).toBe(true);
  });

  it('carries the escaped title, the legend and the chart cropped to its view box', () => {
    expect(doc.markup).toContain('Lecture preset, 2026-11-26 &lt;run&gt;');
    expect(doc.markup).toContain('>Gradient</text>');
    expect(doc.markup).toContain('viewBox="50 40 600 300" overflow="hidden"><g><path d="M0 0L10 10"/></g></svg>');
  });

  it('is as wide as the chart plus padding and tall enough for the heading, legend and chart', () => {
    expect(doc.width).toBe(632);
    expect(doc.height).toBeGreaterThan(300 + 60);
    const chartY = Number(doc.markup.match(/<svg x="16" y="([\d.]+)"/)![1]);
    expect(doc.height).toBe(Math.ceil(chartY + 300 + 16));
  });
});
