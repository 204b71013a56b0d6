/** Opening a results file a person chose or dropped: its size is checked before a byte of it is read. */
import type { ResultsBundle } from '../engine/sweep/bundle';
import { parseBundleJson } from './bundleJson';
import { MAX_RESULTS_BYTES } from './limits';

const MB = 1024 * 1024;

export async function readBundleFile(file: Blob): Promise<{ bundle: ResultsBundle } | { error: string }> {
  if (file.size > MAX_RESULTS_BYTES) {
    return { error: `The file is ${(file.size / MB).toFixed(1)} MB; results files are at most ${MAX_RESULTS_BYTES / MB} MB.` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { error: 'The file is not UTF-8 text, so it is not a results file.' };
  }
  return parseBundleJson(text, 'The file');
}
