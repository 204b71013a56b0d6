/** Results in a link's hash and in a file: exact round trips, the length limit, and what a recipient's page checks. */
import { zlibSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { Gen, randomBundle } from '../testing/arbitrary';
import { encodeBase64url } from './base64url';
import { bundleJson, parseBundleJson } from './bundleJson';
import { readBundleFile } from './bundleFile';
import { MAX_LINK_CHARS, MAX_RESULTS_BYTES } from './limits';
import { decodeResultsHash, encodeResultsHash, resultsLink } from './resultsLink';

const hashOf = (json: string): string => `#r=${encodeBase64url(zlibSync(new TextEncoder().encode(json)))}`;

describe('results link', () => {
  test('400 random valid results survive the link unchanged', () => {
    const g = new Gen(7);
    let longest = 0;
    for (let i = 0; i < 400; i++) {
      const bundle = randomBundle(g);
      const hash = encodeResultsHash(bundle);
      longest = Math.max(longest, hash.length);
      expect(hash).toMatch(/^r=[A-Za-z0-9_-]+$/);
      expect(decodeResultsHash(`#${hash}`)).toEqual({ bundle });
    }
    // The generator's sweeps (up to 3 methods × 3 thresholds × 2 seeds) are lecture-sized and must fit a link.
    expect(longest).toBeLessThan(MAX_LINK_CHARS);
  });

  test('300 random larger results survive the JSON file unchanged', () => {
    const g = new Gen(8);
    for (let i = 0; i < 300; i++) {
      const bundle = randomBundle(g, { methods: 7, thresholds: 6, seeds: 5, bases: 2 });
      expect(parseBundleJson(bundleJson(bundle), 'The file')).toEqual({ bundle });
    }
  });

  test('a link too long for chat tools is refused with its length, so the page can offer the file', () => {
    const bundle = randomBundle(new Gen(9), { methods: 7, thresholds: 6, seeds: 5, bases: 2 });
    const r = resultsLink('https://example.org/roar/?v=1', bundle);
    expect(r).toEqual({ tooLong: expect.any(Number) });
    expect((r as { tooLong: number }).tooLong).toBeGreaterThan(MAX_LINK_CHARS);
    const small = randomBundle(new Gen(10), { methods: 1, thresholds: 1, seeds: 1, bases: 2 });
    const ok = resultsLink('https://example.org/roar/?v=1', small);
    expect('url' in ok && ok.url.startsWith('https://example.org/roar/?v=1#r=')).toBe(true);
  });

  test('a hash without results is not an error', () => {
    expect(decodeResultsHash('')).toBeNull();
    expect(decodeResultsHash('#')).toBeNull();
    expect(decodeResultsHash('#sweep-heading')).toBeNull();
  });

  test('each stage of a bad link says what went wrong', () => {
    const valid = encodeResultsHash(randomBundle(new Gen(11)));
    const cases: [string, RegExp][] = [
      ['#r=', /is empty/],
      [`#r=${'A'.repeat(MAX_LINK_CHARS + 1)}`, /8001 characters long; this page writes at most 8000/],
      ['#r=abc$def', /damaged: character 4 \(“\$”\) is not base64url/],
      [`#${valid.slice(0, valid.length - 40)}`, /cannot be unpacked: (it is not valid compressed data \((unexpected EOF|invalid zlib data)|its checksum does not match)|damaged/],
      [`#${valid.slice(0, 50)}${valid[50] === 'A' ? 'B' : 'A'}${valid.slice(51)}`, /cannot be unpacked/],
      ['#r=AB', /damaged: its last character has stray bits/],
      [`#r=${encodeBase64url(new Uint8Array([0xff, 0xfe, 0xfd]))}`, /cannot be unpacked/],
      [hashOf('{"format":"roar-lab-results","version":1,'), /not valid JSON/],
      [hashOf('[1,2,3]'), /The link's data must be an object; found a list\./],
      [hashOf('{"format":"roar-lab-results","version":3,"title":"x","results":{}}'), /version is 3; this page reads versions 1 and 2 of results/],
      [`#r=${encodeBase64url(zlibSync(new Uint8Array([0xc3, 0x28])))}`, /unpacks to something other than text/],
    ];
    for (const [hash, message] of cases) {
      const r = decodeResultsHash(hash);
      expect(r && 'error' in r ? r.error : r, hash.slice(0, 60)).toMatch(message);
    }
  });

  test('a deflate bomb is stopped at the size cap, before it fills memory', () => {
    const bomb = `#r=${encodeBase64url(zlibSync(new Uint8Array(MAX_RESULTS_BYTES + 400_000), { level: 9 }))}`;
    expect(bomb.length).toBeLessThanOrEqual(MAX_LINK_CHARS + 3);
    expect(decodeResultsHash(bomb)).toEqual({ error: expect.stringMatching(/expands past 256 KB/) });
  });

  test('bytes added after the compressed data are refused, though the data before them is whole', () => {
    const whole = zlibSync(new TextEncoder().encode(bundleJson(randomBundle(new Gen(13)))));
    expect(decodeResultsHash(`#r=${encodeBase64url(whole)}`)).toHaveProperty('bundle');
    const decoded = (bytes: number[]) => decodeResultsHash(`#r=${encodeBase64url(new Uint8Array(bytes))}`);
    // Any added bytes stand where the checksum should be…
    for (const extra of [[0], [0x78, 0x9c], [1, 2, 3, 4, 5]]) expect(decoded([...whole, ...extra])).toEqual({ error: expect.stringMatching(/its checksum does not match/) });
    // …unless they end with it: then the stream is whole, and what follows it is the problem.
    expect(decoded([...whole, 7, ...whole.subarray(-4)])).toEqual({ error: expect.stringMatching(/carries bytes after the end of its compressed data/) });
  });

  test('a file larger than the cap is refused before it is read; a non-UTF-8 file is named as such', async () => {
    const big = new Blob([new Uint8Array(MAX_RESULTS_BYTES + 1)]);
    expect(await readBundleFile(big)).toEqual({ error: 'The file is 5.0 MB; results files are at most 5 MB.' });
    expect(await readBundleFile(new Blob([new Uint8Array([0xff, 0x00])]))).toEqual({ error: 'The file is not UTF-8 text, so it is not a results file.' });
    const bundle = randomBundle(new Gen(12));
    expect(await readBundleFile(new Blob([bundleJson(bundle)]))).toEqual({ bundle });
  });
});
