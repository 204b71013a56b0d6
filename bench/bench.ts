/**
 * `npm run bench`: measures training throughput per backend in Node and in headless Chromium (in the lab's
 * worker) and writes the figures, with the machine, into BENCHMARKS.md. Needs a build (`npm run build`).
 * Pass section names to run only some: `npm run bench -- node browser`.
 */
import { describeMachine } from './machine';
import { writeSection } from './markdown';
import { nodeTraining, type ThroughputRow } from './trainingNode';
import { browserTraining, startPreview } from './trainingBrowser';

const wanted = new Set(process.argv.slice(2));
const want = (s: string): boolean => wanted.size === 0 || wanted.has(s);

function table(rows: ThroughputRow[]): string {
  const lines = ['| where | backend | samples per run | samples/s (each run) | best |', '|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.where} | ${r.backend} | ${r.samples.toLocaleString('en')} | ${r.samplesPerSec.map((v) => Math.round(v)).join(', ')} | **${Math.round(Math.max(...r.samplesPerSec))}** |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const rows: ThroughputRow[] = [];
  let chromiumVersion = '';
  if (want('node')) {
    rows.push(await nodeTraining('wasm', 12800, 2));
    rows.push(await nodeTraining('cpu', 1280, 1));
  }
  if (want('browser')) {
    const server = await startPreview();
    try {
      const r = await browserTraining(
        [
          { backend: 'wasm', samples: 12800 },
          { backend: 'cpu', samples: 1280 },
          { backend: 'webgl', samples: 640 },
          { backend: 'webgpu', samples: 128 },
        ],
        2,
      );
      rows.push(...r.rows);
      chromiumVersion = `, Chromium ${r.version}`;
    } finally {
      server.kill();
    }
  }
  for (const r of rows) console.log(`${r.where.padEnd(16)} ${r.backend.padEnd(28)} ${r.samplesPerSec.map((v) => Math.round(v)).join(', ')} samples/s`);
  const body = `### Training throughput (batch 64, lr 0.01, one epoch over the first N training images)\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${describeMachine()}${chromiumVersion}. WebGL and WebGPU run on SwiftShader (CPU emulation) here, so their figures say nothing about a real GPU.\n\n${table(rows)}`;
  writeSection('BENCHMARKS.md', 'training', body);
  console.log('wrote BENCHMARKS.md');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
