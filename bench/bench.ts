/**
 * `npm run bench [-- section …]`: measures the lab on this machine and writes each section's figures, with
 * the machine, into BENCHMARKS.md. Sections: training (per backend, Node and headless Chromium), pool (one
 * run vs one run per core), batched (one run vs K runs as one graph, per backend), maps (maps/s per method),
 * presets (wall time and run health of the Lecture preset, or those PRESETS=lecture,standard names, in Node and
 * Chromium), memory (tab memory of a Paper sweep), webgpu (the fused WebGPU kernels against tfjs-backend-webgpu,
 * K = 1 … 256 models at once, in Node on Dawn).
 * Needs a build (`npm run build`) for the browser parts. Speed is measured here, never asserted in tests.
 */
import { describeMachine } from './machine';
import { writeSection } from './markdown';
import { nodeTraining, type ThroughputRow } from './trainingNode';
import { browserTraining, launchChromium, openLab, startPreview, stopServer } from './trainingBrowser';
import { poolBench } from './poolNode';
import { mapsBench } from './mapsNode';
import { presetBrowser, presetNode, type PresetRow } from './presets';
import { batchedNode } from './batchedNode';
import { batchedBrowser, startDevServer } from './batchedBrowser';
import { memoryBrowser } from './memoryBrowser';
import { webgpuBench } from './webgpuNode';
import type { BatchedRow } from './batchedThroughput';
import { PRESETS, presetConfig, type PresetId } from '../src/engine/sweep/sweepConfig';
import { encodeConfigQuery } from '../src/share/configQuery';
import { REFERENCE_TRAIN } from '../src/engine/defaults';

const SECTIONS = ['training', 'pool', 'batched', 'maps', 'presets', 'memory', 'webgpu'] as const;
const wanted = new Set(process.argv.slice(2));
const want = (s: (typeof SECTIONS)[number]): boolean => wanted.size === 0 || wanted.has(s);
const today = (): string => new Date().toISOString().slice(0, 10);
const r0 = (v: number): string => Math.round(v).toLocaleString('en');

