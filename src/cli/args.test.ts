import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from './args';

const specs = {
  epochs: { kind: 'number', min: 1, max: 100, integer: true },
  lr: { kind: 'number', min: 1e-6, max: 1 },
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  json: { kind: 'boolean' },
} as const;

describe('CLI flags', () => {
  it('parses values in both spellings', () => {
    expect(parseFlags(['--epochs', '3', '--lr=0.01', '--json', '--backend', 'cpu'], specs)).toEqual({ epochs: 3, lr: 0.01, json: true, backend: 'cpu' });
  });
  it.each([
    [['--epochs', '0'], /--epochs must be an integer from 1 to 100; got 0/],
    [['--epochs', '2.5'], /integer/],
    [['--lr', 'fast'], /--lr must be a number/],
    [['--backend', 'webgpu'], /one of wasm, cpu/],
    [['--nope', '1'], /unknown flag --nope/],
    [['--epochs'], /needs a value/],
    [['stray'], /unexpected argument/],
  ])('rejects %j with a clear message', (argv, msg) => {
    expect(() => parseFlags(argv, specs)).toThrow(UsageError);
    expect(() => parseFlags(argv, specs)).toThrow(msg);
  });
});
