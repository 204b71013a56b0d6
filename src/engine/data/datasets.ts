/**
 * The datasets the lab trains on, one entry each: its files (idx format, parsed by idx.ts), class names,
 * the pixel mean and standard deviation every model input is normalised with, and how its split was made.
 * Both are 28×28 greyscale images in 10 classes, so the same net, maps and masks apply to either; what
 * changes is the picture: MNIST's digits sit on a black background, most of Fashion-MNIST's clothes do not.
 */
import { MNIST_MEAN, MNIST_STD } from '../defaults';

export type DatasetId = 'mnist' | 'fashion';
export const DATASET_IDS: readonly DatasetId[] = ['mnist', 'fashion'];
/** What the lab trains on unless told otherwise: the dataset of every preset and of ROAR's paper. */
export const DEFAULT_DATASET: DatasetId = 'mnist';

/** Model inputs are (x − mean) / std, for x a pixel in [0, 1]. */
export interface Normalisation {
  readonly mean: number;
  readonly std: number;
}

export type DataFileKey = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

export interface Dataset extends Normalisation {
  readonly id: DatasetId;
  readonly label: string;
  /** The idx files, as their names in public/data/ (gzipped there, with `.gz`). */
  readonly files: Readonly<Record<DataFileKey, string>>;
  readonly classNames: readonly string[];
  /** Where the train / test split comes from, in one sentence for the page. */
  readonly split: string;
}

const idxFiles = (prefix: string): Record<DataFileKey, string> => ({
  trainImages: `${prefix}train-images-idx3-ubyte`,
  trainLabels: `${prefix}train-labels-idx1-ubyte`,
  testImages: `${prefix}t10k-images-idx3-ubyte`,
  testLabels: `${prefix}t10k-labels-idx1-ubyte`,
});

export const DATASETS: Readonly<Record<DatasetId, Dataset>> = {
  mnist: {
    id: 'mnist',
    label: 'MNIST',
    files: idxFiles(''),
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    mean: MNIST_MEAN,
    std: MNIST_STD,
    split: 'The original split: 60,000 training and 10,000 test digits.',
  },
  fashion: {
    id: 'fashion',
    label: 'Fashion-MNIST',
    files: idxFiles('fashion-'),
    classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
    // Over the 60,000 training images of the split below (the original split gives 0.2860 / 0.3530).
    mean: 0.2862,
    std: 0.353,
    split:
      'The package has no official split, so the lab makes a fixed one: 1,000 images of each class, chosen by a seeded shuffle, for test (10,000) and the other 6,000 of each for training (60,000).',
  },
};