function throughputTable(rows: ThroughputRow[]): string {
  const lines = ['| where | backend | samples per run | samples/s (each run) | best |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.where} | ${r.backend} | ${r.samples.toLocaleString('en')} | ${r.samplesPerSec.map(r0).join(', ')} | **${r0(Math.max(...r.samplesPerSec))}** |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  for (const s of wanted) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section ${s}; sections: ${SECTIONS.join(', ')}`);
  const machine = describeMachine();
  const needsBrowser = want('training') || want('presets') || want('batched') || want('memory');
  const server = needsBrowser ? await startPreview() : null;
  const browser = needsBrowser ? await launchChromium() : null;
  try {
    if (want('training')) {
      const rows = [await nodeTraining('wasm', 12800, 2), await nodeTraining('cpu', 1280, 1)];
      rows.push(...(await browserTraining(browser!, [
        { backend: 'wasm', samples: 12800 },
        { backend: 'cpu', samples: 1280 },
        { backend: 'webgl', samples: 640 },
        { backend: 'webgpu', samples: 128 },
      ], 2)));
      for (const r of rows) console.log(`${r.where.padEnd(16)} ${r.backend.padEnd(28)} ${r.samplesPerSec.map(r0).join(', ')} samples/s`);
      writeSection('BENCHMARKS.md', 'training', `### Training throughput, one run (batch 64, lr 0.01, one epoch over the first N training images)\n\nMeasured ${today()} on ${machine}, Chromium ${browser!.version()}. WebGL and WebGPU run on SwiftShader (CPU emulation) here, so their figures say nothing about a real GPU.\n\n${throughputTable(rows)}`);
    }
    if (want('pool')) {
      const rows = await poolBench(12800);
      const lines = ['| worker threads | runs at once | samples per run | samples/s summed over runs |', '|---|---|---|---|', ...rows.map((r) => `| ${r.workers} | ${r.runs} | ${r.samplesPerRun.toLocaleString('en')} | **${r0(r.aggregate)}** |`)];
      writeSection('BENCHMARKS.md', 'pool', `### Every core: one run alone vs one run per worker thread (Node, WASM, batch 64)\n\nMeasured ${today()} on ${machine}.\n\n${lines.join('\n')}`);
    }
    if (want('batched')) {
      const results = [{ where: 'Node', ...(await batchedNode('wasm', 6400, [1, 2, 4, 8])) }];
      const dev = await startDevServer();
      try {
        for (const [backend, ks, samples] of [['wasm', [1, 4], 1280], ['webgl', [1, 4, 8], 128], ['webgpu', [1, 4, 8], 128]] as const) {
          results.push({ where: 'Chromium page', ...(await batchedBrowser(browser!, backend, ks, samples)) });
        }
      } finally {
        stopServer(dev);
      }
      const lines = ['| where | backend | models per step (K) | samples per model | samples/s summed over models | K batched cost, in single runs |', '|---|---|---|---|---|---|'];
      for (const { where, backend, rows } of results) {
        const one = rows.find((r: BatchedRow) => r.models === 1)!.aggregate;
        for (const r of rows) lines.push(`| ${where} | ${backend} | ${r.models} | ${r.samplesPerModel.toLocaleString('en')} | **${r0(r.aggregate)}** | ${((r.models * one) / r.aggregate).toFixed(2)} |`);
      }
      writeSection('BENCHMARKS.md', 'batched', `### K models as one graph vs one at a time (batch 64, lr 0.01, one epoch per model)\n\nMeasured ${today()} on ${machine}, Chromium ${browser!.version()}. "K batched cost" = K × (single-run samples/s) ÷ (batched samples/s): how many single runs' time K runs take together (K would mean no gain). WebGL and WebGPU are SwiftShader here (CPU emulation).\n\n${lines.join('\n')}`);
    }
    if (want('maps')) {
      const rows = await mapsBench(1000, ['gradient', 'integratedGradients'], 10000);
      const lines = ['| method (defaults) | maps/s, one thread (1,000 test images) | maps/s, all cores | images timed on all cores | projected time for all 70,000 |', '|---|---|---|---|---|'];
      for (const r of rows) {
        const rate = r.pool ?? r.oneThread;
        lines.push(`| ${r.method} | ${r0(r.oneThread)} | ${r.pool ? r0(r.pool) : '—'} | ${r.poolImages.toLocaleString('en')} | ${(70000 / rate).toFixed(0)} s${r.poolImages === 70000 ? ' (measured)' : ''} |`);
      }
      writeSection('BENCHMARKS.md', 'maps', `### Attribution maps per second (Node, WASM; all cores = ${rows[0]?.workers} worker threads, maps plus ranking)\n\nMeasured ${today()} on ${machine}. Base model: 1 epoch on 12,000 images. IG: 32 midpoint steps; SmoothGrad family: 15 samples over the gradient.\n\n${lines.join('\n')}`);
    }
    if (want('presets')) {
      // Lecture by default; the Standard preset (about an hour on two cores) when PRESETS asks for it.
      const presets = (process.env.PRESETS ?? 'lecture').split(',') as PresetId[];
      const rows: PresetRow[] = [];
      for (const p of presets) rows.push(await presetNode(p));
      const page = await openLab(browser!);
      for (const p of presets) rows.push(await presetBrowser(page, p, PRESETS[p].label));
      await page.close();
      const lines = ['| where | preset | wall time | mean accuracy at the last threshold | did the models learn |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.where} | ${r.preset} | **${r.seconds.toFixed(0)} s** | ${Object.entries(r.atTop).map(([k, v]) => `${k} ${(v * 100).toFixed(1)} %`).join('; ')} | ${r.health} |`)];
      writeSection('BENCHMARKS.md', 'presets', `### Sweep presets, wall time from Run to the last run\n\nMeasured ${today()} on ${machine}, Chromium ${browser!.version()}.\n\n${lines.join('\n')}`);
    }
    if (want('memory')) {
      // The Paper preset with integrated gradients first: the first wave (random + IG) then holds as many orders
      // as any wave and grows the workers' WASM heaps as far as any method does, so its peak is the sweep's.
      const paper = presetConfig('paper');
      const ig = (m: { id: string }): number => (m.id === 'integratedGradients' ? 0 : 1);
      const sweep = { ...paper, methods: [...paper.methods].sort((a, b) => ig(a) - ig(b)) };
      const page = await openLab(browser!, `?${encodeConfigQuery({ train: { ...REFERENCE_TRAIN }, sweep, backend: null })}`);
      const m = await memoryBrowser(page, 'Paper', 60);
      await page.close();
      const mib = (v: number): string => `${r0(v)} MiB`;
      writeSection('BENCHMARKS.md', 'memory', `### Tab memory of a Paper-preset sweep (headless Chromium, WASM pool)\n\nMeasured ${today()} on ${machine}, Chromium ${browser!.version()}: the Paper preset (opened as a link, integrated gradients listed first so that the first wave holds the heaviest maps), run until its first retraining runs had gone on for a minute, then cancelled. Peak RSS of the tab's renderer process (page, lab worker and pool workers; shared memory counted once): **${mib(m.peakRendererMiB)}**; largest \`performance.measureUserAgentSpecificMemory()\`: ${m.peakMeasuredMiB === null ? 'not available' : mib(m.peakMeasuredMiB)}. Stopped at: "${m.reached}" after ${r0(m.seconds)} s.`);
    }
    if (want('webgpu')) {
      const r = await webgpuBench([1, 4, 16, 64, 256], (l) => console.log(l));
      const lines = ['| models at once (K) | samples per model | fused kernels, samples/s summed | tfjs-backend-webgpu, samples/s summed | fused ÷ tfjs |', '|---|---|---|---|---|'];
      for (const row of r.rows) {
        const k = row.groups > 1 ? `${row.models} (${row.groups} dispatch groups of ${Math.ceil(row.models / row.groups)})` : `${row.models}`;
        lines.push(`| ${k} | ${row.samplesPerModel} | **${r0(row.fused)}** | ${row.tfjs === null ? '— (not run: minutes here)' : r0(row.tfjs)} | ${row.tfjs === null ? '—' : `${(row.fused / row.tfjs).toFixed(1)}×`} |`);
      }
      const best = Math.max(...r.rows.map((row) => row.fused));
      const one = r.rows.find((row) => row.models === 1)!;
      const hours = (rate: number, total = r.paperSamples): string => `${(total / rate / 3600).toFixed(1)} h`;
      const maps = ['| method (Paper preset) | rows per map | maps timed | fused kernels, rows/s | tfjs-backend-webgpu, rows/s | fused ÷ tfjs |', '|---|---|---|---|---|---|'];
      for (const m of r.maps) maps.push(`| ${m.method} | ${m.rowsPerImage} | ${m.images} | **${r0(m.fusedRowsPerSec)}** | ${r0(m.tfjsRowsPerSec)} | ${(m.fusedRowsPerSec / m.tfjsRowsPerSec).toFixed(1)}× |`);
      const rowRate = (pick: (m: (typeof r.maps)[number]) => number): number => r.maps.reduce((sum, m) => sum + m.images * m.rowsPerImage, 0) / r.maps.reduce((sum, m) => sum + (m.images * m.rowsPerImage) / pick(m), 0);
      writeSection(
        'BENCHMARKS.md',
        'webgpu',
        `### Fused WebGPU kernels vs tfjs-backend-webgpu (Node, Dawn, one device, batch 64, SGD lr 0.01)\n\nMeasured ${today()} on ${machine}; adapter: ${r.adapter}${r.software ? ' (software: a CPU emulating a GPU, so only the ratio means anything)' : ''}; limits used: ${r0(r.bindingMiB)} MiB per storage binding, ${r0(r.workgroupKiB)} KiB workgroup memory. Each K: a warm-up step, then one epoch over the first N training images per model.\n\n${lines.join('\n')}\n\nA Paper sweep trains ${(r.paperSamples / 1e6).toFixed(0)} M samples: at the fused K = 1 rate ${hours(one.fused)}, at the best summed rate (${r0(best)} samples/s) ${hours(best)}, maps not included${one.tfjs ? `; at tfjs's K = 1 rate ${hours(one.tfjs)}` : ''}.\n\nMaps, each a row (a forward and a backward pass to the input) per image, IG step or noise sample; warm-up first:\n\n${maps.join('\n')}\n\nThe Paper sweep's maps are ${(r.paperMapRows / 1e6).toFixed(1)} M rows (its methods on all 70,000 images of each of its base models): ${hours(rowRate((m) => m.fusedRowsPerSec), r.paperMapRows)} on the fused kernels at these rates, ${hours(rowRate((m) => m.tfjsRowsPerSec), r.paperMapRows)} on tfjs's.`,
      );
    }
    console.log('wrote BENCHMARKS.md');
  } finally {
    await browser?.close();
    if (server) stopServer(server);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
