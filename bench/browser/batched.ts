/**
 * Bench page (served by `vite` in dev mode, driven by bench/bench.ts): the "K models as one graph" bench in
 * Chromium's main thread on a forced backend, `?backend=webgpu&ks=1,4,8&samples=256`.
 */
import { isBackendName } from '../../src/engine/defaults';
import { initBrowserBackend } from '../../src/worker/browserBackends';
import { loadMnistBrowser } from '../../src/worker/loadMnistBrowser';
import { batchedThroughput } from '../batchedThroughput';

const params = new URLSearchParams(location.search);
const status = document.getElementById('status')!;
const backend = params.get('backend') ?? 'webgpu';
const ks = (params.get('ks') ?? '1,4,8').split(',').map(Number);
const samples = Number(params.get('samples') ?? 256);

async function main(): Promise<unknown> {
  if (!isBackendName(backend)) throw new Error(`unknown backend ${backend}`);
  const info = await initBrowserBackend(backend);
  if (info.name !== backend) throw new Error(`${backend} did not start: ${info.notice}`);
  const mnist = await loadMnistBrowser('/', 'mnist');
  const rows = await batchedThroughput(mnist.train, ks, () => samples, (l) => (status.textContent = l));
  return { backend: info.details, rows };
}

main().then(
  (r) => {
    status.dataset.result = JSON.stringify(r);
    status.textContent = 'done';
  },
  (e: unknown) => {
    status.dataset.error = e instanceof Error ? e.message : String(e);
    status.textContent = 'failed';
  },
);
