/** Turns the recharts chart on the page into a standalone SVG document (see standaloneSvg.ts). */
import type { MethodSummary } from '../../engine/sweep/summary';
import { chartLegendEntries } from './chartLegend';
import { standaloneSvg, type Box, type SvgDocument } from './standaloneSvg';
import { styleDeclarations, type StyleLookup } from './styleDeclarations';
import { escapeXml } from './xml';

/** Room around the drawn content, so stroke widths and tick labels are not clipped at the edges. */
const MARGIN = 6;

const lookup =
  (el: Element): StyleLookup =>
  (p) =>
    getComputedStyle(el).getPropertyValue(p);

/** A copy of `svg` whose every element carries the computed styles it needs outside the page. */
function inlinedClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const style = styleDeclarations(lookup(source), source.parentElement && source !== svg ? lookup(source.parentElement) : null);
    if (style) copies[i].setAttribute('style', style);
    else copies[i].removeAttribute('style');
  });
  return clone;
}

/** The drawn content's box in the svg's coordinates, with a margin, within the svg's own area. */
function contentBox(svg: SVGSVGElement): Box {
  const { width, height } = svg.getBoundingClientRect();
  const b = svg.getBBox();
  const x = Math.max(0, b.x - MARGIN);
  const y = Math.max(0, b.y - MARGIN);
  return { x, y, width: Math.min(width, b.x + b.width + MARGIN) - x, height: Math.min(height, b.y + b.height + MARGIN) - y };
}

/** `chart` is the element around one SweepChart (`[data-testid=sweep-chart]`). */
export function chartSvgDocument(chart: Element, title: string, subtitle: string, summary: MethodSummary[]): SvgDocument {
  // The chart's own <svg> is the wrapper's child; the legend's icons are <svg>s too, inside the HTML legend.
  const svg = chart.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (!svg) throw new Error('the chart has not been drawn yet');
  const serializer = new XMLSerializer();
  const clone = inlinedClone(svg);
  // The root's own styles (the page's font above all) go on a group, since the root element itself is replaced.
  const children = Array.from(clone.childNodes, (n) => serializer.serializeToString(n)).join('');
  const markup = `<g style="${escapeXml(clone.getAttribute('style') ?? '')}">${children}</g>`;
  return standaloneSvg({ title, subtitle, legend: chartLegendEntries(summary), chart: { markup, viewBox: contentBox(svg) } });
}
