/**
 * base64url (RFC 4648 §5) without padding: the URL-safe alphabet, so a payload sits in a link's hash as is.
 * Decoding is strict (no whitespace, no padding, no stray characters or bits): a link that was altered in transit is
 * reported instead of being read as something else.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes, or a message saying where the text stops being base64url. */
export function decodeBase64url(text: string): { bytes: Uint8Array } | { error: string } {
  if (text.length % 4 === 1) return { error: 'its length is impossible for base64url (was it cut off?)' };
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const v = VALUE.get(text[i]);
    if (v === undefined) return { error: `character ${i + 1} (“${text[i]}”) is not base64url` };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 0xff;
    }
  }
  // The last character's spare bits must be zero, or two different links would carry the same bytes.
  if (acc & ((1 << bits) - 1)) return { error: 'its last character has stray bits (was it changed?)' };
  return { bytes };
}
