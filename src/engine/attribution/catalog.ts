/**
 * What the page needs to know about each attribution method, without computing anything: id, label,
 * description, sign, default parameters, their form fields and their validation. The method files add the
 * computation on top (types.ts AttributionMethod). This module, and everything it imports, must stay free
 * of TensorFlow.js: the main thread imports it, and tfjs belongs in the worker's bundle only.
 */
import { BASELINES, type Baseline } from './baseline';
import { LIMITS, isPlainObject, validateFields, type FieldSpec } from './params';
import type { Validation } from './types';

/** A parameter as a form control: what `validate` accepts (limits or choices) and a label to show. */
export type FieldInfo = FieldSpec & { readonly label: string };

/** One field per parameter, in the order a form shows them and validation messages list them. */
export type FieldInfos<P> = { readonly [K in keyof P]: FieldInfo };

export interface MethodInfo<P> {
  /** Stable id, used in URLs, results and the CLI (science.md §2 ids). */
  readonly id: string;
  readonly label: string;
  /** The method's colour on every chart and table (distinct from every other method's). */
  readonly colour: string;
  /** A few words beside its name: what the map is, at a glance. */
  readonly summary: string;
  /** For students: what the map computes and where the method comes from. */
  readonly description: string;
  /** Whether the sign of the map means something (then show it with a diverging colour map). */
  readonly signed: boolean;
  /**
   * Under a signed ranking, the most negative values are the most important ones (seed 004 §2 for loss
   * gradients: a negative ∂L/∂x means the pixel lowers the loss, i.e. supports the class). Absent: the most
   * positive are.
   */
  readonly negativeFirst?: boolean;
  readonly defaults: P;
  /** The parameters a form shows, keyed by parameter name; `validate` checks exactly these. */
  readonly fields: Readonly<Record<string, FieldInfo>>;
  /**
   * Set on the noise wrappers: `baseParams` is not among the fields but holds the parameters of the method
   * chosen by the `base` field, shown with that method's fields and checked by its `validate`.
   */
  readonly wrapsBase?: boolean;
  /** Accepts a partial object (missing keys take the defaults); rejects unknown keys and bad values. */
  validate(raw: unknown): Validation<P>;
}

/** Any method's info; callers treat parameters as opaque values that `validate` returned. */
export type AnyMethodInfo = MethodInfo<unknown>;

export type GradientParams = Record<string, never>;
export interface InputXGradientParams {
  baseline: Baseline;
}
export interface IntegratedGradientsParams {
  steps: number;
  baseline: Baseline;
}
export type GuidedBackpropParams = Record<string, never>;
export type GradCamParams = Record<string, never>;
export type FullGradParams = Record<string, never>;
export type LossGradientParams = Record<string, never>;
export type LossGradientAbsParams = Record<string, never>;
export interface LossGradientXInputParams {
  baseline: Baseline;
}
export type SobelParams = Record<string, never>;
export type RandomParams = Record<string, never>;

const BASELINE_FIELD: FieldInfo = { kind: 'choice', choices: BASELINES, label: 'Baseline' };

/** The info of a method whose parameters are all plain fields, so that validation and form cannot disagree. */
function withFields<P extends object>(info: Omit<MethodInfo<P>, 'fields' | 'validate'>, fields: FieldInfos<P>): MethodInfo<P> {
  return { ...info, fields, validate: (raw) => validateFields(info.id, raw, info.defaults, fields) };
}

const gradient = withFields<GradientParams>(
  {
    id: 'gradient',
    summary: '∂ class score / ∂ pixel',
    colour: '#d62728',
    label: 'Gradient',
    description:
      'How much the class score (the pre-softmax logit) changes when each pixel changes a little: the gradient ∂f_c/∂x. ' +
      'The "sensitivity map" of Simonyan, Vedaldi & Zisserman, "Deep Inside Convolutional Networks" (2014). Brightening a positive pixel raises the score, a negative one lowers it.',
    signed: true,
    defaults: {},
  },
  {},
);

const inputXGradient = withFields<InputXGradientParams>(
  {
    id: 'inputXGradient',
    summary: 'gradient × (input − reference)',
    colour: '#9467bd',
    label: 'Input × Gradient',
    description:
      'The gradient multiplied by the input, a first-order estimate of how much each pixel adds to the class score compared with a reference image ' +
      '(black by default, so black background pixels get exactly 0). Shrikumar et al., "Not Just a Black Box" (2016). For a linear model it equals Integrated Gradients with the same baseline.',
    signed: true,
    defaults: { baseline: 'black' },
  },
  { baseline: BASELINE_FIELD },
);

const integratedGradients = withFields<IntegratedGradientsParams>(
  {
    id: 'integratedGradients',
    summary: 'gradient averaged from a baseline to the digit, × their difference',
    colour: '#1f77b4',
    label: 'Integrated Gradients',
    description:
      'Averages the gradient along a straight path from a baseline image (black by default) to the digit, then multiplies by the difference ' +
      'between the two. The pixel contributions add up to the change of the class score from baseline to image ("completeness"). ' +
      'Sundararajan, Taly & Yan, "Axiomatic Attribution for Deep Networks" (2017).',
    signed: true,
    defaults: { steps: 32, baseline: 'black' },
  },
  { steps: { ...LIMITS.steps, label: 'Steps' }, baseline: BASELINE_FIELD },
);

