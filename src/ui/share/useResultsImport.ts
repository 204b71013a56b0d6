/**
 * Opening results from elsewhere: a file picked or dropped, or a link whose hash carries results (when the
 * page opens, or when only the hash changes because a results link was opened in this tab). Whatever is
 * refused leaves the sweep on screen untouched and says why; the hash is cleared once read, so that a
 * reload does not import the same results again and the address shares settings only.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { ResultsBundle } from '../../engine/sweep/bundle';
import { readBundleFile } from '../../share/bundleFile';
import { decodeResultsHash } from '../../share/resultsLink';
import { useSweep } from '../storeContext';
import { shortName, type ShareMessage } from './shareMessage';

const BUSY = 'A sweep is running: stop it first, so that its finished runs stay on screen, then open the results again.';

/** `reveal` brings the outcome into view: a link opens at the top of the page, far from the results. */
export function useResultsImport(reveal: () => void) {
  const idle = useSweep((s) => s.status === 'idle');
  const showImported = useSweep((s) => s.showImported);
  const [message, setMessage] = useState<ShareMessage | null>(null);
  const say = (m: ShareMessage): void => {
    setMessage(m);
    reveal();
  };

  const open = async (bundle: ResultsBundle, source: string): Promise<void> => {
    await showImported(bundle.title, bundle.results);
    say({ tone: 'ok', text: `Opened “${bundle.title}” ${source}: ${bundle.results.runs.length} runs, stored in this browser.` });
  };

  const importFile = async (file: File): Promise<void> => {
    if (!idle) {
      say({ tone: 'error', text: BUSY });
      return;
    }
    const r = await readBundleFile(file);
    if ('error' in r) say({ tone: 'error', text: `Could not open “${shortName(file.name)}”: ${r.error} The results on the page are unchanged.` });
    else await open(r.bundle, `from “${shortName(file.name)}”`);
  };

  /** Opens a bundle the lab ships (public/reference/), checked like any file. */
  const importReference = async (file: string, label: string): Promise<void> => {
    if (!idle) {
      say({ tone: 'error', text: BUSY });
      return;
    }
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}reference/${file}`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const r = await readBundleFile(await res.blob());
      if ('error' in r) say({ tone: 'error', text: `The reference results “${label}” could not be opened: ${r.error}` });
      else await open(r.bundle, 'from the lab’s reference results');
    } catch (e) {
      say({ tone: 'error', text: `The reference results “${label}” could not be loaded (${e instanceof Error ? e.message : String(e)}).` });
    }
  };

  const fromHash = useEffectEvent(() => {
    const r = decodeResultsHash(location.hash);
    if (r === null) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    if ('error' in r) say({ tone: 'error', text: `The results in this link could not be opened: ${r.error} Nothing on the page was changed.` });
    else if (!idle) say({ tone: 'error', text: BUSY });
    else void open(r.bundle, 'from the link');
  });
  useEffect(() => {
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, []);

  return { message, setMessage, importFile, importReference, idle };
}
