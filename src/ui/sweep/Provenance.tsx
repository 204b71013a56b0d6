import type { SweepResults } from '../../engine/sweep/results';
import { methodName } from './methodStyle';
import { methodKey } from '../../engine/sweep/sweepConfig';

/** Where the numbers came from: the full configuration, backend, seeds, engine version, dates and device. */
export function Provenance({ results }: { results: SweepResults }) {
  const { config: c, provenance: p } = results;
  const seeds = Array.from({ length: c.seeds }, (_, i) => c.retrain.seed + i);
  return (
    <details className="provenance" data-testid="provenance">
      <summary>Provenance: how these numbers were made</summary>
      <dl>
        <dt>Methods</dt>
        <dd>{c.methods.map((m) => methodName(methodKey(m))).join(', ')}</dd>
        <dt>Masking</dt>
        <dd>
          {c.mask.mode.toUpperCase()}, rank by {c.mask.rankTransform}, ties {c.mask.tieBreak === 'random' ? `in seeded random order (seed ${c.mask.tieSeed})` : 'by pixel index'}, replacement {c.mask.replacement}; maps for the {c.target === 'label' ? 'true label' : 'predicted class'}, map seed {c.mapSeed}
        </dd>
        <dt>Base model</dt>
        <dd>
          {c.base.epochs} epoch(s) on {c.base.trainSize.toLocaleString('en')} images, lr {c.base.learningRate}, momentum {c.base.momentum}, batch {c.base.batchSize}, seed {c.base.seed}
          {results.baseAccuracy !== null ? `; ${(results.baseAccuracy * 100).toFixed(2)} % on the ${c.retrain.testSize.toLocaleString('en')} test images` : ''}
        </dd>
        <dt>Retraining</dt>
        <dd>
          {c.retrain.epochs} epoch(s) on {c.retrain.trainSize.toLocaleString('en')} masked images, scored on {c.retrain.testSize.toLocaleString('en')} masked test images, lr {c.retrain.learningRate}, momentum {c.retrain.momentum}, batch {c.retrain.batchSize}; seeds {seeds.join(', ')}
        </dd>
        <dt>Backend</dt>
        <dd>
          {p.backend} ({p.backendDetails})
        </dd>
        <dt>Engine</dt>
        <dd>ROAR Lab {p.engineVersion}</dd>
        <dt>Dates</dt>
        <dd>
          started {p.startedAt}
          {p.finishedAt ? `, finished ${p.finishedAt}` : ', not finished'}
        </dd>
        <dt>Device</dt>
        <dd>{p.device}</dd>
      </dl>
    </details>
  );
}
