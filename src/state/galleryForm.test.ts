import { describe, expect, test } from 'vitest';
import { DEFAULT_MASK, DEFAULT_THRESHOLDS } from '../engine/defaults';
import { parseText } from '../engine/config/field';
import { baseKey, checkGalleryForm, GALLERY_FIELDS, initialGalleryForm, rawParams, type GalleryForm } from './galleryForm';

/** The gallery's thresholds from text, or the message: the one grammar of engine/config/thresholds.ts. */
const parseThresholds = (text: string): number[] | string => {
  const r = parseText(GALLERY_FIELDS.thresholds, text);
  return 'value' in r ? r.value : r.error;
};

function withMethod(form: GalleryForm, id: keyof GalleryForm['methods'], values: Record<string, string>): GalleryForm {
  const m = form.methods[id];
  return { ...form, methods: { ...form.methods, [id]: { selected: true, values: { ...m.values, ...values } } } };
}

describe('parseThresholds', () => {
  test('percentages become fractions', () => {
    expect(parseThresholds('0, 50, 90')).toEqual([0, 0.5, 0.9]);
    expect(parseThresholds('10%,30')).toEqual([0.1, 0.3]);
  });

  test('each problem is named, with what is allowed', () => {
    const allowed = 'Thresholds: 1 to 12 percentages from 0 to 100, comma-separated, increasing';
    expect(parseThresholds('10, 5, 200')).toBe(`${allowed}; “\u20685\u2069” does not come after 10.`);
    expect(parseThresholds('10, 200')).toBe(`${allowed}; “\u2068200\u2069” is not a percentage from 0 to 100.`);
    expect(parseThresholds(' ')).toBe(`${allowed}; none were given.`);
    expect(parseThresholds('10, ten')).toMatch(/“\u2068ten\u2069” is not a percentage/);
    expect(parseThresholds('10,,20')).toMatch(/“\u2068\u2069” is not a percentage/);
    expect(parseThresholds(Array.from({ length: 13 }, (_, i) => i).join(','))).toBe(`${allowed}; 13 were given.`);
  });
});

describe('checkGalleryForm', () => {
  test('the defaults: test image 0, five methods, Hooker\'s thresholds, the default mask', () => {
    const { request, errors } = checkGalleryForm(initialGalleryForm());
    expect(errors).toEqual({});
    expect(request).toEqual({
      digits: [{ kind: 'test', index: 0 }],
      methods: [
        { id: 'gradient', params: {} },
        { id: 'integratedGradients', params: { steps: 32, baseline: 'black' } },
        { id: 'guidedBackprop', params: {} },
        { id: 'smoothGradSquared', params: { base: 'gradient', samples: 15, sigmaFraction: 0.15, baseParams: {} } },
        { id: 'random', params: {} },
      ],
      thresholds: [...DEFAULT_THRESHOLDS],
      mask: DEFAULT_MASK,
      target: 'label',
      mapSeed: 1,
    });
  });

  test('digit choices are checked with what is allowed', () => {
    const f = initialGalleryForm();
    expect(checkGalleryForm({ ...f, testIndices: '3, 10000' }).errors.testIndices).toBe('Test image: a whole number from 0 to 9999; 10000 is out of range.');
    expect(checkGalleryForm({ ...f, testIndices: '' }).errors.testIndices).toMatch(/Test images: give an index/);
    expect(checkGalleryForm({ ...f, source: 'class', classDigit: '10' }).errors.classDigit).toMatch(/from 0 to 9/);
    expect(checkGalleryForm({ ...f, source: 'misclassified', misclassifiedCount: '13' }).errors.misclassifiedCount).toMatch(/from 1 to 12/);
    expect(checkGalleryForm({ ...f, source: 'drawn' })).toEqual({ request: null, errors: { drawn: 'The drawing is empty: draw a digit first.' } });
    const drawn = Array.from({ length: 784 }, (_, i) => (i === 400 ? 1 : 0));
    expect(checkGalleryForm({ ...f, source: 'drawn', drawn }).request?.digits).toEqual([{ kind: 'drawn', pixels: drawn }]);
  });

  test("method parameters get the engine's own messages, a wrapper's base parameters included", () => {
    const f = initialGalleryForm();
    expect(checkGalleryForm(withMethod(f, 'integratedGradients', { steps: '0' })).errors['method.integratedGradients']).toBe(
      'integratedGradients: steps must be an integer from 1 to 1024; got 0',
    );
    const sg = withMethod(f, 'smoothGrad', { base: 'integratedGradients', [baseKey('steps')]: 'many' });
    expect(checkGalleryForm(sg).errors['method.smoothGrad']).toBe('smoothGrad over integratedGradients: steps must be an integer from 1 to 1024; got "many"');
    const none = { ...f, methods: Object.fromEntries(Object.entries(f.methods).map(([id, m]) => [id, { ...m, selected: false }])) as GalleryForm['methods'] };
    expect(checkGalleryForm(none).errors.methods).toBe('Methods: choose at least one.');
  });

  test('a wrapper sends its base parameters only for a base that has some', () => {
    const f = withMethod(initialGalleryForm(), 'varGrad', { base: 'integratedGradients', [baseKey('steps')]: '8', samples: '4' });
    expect(rawParams('varGrad', f.methods.varGrad)).toEqual({ base: 'integratedGradients', samples: 4, sigmaFraction: 0.15, baseParams: { steps: 8, baseline: 'black' } });
    expect(rawParams('varGrad', { ...f.methods.varGrad, values: { ...f.methods.varGrad.values, base: 'guidedBackprop' } })).toEqual({
      base: 'guidedBackprop',
      samples: 4,
      sigmaFraction: 0.15,
    });
  });
});
