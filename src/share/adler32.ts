/**
 * Adler-32 (RFC 1950 §9), the checksum zlib stores after its compressed data. fflate writes it but does not
 * check it when unpacking, so the page checks it itself: a link altered or cut off in transit must be
 * reported as damaged, never shown as slightly different numbers.
 */
const MOD = 65521;
/** The most bytes that can be summed before the 32-bit sums must be reduced (zlib's NMAX). */
const NMAX = 5552;

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let start = 0; start < bytes.length; start += NMAX) {
    const end = Math.min(start + NMAX, bytes.length);
    for (let i = start; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
}
