/**
 * The sanity checks as one job (the page's step 4): the parameter randomisation tests on the base model,
 * then, when asked, the data randomisation test, with one progress count over both. Random is always added:
 * a map that ignores the model is the check's own control.
 */
import type { Mnist } from '../data/mnist';
import { readWeights, type Cnn } from '../model/cnn';
import { withRandomBaseline } from '../sweep/sweepConfig';
import { runSanityChecks, type SanityResult } from './sanityChecks';
import { runShuffledLabelsCheck, type ShuffledLabelsResult } from './shuffledLabels';
import type { SanityRequest } from './sanityRequest';

export interface SanityOutcome {
  request: SanityRequest;
  checks: SanityResult;
  shuffled: ShuffledLabelsResult | null;
  seconds: number;
}

export async function sanityJob(
  model: Cnn,
  mnist: Mnist,
  raw: SanityRequest,
  hooks: { signal?: AbortSignal; onProgress?: (message: string, fraction: number) => void | Promise<void> } = {},
): Promise<SanityOutcome> {
  const start = Date.now();
  const request = withRandomBaseline(raw);
  const weights = await readWeights(model);
  const images = Array.from({ length: request.images }, (_, i) => i);
  // The randomisation tests take the first part of the bar, the shuffled-label training the rest.
  const share = request.shuffledLabels ? 0.4 : 1;
  const checks = await runSanityChecks(weights, mnist.test, images, request.methods, {
    seed: request.seed,
    target: request.target,
    mapSeed: request.mapSeed,
    signal: hooks.signal,
    onProgress: (p) => hooks.onProgress?.(`Maps under ${p.stage === 'trained' ? 'the trained model' : p.stage.replace(':', ' ')}: ${p.method}`, (share * p.done) / p.total),
  });
  const cfg = request.shuffledLabels;
  const shuffled = cfg
    ? await runShuffledLabelsCheck(weights, mnist, cfg, images, request.methods, {
        seed: request.seed,
        target: request.target,
        mapSeed: request.mapSeed,
        signal: hooks.signal,
        onTrainProgress: (p) => hooks.onProgress?.(`Training on shuffled labels: epoch ${p.epoch + 1} of ${cfg.epochs}`, share + (1 - share) * Math.min(1, p.samplesSeen / (cfg.trainSize * cfg.epochs))),
      })
    : null;
  return { request, checks, shuffled, seconds: (Date.now() - start) / 1000 };
}
