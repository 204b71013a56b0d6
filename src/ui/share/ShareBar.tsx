import { useEffect, useRef, useState } from 'react';
import { bundleJson } from '../../share/bundleJson';
import { MAX_LINK_CHARS } from '../../share/limits';
import { resultsCsv } from '../../share/resultsCsv';
import { useCommands, useSweep } from '../labContext';
import { downloadBlob } from '../export/download';
import { exportFileName } from '../export/fileName';
import { usePageDrop } from './usePageDrop';
import { REFERENCE_RESULTS } from './referenceResults';
import { ClassSplit } from './ClassSplit';

const chars = (n: number): string => n.toLocaleString('en');

/**
 * Sharing the sweep: links that carry the settings (and the results), downloads as CSV and JSON, and opening
 * a results file by the picker or by dropping it anywhere on the page. What happens is said in one line,
 * which comes into view: a link opens at the top of the page, far from the results.
 */
export function ShareBar() {
  const lab = useCommands();
  const current = useSweep((s) => s.current);
  const idle = useSweep((s) => s.status === 'idle');
  const message = useSweep((s) => s.share);
  const ref = useRef<HTMLElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const dragging = usePageDrop((file) => void lab.openResultsFile(file));
  useEffect(() => {
    if (message) ref.current?.scrollIntoView({ block: 'start' });
  }, [message]);

  const copy = async (url: string, what: string): Promise<void> => {
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      lab.say({ tone: 'ok', text: `Copied the link ${what} (${chars(url.length)} characters).` });
    } catch {
      lab.say({ tone: 'notice', text: 'This browser did not let the page copy; select the link below and copy it.' });
    }
  };

  const copyWithResults = (): void => {
    const r = lab.resultsLink();
    if (!r) return;
    if ('url' in r) {
      void copy(r.url, 'with these results');
      return;
    }
    setLink(null);
    lab.say({
      tone: 'notice',
      text: `With these results the link would be ${chars(r.tooLong)} characters long; chat tools, mail and some browsers cut links beyond ${chars(MAX_LINK_CHARS)}. Send the results file instead; it opens here with “Open results file”.`,
      offerFile: true,
    });
  };

  const downloadJson = (): void => {
    const bundle = lab.currentBundle();
    if (bundle) downloadBlob(new Blob([bundleJson(bundle)], { type: 'application/json' }), exportFileName('results', 'json'));
  };

  return (
    <section className="share-bar" aria-label="Share and export" ref={ref} data-testid="share-bar">
      <div className="share-actions">
        <button type="button" onClick={() => void copy(lab.settingsUrl(), 'to these settings')}>
          Copy link to settings
        </button>
        {current ? (
          <>
            <button type="button" onClick={copyWithResults}>
              Copy link with results
            </button>
            <button type="button" onClick={() => downloadBlob(new Blob([resultsCsv(current.results)], { type: 'text/csv' }), exportFileName('results', 'csv'))}>
              Download CSV
            </button>
            <button type="button" onClick={downloadJson}>
              Download JSON
            </button>
          </>
        ) : null}
        <label className={idle ? 'share-open' : 'share-open share-disabled'}>
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            multiple
            disabled={!idle}
            data-testid="share-file"
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              for (const file of files) void lab.openResultsFile(file);
            }}
          />
          Open results file…
        </label>
        <span className="muted">or drop it on the page</span>
      </div>
      <ClassSplit />
      <div className="share-actions" role="group" aria-label="Reference results">
        <span className="muted">Reference results:</span>
        {REFERENCE_RESULTS.map((r) => (
          <button key={r.file} type="button" disabled={!idle} onClick={() => void lab.openReference(r.file, r.label)}>
            {r.label}
          </button>
        ))}
      </div>
      {link ? (
        <label className="share-link">
          <span>Link</span>
          <input readOnly value={link} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
      {message ? (
        <div className={`share-message share-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="share-message">
          <p>{message.text}</p>
          {message.detail ? (
            <details>
              <summary>What exactly went wrong</summary>
              <p data-testid="share-detail">{message.detail}</p>
            </details>
          ) : null}
          {message.offerFile ? (
            <button type="button" className="share-offer" onClick={downloadJson}>
              Download the results file (.json)
            </button>
          ) : null}
        </div>
      ) : null}
      {dragging ? (
        <div className="share-drop" aria-hidden="true">
          Drop a ROAR Lab results file (.json) to open it
        </div>
      ) : null}
    </section>
  );
}