const guidedBackprop = withFields<GuidedBackpropParams>(
  {
    id: 'guidedBackprop',
    summary: 'gradient passing back only positive signals',
    colour: '#2ca02c',
    label: 'Guided Backprop',
    description:
      'The gradient, but each ReLU lets a signal flow back only if it is positive and the unit was active, so only evidence FOR the class ' +
      'reaches the pixels. Gives crisp, edge-like maps that change little when the model changes (Adebayo et al. 2018). ' +
      'Springenberg et al., "Striving for Simplicity: The All Convolutional Net" (2015).',
    signed: true,
    defaults: {},
  },
  {},
);

const gradCam = withFields<GradCamParams>(
  {
    id: 'gradCam',
    summary: 'gradient-weighted last convolution, coarse',
    colour: '#8c564b',
    label: 'Grad-CAM',
    description:
      'Weights each channel of the last convolutional layer by how much the class score depends on it on average, adds the weighted ' +
      'channels and keeps the positive part: a coarse 8×8 map of where the evidence for the class sits, each cell placed on the pixels it looks at. ' +
      'Selvaraju et al., "Grad-CAM" (2017).',
    signed: false,
    defaults: {},
  },
  {},
);

const fullGrad = withFields<FullGradParams>(
  {
    id: 'fullGrad',
    summary: 'input × gradient plus every bias × gradient',
    colour: '#e377c2',
    label: 'FullGrad',
    description:
      'Adds up input × gradient and, for every convolutional layer, how much each bias contributes to the class score at each position ' +
      '(bias × gradient), each made positive, rescaled and stretched to 28×28. Together with the fully connected biases these parts add up exactly to the class score. ' +
      'Srinivas & Fleuret, "Full-Gradient Representation for Neural Network Visualization" (2019).',
    signed: false,
    defaults: {},
  },
  {},
);

/** The base methods Hooker wraps (field-notes §1.1: gradient, IG and guided backprop, each _SG / _SG_2 / _V). */
export type NoiseBase = 'gradient' | 'integratedGradients' | 'guidedBackprop';
const NOISE_BASE_INFO: Readonly<Record<NoiseBase, AnyMethodInfo>> = { gradient, integratedGradients, guidedBackprop };
export const NOISE_BASE_IDS = Object.keys(NOISE_BASE_INFO) as readonly NoiseBase[];

export interface NoiseTunnelParams {
  base: NoiseBase;
  /** The base method's own parameters (e.g. IG's steps), checked by its validate; {} means its defaults. */
  baseParams: unknown;
  /** J, the number of noisy copies. */
  samples: number;
  sigmaFraction: number;
}

/**
 * J = 15 as in the SIAnalytics re-implementation and ROAD's Captum runs (PAIR's default, which Hooker
 * inherits, is 25), σ-spread 0.15 as PAIR (science.md §2).
 */
const OWN_DEFAULTS: Omit<NoiseTunnelParams, 'baseParams'> = { base: 'gradient', samples: 15, sigmaFraction: 0.15 };
const NOISE_DEFAULTS: NoiseTunnelParams = { ...OWN_DEFAULTS, baseParams: gradient.defaults };

const NOISE_FIELDS: FieldInfos<Omit<NoiseTunnelParams, 'baseParams'>> = {
  base: { kind: 'choice', choices: NOISE_BASE_IDS, label: 'Base method' },
  samples: { ...LIMITS.samples, label: 'Noise samples' },
  sigmaFraction: { ...LIMITS.sigmaFraction, label: 'σ fraction' },
};

function validateNoise(id: string, raw: unknown): Validation<NoiseTunnelParams> {
  const own = validateFields(id, raw, OWN_DEFAULTS, NOISE_FIELDS, ['baseParams']);
  if ('error' in own) return own;
  const baseParams = isPlainObject(raw) ? raw.baseParams : undefined;
  const baseCheck = NOISE_BASE_INFO[own.params.base].validate(baseParams);
  if ('error' in baseCheck) return { error: `${id} over ${baseCheck.error}` };
  return { params: { ...own.params, baseParams: baseCheck.params } };
}

/** SmoothGrad, SmoothGrad² and VarGrad share their parameters and differ only in how they reduce the samples. */
function noiseInfo(info: Pick<MethodInfo<NoiseTunnelParams>, 'id' | 'label' | 'colour' | 'summary' | 'description' | 'signed'>): MethodInfo<NoiseTunnelParams> {
  return { ...info, defaults: NOISE_DEFAULTS, fields: NOISE_FIELDS, wrapsBase: true, validate: (raw) => validateNoise(info.id, raw) };
}

