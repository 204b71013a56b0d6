import type { CorrelationSummary } from '../../engine/sanity/spearman';
import type { SanityOutcome } from '../../engine/sanity/sanityJob';
import { ScrollRegion } from '../ScrollRegion';
import { methodName } from '../sweep/methodStyle';
import { stageWords } from './stageWords';

const rho = (c: CorrelationSummary | undefined): string => (c?.mean === null || c === undefined ? '—' : `${c.mean.toFixed(2)}${c.undefined ? '*' : ''}`);

/** Every stage's mean ρ of |maps| per method, the shuffled-label model's last; "*" where some maps were flat. */
export function SanityTable({ outcome }: { outcome: SanityOutcome }) {
  const { checks, shuffled } = outcome;
  const anyFlat = checks.methods.some((m) => m.correlations.some((c) => c.abs.undefined > 0));
  return (
    <>
      <ScrollRegion label="Rank correlation with the trained model's maps (scrolls sideways)">
        <table className="results" data-testid="sanity-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              {checks.stages.map((s) => (
                <th key={s.id} scope="col">
                  {stageWords(s)}
                </th>
              ))}
              {shuffled ? <th scope="col">shuffled labels</th> : null}
            </tr>
          </thead>
          <tbody>
            {checks.methods.map((m) => (
              <tr key={m.key}>
                <th scope="row">{methodName(m.method)}</th>
                {m.correlations.map((c) => (
                  <td key={c.stage}>{rho(c.abs)}</td>
                ))}
                {shuffled ? <td>{rho(shuffled.methods.find((x) => x.key === m.key)?.abs)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {anyFlat ? <p className="muted">* Some maps were flat (all one value) at that stage: ρ is undefined for them and the mean skips them.</p> : null}
      {shuffled ? (
        <p className="muted" data-testid="shuffled-accuracy">
          The shuffled-label model scores {(shuffled.testAccuracy * 100).toFixed(1)} % on the test images (chance is about 10 %) and{' '}
          {(shuffled.trainAccuracy * 100).toFixed(1)} % on the permuted labels it learnt; a map that still looks like the trained model’s explains the input, not
          what the model learnt.
        </p>
      ) : null}
    </>
  );
}
