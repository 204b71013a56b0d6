/** A training configuration in words, for provenance and tooltips: "2 epochs, Adam (lr 0.002, β₁ 0.9), batch 64". */
import type { TrainConfig } from '../../engine/defaults';

export function trainingWords(c: TrainConfig): string {
  const epochs = c.stopping === 'plateau' ? `until the loss stops falling (patience ${c.patience}, at most ${c.epochs} epochs)` : `${c.epochs} epoch${c.epochs === 1 ? '' : 's'}`;
  const optimiser = c.optimizer === 'adam' ? `Adam (lr ${c.learningRate}, β₁ ${c.momentum})` : `SGD (lr ${c.learningRate}, momentum ${c.momentum})`;
  const warmup = c.warmupSteps > 0 ? `, warm-up over ${c.warmupSteps.toLocaleString('en')} steps` : '';
  return `${epochs}, ${optimiser}${warmup}, batch ${c.batchSize}`;
}