const smoothGrad = noiseInfo({
  id: 'smoothGrad',
  summary: 'base map averaged over noisy copies',
  colour: '#bcbd22',
  label: 'SmoothGrad',
  description:
    'Averages the base map (gradient, Integrated Gradients or guided backprop) over several copies of the digit with Gaussian noise added: ' +
    'the noise washes out the speckle of raw gradients. Smilkov et al., "SmoothGrad: removing noise by adding noise" (2017). ' +
    'In Hooker et al.\'s ROAR benchmark it was no better than its base method.',
  signed: true,
});

const smoothGradSquared = noiseInfo({
  id: 'smoothGradSquared',
  summary: 'squared base map averaged over noisy copies',
  colour: '#17becf',
  label: 'SmoothGrad²',
  description:
    'Like SmoothGrad, but averages the SQUARED base map over the noisy copies, so it measures how strongly a pixel matters, not in which direction. ' +
    'Hooker et al., "A Benchmark for Interpretability Methods in Deep Neural Networks" (2019): with VarGrad, the only methods that beat a random ranking under ROAR.',
  signed: false,
});

const varGrad = noiseInfo({
  id: 'varGrad',
  summary: 'variance of the base map over noisy copies',
  colour: '#ff7f0e',
  label: 'VarGrad',
  description:
    'The variance of the base map across noisy copies of the digit: pixels whose attribution changes a lot under small input noise. ' +
    'Adebayo et al. (2018); with SmoothGrad², the only methods that beat a random ranking in Hooker et al.\'s ROAR benchmark (2019).',
  signed: false,
});

const lossGradient = withFields<LossGradientParams>(
  {
    id: 'lossGradient',
    summary: '∂ loss / ∂ pixel; most negative first',
    colour: '#ad494a',
    label: 'Loss gradient',
    description:
      'The gradient of the training loss (cross-entropy for the target class) with respect to each pixel: negative where brightening the pixel ' +
      'would make the model more confident. Studied in "Anomalous behaviour in loss-gradient based interpretability methods" (seed 004, grad_orig), ' +
      'which found that pixels with the most negative values should be ranked first.',
    signed: true,
    negativeFirst: true,
    defaults: {},
  },
  {},
);

const lossGradientAbs = withFields<LossGradientAbsParams>(
  {
    id: 'lossGradientAbs',
    summary: '|∂ loss / ∂ pixel|',
    colour: '#7b4173',
    label: 'Loss gradient (absolute)',
    description:
      'The size of the loss gradient, |∂L/∂x|, whatever its direction: how sensitive the loss is to each pixel. Seed 004\'s abs_grad.',
    signed: false,
    defaults: {},
  },
  {},
);

const lossGradientXInput = withFields<LossGradientXInputParams>(
  {
    id: 'lossGradientXInput',
    summary: '∂ loss / ∂ pixel × input; most negative first',
    colour: '#637939',
    label: 'Loss gradient × input',
    description:
      'The loss gradient multiplied by the (normalised) input: seed 004\'s grad_inp, which did better there than the raw loss gradient; ' +
      'as for the signed loss gradient, the most negative values count as the most important.',
    signed: true,
    negativeFirst: true,
    defaults: { baseline: 'mean' },
  },
  { baseline: BASELINE_FIELD },
);

const sobel = withFields<SobelParams>(
  {
    id: 'sobel',
    summary: 'edge strength; ignores the model (control)',
    colour: '#393b79',
    label: 'Sobel edges',
    description:
      'The strength of the edges in the image (the Sobel filter), ignoring the model entirely. A control: a method that does no better than ' +
      'an edge detector has not shown that it knows what the model uses. Hooker et al. (2019) use it as a baseline next to random.',
    signed: false,
    defaults: {},
  },
  {},
);

const random = withFields<RandomParams>(
  {
    id: 'random',
    summary: 'a random ranking: the ROAR yardstick (control)',
    colour: '#6b6b6b',
    label: 'Random',
    description:
      'A random number for every pixel, so ranking it removes pixels in a random order. The yardstick of ROAR: a method is only useful ' +
      'if removing its top pixels hurts the retrained model more than removing random ones (Hooker et al. 2019).',
    signed: false,
    defaults: {},
  },
  {},
);

/** Every method the lab offers, in the order the UI lists them; registry.ts pairs each with its computation. */
export const METHOD_INFO = {
  gradient,
  inputXGradient,
  integratedGradients,
  guidedBackprop,
  gradCam,
  fullGrad,
  smoothGrad,
  smoothGradSquared,
  varGrad,
  lossGradient,
  lossGradientAbs,
  lossGradientXInput,
  sobel,
  random,
} as const satisfies Record<string, AnyMethodInfo>;

export type MethodId = keyof typeof METHOD_INFO;
export const METHOD_IDS = Object.keys(METHOD_INFO) as MethodId[];

export function isMethodId(s: string): s is MethodId {
  return Object.prototype.hasOwnProperty.call(METHOD_INFO, s);
}

/** The info of this method, typed for generic use (validate, then pass on the validated params). */
export function methodInfo(id: MethodId): AnyMethodInfo {
  return METHOD_INFO[id];
}
