/**
 * A sub-worker of the lab worker that serves sweep tasks, one per core (engine/parallel/poolExecutor.ts).
 * Its first message says which backend to use and where the data is.
 */
import { initBrowserBackend } from './browserBackends';
import { loadMnistBrowser } from './loadMnistBrowser';
import type { BackendName } from '../engine/defaults';
import { InProcessExecutor } from '../engine/sweep/inProcessExecutor';
import { serveTasks } from '../engine/parallel/taskHost';
import type { HostEvent, HostRequest } from '../engine/parallel/poolProtocol';

export interface HostInit {
  type: 'init';
  backend: BackendName;
  dataBaseUrl: string;
}

const post = (m: HostEvent | HostRequest, transfer: Transferable[] = []): void => postMessage(m, { transfer });

self.addEventListener(
  'message',
  async (ev: MessageEvent<HostInit>) => {
    try {
      const info = await initBrowserBackend(ev.data.backend);
      if (info.name !== ev.data.backend) throw new Error(`the ${ev.data.backend} backend did not start in a sweep worker`);
      const mnist = await loadMnistBrowser(ev.data.dataBaseUrl);
      const exec = new InProcessExecutor(mnist, info.name, undefined, () => new Promise((r) => setTimeout(r, 0)));
      serveTasks({ post, onMessage: (fn) => self.addEventListener('message', (e: MessageEvent) => fn(e.data)) }, exec);
      post({ type: 'ready', backend: info.name, details: info.details });
    } catch (e) {
      post({ type: 'initError', message: e instanceof Error ? e.message : String(e) });
    }
  },
  { once: true },
);
