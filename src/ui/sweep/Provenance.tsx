import type { SweepResults } from '../../engine/sweep/results';
import { methodName } from './methodStyle';
import { baseSeedsOf } from '../../engine/sweep/sweepPlan';
import { trainingWords } from './trainingWords';
import { DATASETS } from '../../engine/data/datasets';

/** Where the numbers came from: the full configuration, backend, seeds, engine version, dates and device. */
export function Provenance({ results }: { results: SweepResults }) {
  const { config: c, provenance: p } = results;
  const seeds = Array.from({ length: c.seeds }, (_, i) => c.retrain.seed + i);
  return (
    <details className="provenance" data-testid="provenance">
      <summary>Provenance: how these numbers were made</summary>
      <dl>
        <dt>Dataset</dt>
        <dd>
          {DATASETS[c.dataset].label}: {DATASETS[c.dataset].split}
        </dd>
        <dt>Methods</dt>
        <dd>{c.methods.map((m) => methodName(m)).join(', ')}</dd>
        <dt>Masking</dt>
        <dd>
          {c.mask.mode.toUpperCase()}, rank by {c.mask.rankTransform}, ties {c.mask.tieBreak === 'random' ? `in seeded random order (seed ${c.mask.tieSeed})` : 'by pixel index'}, replacement {c.mask.replacement}; maps for the {c.target === 'label' ? 'true label' : 'predicted class'}, map seed {c.mapSeed}
        </dd>
        <dt>{c.baseSeeds > 1 ? `${c.baseSeeds} base models` : 'Base model'}</dt>
        <dd>
          {trainingWords(c.base)} on {c.base.trainSize.toLocaleString('en')} images; seed{c.baseSeeds > 1 ? 's' : ''} {baseSeedsOf(c).join(', ')}
          {results.bases.length ? `; ${results.bases.map((b) => `${(b.accuracy * 100).toFixed(2)} %`).join(', ')} on the ${c.retrain.testSize.toLocaleString('en')} test images` : ''}
        </dd>
        <dt>Retraining</dt>
        <dd>
          {trainingWords(c.retrain)} on {c.retrain.trainSize.toLocaleString('en')} masked images, scored on {c.retrain.testSize.toLocaleString('en')} masked test images; seeds {seeds.join(', ')}
          {c.baseSeeds > 1 ? ' on each base model' : ''}
          {c.maskOnly ? '; each masked run also trained on its removal pattern alone (mask only)' : ''}
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
        {p.shard ? (
          <>
            <dt>Shard</dt>
            <dd>
              part {p.shard.index} of {p.shard.count} of the sweep
            </dd>
          </>
        ) : null}
        {p.parts ? (
          <>
            <dt>Merged from</dt>
            <dd>{p.parts.map((x) => `${x.name}${x.shard ? ` (shard ${x.shard.index}/${x.shard.count})` : ''}, ${x.device}`).join('; ')}</dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
