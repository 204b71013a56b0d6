/**
 * Adebayo et al.'s model parameter randomisation test (science.md §6): the trained network's layers are
 * re-initialised, cascading from the top (the logits first, then down to the first convolution) or one at a
 * time (independent). A saliency method that explains the model must give different maps once the weights
 * it explains are gone.
 */
import { deriveSeed, makeRng } from '../random';
import { initialParam, PARAM_SPECS } from '../model/cnn';

/** The CNN's five layers, input to output; a layer is its kernel and its bias (cnn.ts's PARAM_SPECS). */
export const LAYERS = ['conv1', 'conv2', 'fc1', 'fc2', 'fc3'] as const;
export type LayerName = (typeof LAYERS)[number];

/** The indices into PARAM_SPECS of a layer's parameters. */
export function layerParams(layer: LayerName): number[] {
  return PARAM_SPECS.flatMap((spec, i) => (spec.name.startsWith(`${layer}/`) ? [i] : []));
}

export type StageKind = 'trained' | 'cascading' | 'independent';

/** One set of weights the checks explain: the trained model, or it with some layers re-initialised. */
export interface RandomisationStage {
  /** 'trained', 'cascading:fc2' (fc3 and fc2 re-initialised), 'independent:conv1' (conv1 alone). */
  id: string;
  kind: StageKind;
  /** The re-initialised layers, top first. */
  randomised: LayerName[];
}

/**
 * The stages in the order a table shows them: the trained model, then the cascade from the top (fc3; fc3
 * and fc2; … ; all five, as in Adebayo et al.'s cascading figure, seed 001 Fig. 4.1), then each layer
 * alone, input to output.
 */
export function randomisationStages(): RandomisationStage[] {
  const top = [...LAYERS].reverse();
  return [
    { id: 'trained', kind: 'trained', randomised: [] },
    ...top.map((layer, k): RandomisationStage => ({ id: `cascading:${layer}`, kind: 'cascading', randomised: top.slice(0, k + 1) })),
    ...LAYERS.map((layer): RandomisationStage => ({ id: `independent:${layer}`, kind: 'independent', randomised: [layer] })),
  ];
}

/**
 * A layer's fresh weights, drawn with the network's own initialiser (PyTorch's U(−1/√fan_in, 1/√fan_in),
 * cnn.ts's initialWeights): a randomised layer is what that layer was before training (Adebayo et al.
 * re-initialise at random; here from the distribution training started from).
 * Seeded per layer, so a layer gets the same fresh weights in every stage that randomises it: cascading
 * stage fc3 and independent stage fc3 are one network, and each cascading step changes one layer only.
 */
function freshLayer(layer: LayerName, seed: number): Map<number, Float32Array> {
  const rng = makeRng(deriveSeed(seed, `sanity:${layer}`));
  return new Map(layerParams(layer).map((i) => [i, initialParam(PARAM_SPECS[i], rng)]));
}

/** `trained` (PARAM_SPECS order) with the named layers re-initialised; the other arrays are shared, not copied. */
export function randomiseLayers(trained: readonly Float32Array[], layers: readonly LayerName[], seed: number): Float32Array[] {
  if (trained.length !== PARAM_SPECS.length) throw new Error(`expected ${PARAM_SPECS.length} weight arrays, got ${trained.length}`);
  const out = [...trained];
  for (const layer of layers) for (const [i, w] of freshLayer(layer, seed)) out[i] = w;
  return out;
}
