import { PIXELS as IMAGE_PIXELS, type Replacement } from '../defaults';
import { DATASETS, type Normalisation } from '../data/datasets';

// A module-local copy: under vitest every read of an imported binding is a property lookup, which made
// the hot loops here ~4× slower.
const PIXELS = IMAGE_PIXELS;

/** The replacements that put one value into every replaced pixel; 'noisyLinear' fills each pixel apart. */
export type ConstantReplacement = Exclude<Replacement, 'noisyLinear'>;

/**
 * The value, in [0,1] pixel units, that replaces removed pixels (science.md §3): the dataset mean by
 * default (0 after normalisation, Hooker's choice), black and white as the input's extremes (seed 004
 * §4.2), or the image's own mean over all its original pixels (ROAD's ChannelMeanImputer, field-notes §1.2).
 * The image is `image[start .. start + 784)`, times `scale` to reach [0,1] (1/255 for uint8 pixels); the mean
 * is `norm`'s, MNIST's by default.
 */
export function replacementValue(
  replacement: ConstantReplacement,
  image: ArrayLike<number>,
  start = 0,
  scale = 1,
  norm: Normalisation = DATASETS.mnist,
): number {
  switch (replacement) {
    case 'mean':
      return norm.mean;
    case 'black':
      return 0;
    case 'white':
      return 1;
    case 'imageMean': {
      let sum = 0;
      for (let p = 0; p < PIXELS; p++) sum += image[start + p];
      return (sum * scale) / PIXELS;
    }
  }
}
