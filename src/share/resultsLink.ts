/**
 * Results inside a link: the bundle's JSON, compressed (fflate, zlib: DEFLATE plus a checksum) and
 * base64url-encoded, in the hash as `#r=<payload>`. The hash never reaches a server, and the recipient's page shows the very numbers the
 * sender saw, without recomputing. Reading is guarded at every step: length, alphabet, inflated size (no
 * decompression bombs), checksum, UTF-8, JSON, then every field of the bundle.
 */
import { zlibSync } from 'fflate';
import type { ResultsBundle } from '../engine/sweep/bundle';
import { decodeBase64url, encodeBase64url } from './base64url';
import { boundedUnzlib } from './boundedUnzlib';
import { bundleJson, parseBundleJson } from './bundleJson';
import { MAX_LINK_CHARS, MAX_LINK_RESULTS_BYTES } from './limits';

const PREFIX = 'r=';
const WHAT = "The link's data";

/** The hash (without `#`) that carries `bundle`. */
export function encodeResultsHash(bundle: ResultsBundle): string {
  return PREFIX + encodeBase64url(zlibSync(new TextEncoder().encode(bundleJson(bundle)), { level: 9 }));
}

/** The whole link: `base` (origin, path and query) with the results in its hash; or how long it would be. */
export function resultsLink(base: string, bundle: ResultsBundle): { url: string } | { tooLong: number } {
  const url = `${base}#${encodeResultsHash(bundle)}`;
  return url.length > MAX_LINK_CHARS ? { tooLong: url.length } : { url };
}

/**
 * The bundle a location.hash carries; null when the hash holds no results (an empty hash, an anchor), an
 * error message when it does but they cannot be read.
 */
export function decodeResultsHash(hash: string): { bundle: ResultsBundle } | { error: string } | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(PREFIX)) return null;
  const payload = h.slice(PREFIX.length);
  if (payload.length === 0) return { error: `${WHAT} is empty (the link ends at “#r=”).` };
  if (payload.length > MAX_LINK_CHARS) return { error: `${WHAT} is ${payload.length} characters long; this page writes at most ${MAX_LINK_CHARS}, so it is not from ROAR Lab.` };
  const raw = decodeBase64url(payload);
  if ('error' in raw) return { error: `${WHAT} is damaged: ${raw.error}.` };
  const inflated = boundedUnzlib(raw.bytes, MAX_LINK_RESULTS_BYTES);
  if ('error' in inflated) return { error: `${WHAT} cannot be unpacked: ${inflated.error}.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return { error: `${WHAT} unpacks to something other than text.` };
  }
  return parseBundleJson(text, WHAT);
}
