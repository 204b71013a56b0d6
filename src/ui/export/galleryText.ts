/**
 * The words of a gallery grid, as the page writes them (DigitResult, MethodRow, GalleryCellView), for
 * figures drawn outside the page's DOM: the exported PNG and the lecture view.
 */
import { methodInfo, type MethodId } from '../../engine/attribution/catalog';
import { MNIST_TRAIN_COUNT, type MaskMode } from '../../engine/defaults';
import type { GalleryImage, Prediction } from '../../engine/gallery/galleryGrid';
import { paramsText, percent } from '../gallery/format';
import { pct } from '../../engine/percent';

/** A stretch of a line; `wrong` marks a prediction that no longer matches (red on the page). */
export interface TextRun {
  text: string;
  bold?: boolean;
  wrong?: boolean;
}

/** Test images carry dataset-wide indices after the training images; a drawing a negative one. */
export function digitTitle(index: number): string {
  return index >= MNIST_TRAIN_COUNT ? `Test image #${index - MNIST_TRAIN_COUNT}` : 'Your drawing';
}

/** The class a cell's prediction is compared with: the label, or for a drawing the model's own first answer. */
export const referenceClass = (image: GalleryImage): number => image.input.label ?? image.prediction.predicted;

export function digitLine(image: GalleryImage): TextRun[] {
  const { input, prediction, target } = image;
  return [
    ...(input.label === null ? [{ text: 'No label (drawn)' }] : [{ text: 'Label ' }, { text: String(input.label), bold: true }]),
    { text: ' · the base model predicts ' },
    { text: String(prediction.predicted), bold: true, wrong: prediction.predicted !== referenceClass(image) },
    { text: ` (${pct(prediction.confidence)}) · the maps explain class ` },
    { text: String(target), bold: true },
  ];
}

export const thresholdHeader = (threshold: number, mode: MaskMode): string => `${mode === 'roar' ? 'remove' : 'keep'} ${percent(threshold)}`;

export const predictionText = (p: Prediction): string => `predicts ${p.predicted} · ${pct(p.confidence)}`;

export function methodLabel(methodId: string, params: Record<string, unknown>): { name: string; settings: string } {
  const id = methodId as MethodId;
  return { name: methodInfo(id).label, settings: paramsText(id, params) };
}
