/** Numbers in links: what reads as a number, and percentages that read back as the very same fraction. */
import { describe, expect, test } from 'vitest';
import { makeRng } from '../random';
import { parseDecimal, parsePercent, percentText } from './decimal';

describe('decimal text', () => {
  test('plain decimals only: no hex, spaces, words, infinities or empty text', () => {
    expect(['0.01', '1e-7', '-2.5', '.5', '5.', '+3', '1E3'].map(parseDecimal)).toEqual([0.01, 1e-7, -2.5, 0.5, 5, 3, 1000]);
    for (const bad of ['', '.', '-', '0x10', ' 1', '1 ', 'Infinity', 'NaN', '1e999', '1e', '1,5', '½', '1'.repeat(41)]) expect(parseDecimal(bad), bad).toBeNull();
  });

  test('percentages move the decimal point in the text, so 20,000 fractions read back exactly', () => {
    expect([0, 1, 0.07, 0.1, 0.3, 0.123, 1e-9].map(percentText)).toEqual(['0', '100', '7', '10', '30', '12.3', '0.0000001']);
    const rng = makeRng(1);
    for (let i = 0; i < 20_000; i++) {
      const x = i % 2 ? rng() : rng() * 10 ** -Math.floor(rng() * 30);
      expect(parsePercent(percentText(x))).toBe(x);
    }
  });
});
