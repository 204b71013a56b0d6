/** A sub-worker of the lab worker that serves sweep tasks, one per core (engine/parallel/taskHost.ts). */
import { initBrowserBackend } from './browserBackends';
import { loadMnistBrowser } from './loadMnistBrowser';
import type { DatasetId } from '../engine/data/datasets';
import type { BackendName } from '../engine/defaults';
import { InProcessExecutor } from '../engine/sweep/inProcessExecutor';
import { serveTasks } from '../engine/parallel/taskHost';

export type BrowserHostInit = [backend: BackendName, dataBaseUrl: string, dataset: DatasetId];

serveTasks<BrowserHostInit>(self as unknown as Worker, async (backend, dataBaseUrl, dataset) => {
  const info = await initBrowserBackend(backend);
  if (info.name !== backend) throw new Error(`the ${backend} backend did not start in a sweep worker`);
  const mnist = await loadMnistBrowser(dataBaseUrl, dataset);
  return { exec: new InProcessExecutor(mnist, info.name, undefined, () => new Promise((r) => setTimeout(r, 0))), details: info.details };
});
