import { useRef, useState } from 'react';
import type { MethodSummary } from '../../engine/sweep/summary';
import { chartSvgDocument } from './chartSvg';
import { downloadBlob } from './download';
import { errorText } from './errorText';
import { exportFileName } from './fileName';
import { svgToPng } from './svgToPng';

/** "Download SVG" and "Download PNG" for the sweep chart beside it (a sibling inside the same results block). */
export function ChartExport({ summary, title, mode }: { summary: MethodSummary[]; title: string; mode: 'roar' | 'kar' }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const subtitle = `Test accuracy after ${mode === 'roar' ? 'removing' : 'keeping only'} the top-ranked pixels and retraining (Hooker et al. 2019)`;
  const figure = () => {
    const chart = ref.current?.parentElement?.querySelector('[data-testid=sweep-chart]');
    if (!chart) throw new Error('there is no chart on the page');
    return chartSvgDocument(chart, title, subtitle, summary);
  };
  const save = async (format: 'svg' | 'png') => {
    setError(null);
    try {
      const doc = figure();
      const blob = format === 'svg' ? new Blob([doc.markup], { type: 'image/svg+xml' }) : await svgToPng(doc.markup, doc.width, doc.height);
      downloadBlob(blob, exportFileName('chart', format));
    } catch (e) {
      setError(`The chart could not be exported: ${errorText(e)}.`);
    }
  };
  return (
    <div className="export-toolbar" ref={ref} data-testid="chart-export">
      <button type="button" onClick={() => void save('svg')}>
        Download SVG
      </button>
      <button type="button" onClick={() => void save('png')}>
        Download PNG
      </button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
