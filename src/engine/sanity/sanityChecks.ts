/**
 * Adebayo et al.'s model parameter randomisation test (science.md §6): each method's maps under the trained
 * weights against its maps once layers are re-initialised (randomiseLayers.ts), measured by Spearman's ρ
 * per image (spearman.ts) and averaged over the images. A method that explains the model loses its
 * correlation as the cascade reaches down; one that ignores the model (sobel, random) keeps ρ = 1, which
 * is the check's point: a map that survives a random network says nothing about the trained one.
 * Methods that multiply by the input (input × gradient, IG from the black baseline) are exactly 0 wherever
 * the digit is black (~80 % of the pixels) under any weights; those shared ties hold their ρ near 1 (0.99 at
 * every stage on 100 test images), so there ρ measures the input as much as the method.
 */
import { PIXELS } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import { methodKey, type MethodSpec } from '../attribution/methodSpec';
import type { TargetMode } from '../attribution/targets';
import { DEFAULT_GALLERY_IMAGES, fixedTargets, galleryOf, mapsFor, readyMethods, relabelled, withModel } from './modelMaps';
import { randomisationStages, randomiseLayers, type RandomisationStage } from './randomiseLayers';
import { mapCorrelations, summariseCorrelations, type CorrelationSummary } from './spearman';

export interface SanityOptions {
  /** Seeds the re-initialised layers. */
  seed: number;
  /** The class each map explains, fixed by the trained model for every stage. */
  target: TargetMode;
  /** Seeds the maps' own randomness; the same at every stage, so only the weights differ. */
  mapSeed: number;
  /** Keep the maps of the first this many images (DEFAULT_GALLERY_IMAGES when absent). */
  galleryImages?: number;
  signal?: AbortSignal;
  onProgress?: (p: SanityProgress) => void | Promise<void>;
}

export interface SanityProgress {
  /** Maps computed so far and in all (networks × methods × images). */
  done: number;
  total: number;
  stage: string;
  method: string;
}

/** A method's similarity to its own trained-model maps at one stage, over the images. */
export interface StageCorrelation {
  stage: string;
  /** ρ of |maps| (Adebayo et al.'s main measure, spearman.ts). */
  abs: CorrelationSummary;
  /** ρ of the signed maps. */
  signed: CorrelationSummary;
}

export interface MethodSanity {
  method: MethodSpec;
  /** methodKey(method): how results file it. */
  key: string;
  /** One per stage, in SanityResult.stages's order. */
  correlations: StageCorrelation[];
  /** gallery[stage][g]: the 784 values of the map of galleryImages[g] at that stage (stages' order). */
  gallery: number[][][];
}

/** Plain numbers and arrays only, so it goes to JSON, a worker message or a file as it is. */
export interface SanityResult {
  /** Split indices of the images compared. */
  images: number[];
  /** The class each image's maps explain (SanityOptions.target, by the trained model). */
  targets: number[];
  /** The images whose maps `gallery` keeps: the first few of `images`. */
  galleryImages: number[];
  seed: number;
  mapSeed: number;
  target: TargetMode;
  stages: RandomisationStage[];
  methods: MethodSanity[];
}

/** Every stage that changes the same layers is one network: computed once (cascading fc3 = independent fc3). */
const networkKey = (stage: RandomisationStage): string => [...stage.randomised].sort().join('+');

/**
 * Runs the cascading and independent randomisation tests. `trainedWeights` are in PARAM_SPECS order
 * (cnn.ts's readWeights); `imageIndices` index `split`. Frees every tensor it makes.
 */
export async function runSanityChecks(
  trainedWeights: readonly Float32Array[],
  split: MnistSplit,
  imageIndices: ArrayLike<number>,
  methods: readonly MethodSpec[],
  options: SanityOptions,
): Promise<SanityResult> {
  const images = Uint32Array.from(imageIndices);
  if (images.length === 0) throw new Error('the sanity checks need at least one image');
  const ready = readyMethods(methods);
  const galleryCount = Math.min(options.galleryImages ?? DEFAULT_GALLERY_IMAGES, images.length);
  const stages = randomisationStages();
  const targets = await fixedTargets(trainedWeights, split, images, options.target);
  const data = relabelled(split, images, targets);

  const networks = new Map<string, RandomisationStage>();
  for (const stage of stages) if (!networks.has(networkKey(stage))) networks.set(networkKey(stage), stage);
  const total = networks.size * ready.length * images.length;
  let done = 0;

  const outcomes = new Map<string, { abs: CorrelationSummary; signed: CorrelationSummary; gallery: number[][] }[]>();
  // The trained network is the first stage, so its maps are the reference before any other network's arrive.
  let reference: Float32Array[] | null = null;
  for (const [key, stage] of networks) {
    options.signal?.throwIfAborted();
    const all = await withModel(randomiseLayers(trainedWeights, stage.randomised, options.seed), async (model) => {
      const out: Float32Array[] = [];
      for (const m of ready) {
        const before = done;
        const method = methodKey(m.spec);
        out.push(
          await mapsFor(model, data, images, m, options.mapSeed, {
            signal: options.signal,
            onProgress: (p) => options.onProgress?.({ done: before + p.done, total, stage: stage.id, method }),
          }),
        );
        done += images.length;
      }
      return out;
    });
    reference ??= all;
    const ref = reference;
    outcomes.set(
      key,
      all.map((maps, k) => ({
        abs: summariseCorrelations(mapCorrelations(ref[k], maps, PIXELS, true)),
        signed: summariseCorrelations(mapCorrelations(ref[k], maps, PIXELS, false)),
        gallery: galleryOf(maps, galleryCount),
      })),
    );
  }
  const outcome = (stage: RandomisationStage, k: number) => outcomes.get(networkKey(stage))![k];

  return {
    images: Array.from(images),
    targets: Array.from(targets),
    galleryImages: Array.from(images.subarray(0, galleryCount)),
    seed: options.seed,
    mapSeed: options.mapSeed,
    target: options.target,
    stages,
    methods: ready.map((m, k) => ({
      method: m.spec,
      key: methodKey(m.spec),
      correlations: stages.map((stage) => ({ stage: stage.id, abs: outcome(stage, k).abs, signed: outcome(stage, k).signed })),
      gallery: stages.map((stage) => outcome(stage, k).gallery),
    })),
  };
}
