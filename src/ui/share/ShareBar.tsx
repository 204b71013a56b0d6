import { useRef, useState } from 'react';
import { makeBundle } from '../../engine/sweep/bundle';
import { bundleJson } from '../../share/bundleJson';
import { encodeConfigQuery } from '../../share/configQuery';
import { MAX_LINK_CHARS } from '../../share/limits';
import { resultsCsv } from '../../share/resultsCsv';
import { resultsLink } from '../../share/resultsLink';
import { backendFromUrl } from '../../state/backendParam';
import { useLab, useSweep } from '../storeContext';
import { methodName } from '../sweep/methodStyle';
import { trainFromForm } from './configLink';
import { downloadBlob } from '../export/download';
import { exportFileName } from '../export/fileName';
import { usePageDrop } from './usePageDrop';
import { useResultsImport } from './useResultsImport';
import { REFERENCE_RESULTS } from './referenceResults';

const chars = (n: number): string => n.toLocaleString('en');

/**
 * Sharing the sweep: links that carry the settings (and the results), downloads as CSV and JSON, and opening
 * a results file by the picker or by dropping it anywhere on the page.
 */
export function ShareBar() {
  const current = useSweep((s) => s.current);
  const ref = useRef<HTMLElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const form = useLab((s) => s.form);
  const config = useSweep((s) => s.config);
  const { message, setMessage, importFile, importReference, idle } = useResultsImport(() => ref.current?.scrollIntoView({ block: 'start' }));
  const dragging = usePageDrop((file) => void importFile(file));

  /** The page's address with the settings in its query; with results, the sweep settings are those that made them. */
  const settingsUrl = (sweep = config): string => {
    const query = encodeConfigQuery({ train: trainFromForm(form), sweep, backend: backendFromUrl(location.search).backend });
    return `${location.origin}${location.pathname}?${query}`;
  };

  const copy = async (url: string, what: string): Promise<void> => {
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ tone: 'ok', text: `Copied the link ${what} (${chars(url.length)} characters).` });
    } catch {
      setMessage({ tone: 'notice', text: 'This browser did not let the page copy; select the link below and copy it.' });
    }
  };

  const copyWithResults = (): void => {
    if (!current) return;
    const r = resultsLink(settingsUrl(current.results.config), makeBundle(current.title, current.results));
    if ('url' in r) {
      void copy(r.url, 'with these results');
      return;
    }
    setLink(null);
    setMessage({
      tone: 'notice',
      text: `With these results the link would be ${chars(r.tooLong)} characters long; chat tools, mail and some browsers cut links beyond ${chars(MAX_LINK_CHARS)}. Send the results file instead; it opens here with “Open results file”.`,
      offerFile: true,
    });
  };

  const downloadJson = (): void => {
    if (current) downloadBlob(new Blob([bundleJson(makeBundle(current.title, current.results))], { type: 'application/json' }), exportFileName('results', 'json'));
  };

  return (
    <section className="share-bar" aria-label="Share and export" ref={ref} data-testid="share-bar">
      <div className="share-actions">
        <button type="button" onClick={() => void copy(settingsUrl(), 'to these settings')}>
          Copy link to settings
        </button>
        {current ? (
          <>
            <button type="button" onClick={copyWithResults}>
              Copy link with results
            </button>
            <button type="button" onClick={() => downloadBlob(new Blob([resultsCsv(current.results, methodName)], { type: 'text/csv' }), exportFileName('results', 'csv'))}>
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
            disabled={!idle}
            data-testid="share-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
          Open results file…
        </label>
        <span className="muted">or drop it on the page</span>
      </div>
      <div className="share-actions" role="group" aria-label="Reference results">
        <span className="muted">Reference results:</span>
        {REFERENCE_RESULTS.map((r) => (
          <button key={r.file} type="button" disabled={!idle} onClick={() => void importReference(r.file, r.label)}>
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
        <p className={`share-message share-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="share-message">
          {message.text}
          {message.offerFile ? (
            <button type="button" className="share-offer" onClick={downloadJson}>
              Download the results file (.json)
            </button>
          ) : null}
        </p>
      ) : null}
      {dragging ? (
        <div className="share-drop" aria-hidden="true">
          Drop a ROAR Lab results file (.json) to open it
        </div>
      ) : null}
    </section>
  );
}
