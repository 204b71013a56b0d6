/**
 * The exported chart as one self-contained SVG document: white background, title, subtitle and legend above
 * the chart's own markup, which sits in a nested <svg> whose viewBox crops recharts' empty margins.
 */
import { layoutLegend, legendMarkup, type LegendEntry } from './chartLegend';
import { escapeXml } from './xml';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartFigure {
  title: string;
  subtitle: string;
  legend: LegendEntry[];
  /** The chart <svg>'s children, serialised, and the part of its coordinate space to show. */
  chart: { markup: string; viewBox: Box };
}

export interface SvgDocument {
  markup: string;
  width: number;
  height: number;
}

const PAD = 16;
const TITLE_SIZE = 18;
const SUBTITLE_SIZE = 13;
const GAP = 10;
/** The page's own font stack, so the export looks like the chart on screen. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const num = (v: number): string => String(Math.round(v * 10) / 10);

export function standaloneSvg(f: ChartFigure): SvgDocument {
  const vb = f.chart.viewBox;
  const width = Math.ceil(vb.width + 2 * PAD);
  const titleY = PAD + TITLE_SIZE;
  const subtitleY = titleY + GAP / 2 + SUBTITLE_SIZE;
  const legendY = subtitleY + GAP;
  const legend = layoutLegend(f.legend, width - 2 * PAD);
  const chartY = legendY + legend.height + GAP;
  const height = Math.ceil(chartY + vb.height + PAD);
  const markup =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${PAD}" y="${titleY}" font-size="${TITLE_SIZE}" font-weight="700" fill="#1b1f23">${escapeXml(f.title)}</text>` +
    `<text x="${PAD}" y="${subtitleY}" font-size="${SUBTITLE_SIZE}" fill="#5b6570">${escapeXml(f.subtitle)}</text>` +
    `<g transform="translate(${PAD} ${legendY})">${legendMarkup(legend.placed)}</g>` +
    `<svg x="${PAD}" y="${chartY}" width="${num(vb.width)}" height="${num(vb.height)}" viewBox="${num(vb.x)} ${num(vb.y)} ${num(vb.width)} ${num(vb.height)}" overflow="hidden">` +
    f.chart.markup +
    `</svg></svg>`;
  return { markup, width, height };
}
