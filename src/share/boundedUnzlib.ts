/**
 * zlib decompression (RFC 1950: DEFLATE with a header and an Adler-32 checksum) with a hard cap on the
 * output, for payloads from strangers. A few kilobytes of DEFLATE can expand a thousandfold (a
 * "decompression bomb"), so the input is fed to fflate's streaming inflater in small pieces and the output
 * counted as it appears: past the cap it stops, having held at most the cap plus one piece's expansion.
 * Then the checksum must match, so that truncated or altered data is refused rather than half-read, and the
 * stream must end where the data ends: bytes added after it are refused too.
 */
import { Unzlib } from 'fflate';
import { adler32 } from './adler32';

/** DEFLATE expands at most ~1032:1, so one 1 KiB piece yields at most ~1 MiB before the count is checked. */
const PIECE_BYTES = 1024;
const TRAILER_BYTES = 4;

class TooLarge extends Error {}

/** Inflates all of `data` within `maxBytes`; throws fflate's error, or TooLarge. */
function inflate(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge();
    chunks.push(chunk);
  });
  for (let at = 0; at < data.length; at += PIECE_BYTES) inflater.push(data.subarray(at, at + PIECE_BYTES), false);
  inflater.push(new Uint8Array(0), true);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** The unpacked bytes, or why they could not be had. */
export function boundedUnzlib(data: Uint8Array, maxBytes: number): { bytes: Uint8Array } | { error: string } {
  let bytes: Uint8Array;
  try {
    bytes = inflate(data, maxBytes);
  } catch (e) {
    if (e instanceof TooLarge) return { error: `it expands past ${Math.round(maxBytes / 1024)} KB, more than any results a link carries` };
    // fflate's own errors: invalid zlib data, invalid block type, unexpected EOF…
    return { error: `it is not valid compressed data (${e instanceof Error ? e.message : String(e)}; was the link cut off?)` };
  }
  const t = data.subarray(data.length - TRAILER_BYTES);
  const stored = ((t[0] << 24) | (t[1] << 16) | (t[2] << 8) | t[3]) >>> 0;
  if (stored !== adler32(bytes)) return { error: 'its checksum does not match (was the link cut off or changed?)' };
  // The stream ends exactly at the data's end only if one byte less no longer makes a whole stream. In one
  // push: fflate misses a missing last byte when it comes alone in a final push; and the whole data already
  // inflated within the cap, so a byte less cannot inflate to more.
  try {
    new Unzlib(() => {}).push(data.subarray(0, data.length - 1), true);
  } catch {
    return { bytes };
  }
  return { error: 'it carries bytes after the end of its compressed data (was something added to the link?)' };
}
