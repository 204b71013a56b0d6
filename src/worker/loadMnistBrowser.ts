/**
 * Fetches a dataset's gzipped idx files that `npm run prepare-data` puts under public/data/, gunzips them (fflate)
 * and parses them. Each failure — missing file, corrupt gzip, bad idx header — becomes a MnistDataError
 * whose message tells the person what to do.
 */
import { gunzipSync } from 'fflate';
import { MnistDataError } from '../engine/data/idx';
import { DATASETS, type DataFileKey, type DatasetId } from '../engine/data/datasets';
import { parseMnist, type Mnist } from '../engine/data/mnist';

async function fetchFile(baseUrl: string, name: string, what: string): Promise<Uint8Array> {
  const url = `${baseUrl}data/${name}.gz`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new MnistDataError(`Could not download ${url}: ${e instanceof Error ? e.message : String(e)}.`);
  }
  if (!res.ok) {
    throw new MnistDataError(
      `${what} file ${name}.gz is missing (HTTP ${res.status}). Run \`npm run prepare-data\` (it runs on install and build) and reload.`,
    );
  }
  const gz = new Uint8Array(await res.arrayBuffer());
  // Some servers send .gz files with Content-Encoding: gzip, and the browser has then already inflated them.
  if (gz[0] !== 0x1f || gz[1] !== 0x8b) return gz;
  try {
    return gunzipSync(gz);
  } catch (e) {
    throw new MnistDataError(
      `${what} file ${name}.gz is corrupt (${e instanceof Error ? e.message : String(e)}). Delete public/data/ and run \`npm run prepare-data\`.`,
    );
  }
}

export async function loadMnistBrowser(baseUrl: string, dataset: DatasetId): Promise<Mnist> {
  const { files, label } = DATASETS[dataset];
  const keys = Object.keys(files) as DataFileKey[];
  const bytes = await Promise.all(keys.map((k) => fetchFile(baseUrl, files[k], label)));
  return parseMnist(Object.fromEntries(keys.map((k, i) => [k, bytes[i]])) as Record<DataFileKey, Uint8Array>, dataset);
}
