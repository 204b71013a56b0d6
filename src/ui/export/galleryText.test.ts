import { describe, expect, it } from 'vitest';
import { MNIST_TRAIN_COUNT } from '../../engine/defaults';
import type { GalleryImage, Prediction } from '../../engine/gallery/galleryGrid';
import { digitLine, digitTitle, methodLabel, predictionText, thresholdHeader } from './galleryText';

const prediction = (predicted: number, confidence: number): Prediction => ({ predicted, confidence, probabilities: [] });

const image = (label: number | null, predicted: number): GalleryImage => ({
  input: { pixels: new Float32Array(784), label, index: label === null ? -1 : MNIST_TRAIN_COUNT + 3 },
  prediction: prediction(predicted, 0.912),
  target: predicted,
  rows: [],
});

describe('gallery text', () => {
  it('names test images by their test index and drawings as such', () => {
    expect(digitTitle(MNIST_TRAIN_COUNT + 3)).toBe('Test image #3');
    expect(digitTitle(-1)).toBe('Your drawing');
  });

  it('writes the digit line as the page does, marking a prediction that misses the label', () => {
    const runs = digitLine(image(7, 1));
    expect(runs.map((r) => r.text).join('')).toBe('Label 7 · the base model predicts 1 (91.2 %) · the maps explain class 1');
    expect(runs.find((r) => r.text === '1' && r.wrong)).toBeDefined();
    expect(digitLine(image(null, 4)).some((r) => r.wrong)).toBe(false);
  });

  it('writes headers, predictions and method labels', () => {
    expect(thresholdHeader(0.5, 'roar')).toBe('remove 50 %');
    expect(thresholdHeader(0.1, 'kar')).toBe('keep 10 %');
    expect(predictionText(prediction(3, 0.5))).toBe('predicts 3 · 50.0 %');
    expect(methodLabel('integratedGradients', { steps: 8 }).name).toBe('Integrated Gradients');
    expect(methodLabel('integratedGradients', { steps: 8 }).settings).toContain('Steps 8');
  });
});
