/**
 * Adebayo et al.'s data randomisation test (science.md §6): a model trained with the same settings on
 * labels permuted at random can only memorise, so whatever its maps show is not the relation between
 * digits and labels. A method whose maps of it still resemble the trained model's maps does not depend on
 * that relation. Training is the cost here, so the caller passes the training settings and decides it.
 */
import { PIXELS, type TrainConfig } from '../defaults';
import { head, type Mnist, type MnistSplit } from '../data/mnist';
import { deriveSeed, makeRng, permutation } from '../random';
import { createCnn, disposeCnn, readWeights } from '../model/cnn';
import { methodKey, type MethodSpec } from '../attribution/methodSpec';
import type { TargetMode } from '../attribution/targets';
import { train, type TrainHooks } from '../training/train';
import { evaluate } from '../training/evaluate';
import { DEFAULT_GALLERY_IMAGES, fixedTargets, galleryOf, mapsFor, readyMethods, relabelled, withModel } from './modelMaps';
import { mapCorrelations, summariseCorrelations, type CorrelationSummary } from './spearman';

export interface ShuffledLabelsOptions {
  /** Seeds the label permutation. */
  seed: number;
  /** The class each map explains, fixed by the trained model for both models. */
  target: TargetMode;
  /** Seeds the maps' own randomness; the same for both models. */
  mapSeed: number;
  galleryImages?: number;
  signal?: AbortSignal;
  /** Training progress, passed to train(). */
  onTrainProgress?: TrainHooks['onProgress'];
}

export interface ShuffledMethodResult {
  method: MethodSpec;
  key: string;
  /** ρ between the trained and the shuffled-label model's maps of each image, |maps| and signed. */
  abs: CorrelationSummary;
  signed: CorrelationSummary;
  /** The first images' maps, 784 values each: the trained model's and the shuffled-label model's. */
  gallery: { trained: number[][]; shuffled: number[][] };
}

export interface ShuffledLabelsResult {
  /** The settings the shuffled-label model was trained with (from its own initial weights, cfg.seed). */
  trainConfig: TrainConfig;
  labelSeed: number;
  /** Its accuracy on the permuted labels it trained on: how far it memorised them. */
  trainAccuracy: number;
  /** Its accuracy on the first cfg.testSize test images' true labels: near chance (10 %) when nothing leaked. */
  testAccuracy: number;
  images: number[];
  targets: number[];
  galleryImages: number[];
  methods: ShuffledMethodResult[];
}

/** The first `count` training images with their labels permuted by a seeded permutation. */
export function shuffledLabelSplit(train: MnistSplit, count: number, seed: number): MnistSplit {
  const s = head(train, count);
  const order = permutation(count, makeRng(deriveSeed(seed, 'sanity:labels')));
  return { ...s, labels: Uint8Array.from(order, (i) => s.labels[i]) };
}

/**
 * Trains a model on permuted labels with `cfg` and compares each method's maps of `imageIndices` (test-set
 * indices) with the trained model's. `trainedWeights` are in PARAM_SPECS order. Frees every tensor it makes.
 */
export async function runShuffledLabelsCheck(
  trainedWeights: readonly Float32Array[],
  mnist: Mnist,
  cfg: TrainConfig,
  imageIndices: ArrayLike<number>,
  methods: readonly MethodSpec[],
  options: ShuffledLabelsOptions,
): Promise<ShuffledLabelsResult> {
  const images = Uint32Array.from(imageIndices);
  if (images.length === 0) throw new Error('the shuffled-labels check needs at least one image');
  const ready = readyMethods(methods);
  const galleryCount = Math.min(options.galleryImages ?? DEFAULT_GALLERY_IMAGES, images.length);
  const targets = await fixedTargets(trainedWeights, mnist.test, images, options.target);
  const data = relabelled(mnist.test, images, targets);

  const shuffled = shuffledLabelSplit(mnist.train, cfg.trainSize, options.seed);
  const model = createCnn(cfg.seed);
  let weights: Float32Array[];
  let trainAccuracy: number;
  let testAccuracy: number;
  try {
    await train(model, shuffled, cfg, { signal: options.signal, onProgress: options.onTrainProgress });
    options.signal?.throwIfAborted();
    trainAccuracy = (await evaluate(model, shuffled)).accuracy;
    testAccuracy = (await evaluate(model, head(mnist.test, cfg.testSize))).accuracy;
    weights = await readWeights(model);
  } finally {
    disposeCnn(model);
  }

  const mapsOf = (w: readonly Float32Array[]): Promise<Float32Array[]> =>
    withModel(w, async (m) => {
      const out: Float32Array[] = [];
      for (const r of ready) out.push(await mapsFor(m, data, images, r, options.mapSeed, { signal: options.signal }));
      return out;
    });
  const reference = await mapsOf(trainedWeights);
  const theirs = await mapsOf(weights);

  return {
    trainConfig: cfg,
    labelSeed: options.seed,
    trainAccuracy,
    testAccuracy,
    images: Array.from(images),
    targets: Array.from(targets),
    galleryImages: Array.from(images.subarray(0, galleryCount)),
    methods: ready.map((r, k) => ({
      method: r.spec,
      key: methodKey(r.spec),
      abs: summariseCorrelations(mapCorrelations(reference[k], theirs[k], PIXELS, true)),
      signed: summariseCorrelations(mapCorrelations(reference[k], theirs[k], PIXELS, false)),
      gallery: { trained: galleryOf(reference[k], galleryCount), shuffled: galleryOf(theirs[k], galleryCount) },
    })),
  };
}
