/** Settings in the URL: exact round trips, readable text, and a notice (never a crash) for every bad value. */
import { describe, expect, test } from 'vitest';
import { REFERENCE_TRAIN } from '../engine/defaults';
import { presetConfig, sweepConfigErrors } from '../engine/sweep/sweepConfig';
import { backendFromUrl } from './backendParam';
import { Gen, randomShareConfig } from '../testing/arbitrary';
import { decodeConfigQuery, encodeConfigQuery, type ShareConfig } from './configQuery';
import { presetOf } from './presetOf';

const start = (): ShareConfig => ({ train: { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 10000 }, sweep: presetConfig('lecture'), backend: null });

describe('config query', () => {
  test('500 random valid configurations survive encode → decode unchanged, over any starting state', () => {
    const g = new Gen(20261126);
    for (let i = 0; i < 500; i++) {
      const c = randomShareConfig(g);
      const query = encodeConfigQuery(c);
      const other = randomShareConfig(g);
      const back = decodeConfigQuery(`?${query}`, { ...other, backend: null });
      expect(back.notices, query).toEqual([]);
      expect(back.present).toBe(true);
      expect(back.config, query).toEqual(c);
    }
  });

  test('the issue example reads as written, in percent and with method parameters', () => {
    const q = '?v=1&lr=0.01&epochs=1&methods=gradient,integratedGradients(steps:16),random&t=0,10,50,90&seeds=2&mode=roar&repl=mean&ties=random&tieSeed=7&backend=wasm';
    const { config, notices } = decodeConfigQuery(q, start());
    expect(notices).toEqual([]);
    expect(config.train).toMatchObject({ learningRate: 0.01, epochs: 1 });
    expect(config.sweep.methods).toEqual([
      { id: 'gradient', params: {} },
      { id: 'integratedGradients', params: { steps: 16 } },
      { id: 'random', params: {} },
    ]);
    expect(config.sweep.thresholds).toEqual([0, 0.1, 0.5, 0.9]);
    expect(config.backend).toBe('wasm');
  });

  test('dataset=fashion chooses Fashion-MNIST, keeps the preset, and a dataset the page does not know keeps the current one', () => {
    const { config, notices } = decodeConfigQuery('?dataset=fashion', start());
    expect(notices).toEqual([]);
    expect(config.sweep.dataset).toBe('fashion');
    expect(presetOf(config.sweep)).toBe('lecture');
    expect(encodeConfigQuery(config)).toMatch(/&dataset=fashion&/);
    const bad = decodeConfigQuery('?dataset=shoes', start());
    expect(bad.config.sweep.dataset).toBe('mnist');
    expect(bad.notices).toEqual([expect.stringMatching(/^Link setting dataset=“\u2068shoes\u2069”: Dataset: one of mnist, fashion\. Using “mnist” instead\./)]);
  });

  test('the address stays readable: commas, colons and parentheses are not escaped', () => {
    const c = start();
    c.sweep.methods = [{ id: 'smoothGrad', params: { base: 'integratedGradients', baseParams: { steps: 8 }, samples: 4 } }];
    c.sweep.thresholds = [0, 0.07, 0.3];
    const q = encodeConfigQuery(c);
    expect(q).toContain('methods=smoothGrad(base:integratedGradients,baseParams:(steps:8),samples:4)');
    expect(q).toContain('t=0,7,30');
    expect(q.startsWith('v=1&lr=0.01&mom=0.9&batch=64&epochs=1&train=10000&test=10000&seed=1&')).toBe(true);
    expect(decodeConfigQuery(q, start()).config).toEqual(c);
  });

  test('a field being edited into an invalid value is left out rather than written', () => {
    const c = start();
    c.train.learningRate = Number.NaN;
    c.sweep.seeds = 25;
    c.sweep.methods = [];
    const q = new URLSearchParams(encodeConfigQuery(c));
    expect(q.has('lr')).toBe(false);
    expect(q.has('seeds')).toBe(false);
    expect(q.has('methods')).toBe(false);
    expect(q.get('mom')).toBe('0.9');
  });

  test('bad values name their field and fall back to the value in use', () => {
    const { config, notices } = decodeConfigQuery('?v=1&lr=banana&t=5,3&seeds=0&mode=sideways&methods=gradient,magic&base.epochs=1.5&noRetrain=yes', start());
    const byKey = (k: string) => notices.find((n) => n.startsWith(`Link setting ${k}=`));
    expect(byKey('lr')).toMatch(/Learning rate: a number from 0\.000001 to 1; “\u2068banana\u2069” is not a number\. Using “0\.01” instead\./);
    expect(byKey('t')).toMatch(/^Link setting t=“\u20685,3\u2069”: Thresholds: 1 to 101 percentages from 0 to 100, comma-separated, increasing; “\u20683\u2069” does not come after 5\. Using “0,50,90” instead\./);
    expect(byKey('seeds')).toMatch(/Seeds per cell: a whole number from 1 to 20/);
    expect(byKey('mode')).toMatch(/one of roar, kar/);
    expect(byKey('methods')).toMatch(/unknown method “\u2068magic\u2069”/);
    expect(byKey('base.epochs')).toMatch(/Epochs: a whole number from 1 to 100; 1\.5 is not whole|Epochs: a whole number/);
    expect(byKey('noRetrain')).toMatch(/1 .* or 0/);
    expect(notices).toHaveLength(7);
    expect(config).toEqual(start());
  });

  test('method parameters are checked by the method itself', () => {
    const cases: [string, RegExp][] = [
      ['integratedGradients(steps:0)', /integratedGradients: steps must be an integer from 1 to 1024/],
      ['integratedGradients(step:16)', /unknown parameter "step"/],
      ['integratedGradients(baseline:grey)', /baseline must be one of black, mean/],
      ['smoothGrad(base:gradient,baseParams:(steps:4))', /smoothGrad over gradient: unknown parameter "steps"/],
      ['gradient,gradient', /listed twice/],
      ['gradient(', /expected a parameter name at character 10, found the end/],
      ['gradient)x', /expected “,” between methods at character 9/],
      ['smoothGrad(baseParams:(a:(b:(c:1))))', /no deeper nesting/],
      ['', /expected a method id at character 1/],
    ];
    for (const [text, message] of cases) {
      const { notices, config } = decodeConfigQuery(`?methods=${encodeURIComponent(text)}`, start());
      expect(notices.join(' ')).toMatch(message);
      expect(config.sweep.methods).toEqual(start().sweep.methods);
    }
  });

  test('the backend is read by backendParam.ts, with its words, and written back', () => {
    expect(decodeConfigQuery('?backend=cpu', start()).config.backend).toBe('cpu');
    const bad = decodeConfigQuery('?backend=quantum', start());
    expect(bad.notices).toEqual([backendFromUrl('?backend=quantum').notice]);
    expect(bad.config.backend).toBeNull();
    expect(encodeConfigQuery({ ...start(), backend: 'webgl' })).toMatch(/&backend=webgl$/);
  });

  test('unknown keys, repeated keys and other versions are reported, not obeyed', () => {
    const r = decodeConfigQuery('?v=2&lr=0.5&lr=0.2&zoom=3&__proto__=1&constructor=x', start());
    expect(r.notices[0]).toMatch(/v=“\u20682\u2069”: this page reads version 1 links/);
    expect(r.notices).toContain('Link setting lr appears 2 times; the first is used.');
    expect(r.notices.join(' ')).toMatch(/does not know were ignored: “\u2068zoom\u2069”, “\u2068__proto__\u2069”, “\u2068constructor\u2069”/);
    expect(r.config.train.learningRate).toBe(0.5);
    expect(({} as Record<string, unknown>).zoom).toBeUndefined();
  });

  test('a page opened without settings is left alone', () => {
    expect(decodeConfigQuery('', start())).toEqual({ config: start(), notices: [], present: false });
    expect(decodeConfigQuery('?utm_source=x', start()).present).toBe(false);
  });

  test('a configuration is recognised as the preset it equals', () => {
    expect(presetOf(presetConfig('standard'))).toBe('standard');
    const c = presetConfig('lecture');
    const back = decodeConfigQuery(`?${encodeConfigQuery({ ...start(), sweep: c })}`, { ...start(), sweep: presetConfig('paper') }).config.sweep;
    expect(presetOf(back)).toBe('lecture');
    expect(presetOf({ ...c, seeds: 3 })).toBe('custom');
    expect(sweepConfigErrors(back)).toEqual([]);
  });
});
