import { describe, expect, it } from 'vitest';
import { choiceField, numberField } from '../engine/config/field';
import { fieldFlag, parseFlags, UsageError } from './args';

const specs = {
  epochs: fieldFlag(numberField({ label: 'Epochs', hint: '', min: 1, max: 100, integer: true })),
  lr: fieldFlag(numberField({ label: 'Learning rate', hint: '', min: 1e-6, max: 1 })),
  optimizer: fieldFlag(choiceField({ label: 'Optimiser', hint: '', words: { sgd: 'SGD', adam: 'Adam' } })),
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  json: { kind: 'boolean' },
} as const;

describe('CLI flags', () => {
  it('parses values in both spellings', () => {
    expect(parseFlags(['--epochs', '3', '--lr=0.01', '--json', '--backend', 'cpu', '--optimizer', 'adam'], specs)).toEqual({ epochs: 3, lr: 0.01, json: true, backend: 'cpu', optimizer: 'adam' });
  });
  it.each([
    [['--epochs', '0'], /--epochs "0": Epochs: a whole number from 1 to 100; 0 is out of range\./],
    [['--epochs', '2.5'], /whole number/],
    [['--lr', 'fast'], /--lr "fast": Learning rate: a number from 0.000001 to 1; “\u2068fast\u2069” is not a number\./],
    [['--lr', '0x10'], /Learning rate: a number/],
    [['--optimizer', 'rmsprop'], /Optimiser: one of sgd, adam\./],
    [['--backend', 'webgpu'], /one of wasm, cpu/],
    [['--nope', '1'], /unknown flag --nope/],
    [['--epochs'], /needs a value/],
    [['stray'], /unexpected argument/],
  ])('rejects %j with a clear message', (argv, msg) => {
    expect(() => parseFlags(argv, specs)).toThrow(UsageError);
    expect(() => parseFlags(argv, specs)).toThrow(msg);
  });
});
