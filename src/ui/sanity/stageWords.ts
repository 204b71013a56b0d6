/** How a randomisation stage is named on the page: "trained", "fc3 re-initialised", "down to conv1", "conv2 alone". */
import type { RandomisationStage } from '../../engine/sanity/randomiseLayers';

export function stageWords(stage: RandomisationStage): string {
  if (stage.kind === 'trained') return 'trained';
  if (stage.kind === 'independent') return `${stage.randomised[0]} alone`;
  return stage.randomised.length === 1 ? `${stage.randomised[0]} random` : `down to ${stage.randomised.at(-1)}`;
}
