/** The Lab's environment in a browser tab: the lab worker, IndexedDB, the address bar. */
import { startLabWorker } from '../worker/labClient';
import type { LabEnvironment } from './Lab';
import { browserSweepStorage } from './sweepStorage';

export function browserEnvironment(): LabEnvironment {
  return {
    startWorker: startLabWorker,
    storage: browserSweepStorage(),
    location: {
      get origin() {
        return location.origin;
      },
      get pathname() {
        return location.pathname;
      },
      get search() {
        return location.search;
      },
      get hash() {
        return location.hash;
      },
      replace: (url) => history.replaceState(history.state, '', url),
      onHashChange: (listener) => window.addEventListener('hashchange', listener),
    },
    device: navigator.userAgent,
    fetchReference: async (file) => {
      const res = await fetch(`${import.meta.env.BASE_URL}reference/${file}`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.blob();
    },
  };
}
