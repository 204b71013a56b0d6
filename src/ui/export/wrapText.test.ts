import { describe, expect, it } from 'vitest';
import { wrapText } from './wrapText';

/** Every character 1 unit wide. */
const measure = (s: string): number => s.length;

describe('wrapText', () => {
  it('breaks between words so that lines fit', () => {
    expect(wrapText('Base method Gradient · Noise samples 15', 20, measure)).toEqual(['Base method Gradient', '· Noise samples 15']);
  });

  it('keeps a long word whole on its own line', () => {
    expect(wrapText('a verylongwordindeed b', 6, measure)).toEqual(['a', 'verylongwordindeed', 'b']);
  });

  it('puts the rest on the last allowed line', () => {
    expect(wrapText('one two three four', 7, measure, 2)).toEqual(['one two', 'three four']);
  });

  it('gives no lines for no words', () => {
    expect(wrapText('  ', 10, measure)).toEqual([]);
  });
});
