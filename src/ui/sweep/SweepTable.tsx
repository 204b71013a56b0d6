import { useState } from 'react';
import { FLAG_WORDS } from '../../engine/training/health';
import type { Cell, MethodSummary } from '../../engine/sweep/summary';
import { methodColour, methodName } from './methodStyle';
import type { MethodSpec } from '../../engine/attribution/methodSpec';
import { pct } from '../../engine/percent';


const VERDICT_TEXT: Record<MethodSummary['verdict'], string> = {
  better: 'better than random',
  worse: 'no better than random',
  mixed: 'mixed',
  inconclusive: 'inconclusive',
  baseline: 'baseline',
};

const JUDGEMENT_TEXT = { below: 'below random', above: 'above random', inconclusive: 'not judged' } as const;

/** The highest threshold at 70 % or more: where one base model's maps move the cell most (science.md §7). */
const noisyFrom = 0.7;

function CellText({ c, spread }: { c: Cell; spread: boolean }) {
  if (!c.accuracies.length) return <>…</>;
  return (
    <>
      {pct(c.mean, { unit: false })} ± {pct(c.std, { unit: false })} <span className="muted">n={c.accuracies.length}</span>
      {c.flaggedRuns ? (
        <span className="flag" title={`Not trusted: ${c.flaggedRuns} of ${c.accuracies.length} runs ${c.flags.map((f) => FLAG_WORDS[f]).join(' or ')}.`} data-testid="flagged-cell">
          {' '}
          ⚠<span className="sr-only"> {c.flaggedRuns} runs did not learn</span>
        </span>
      ) : null}
      {c.noRetrain !== null ? <span className="muted"> [{pct(c.noRetrain, { unit: false })}]</span> : null}
      {c.maskOnly !== null ? <span className="muted mask-only"> {'{'}{pct(c.maskOnly.mean, { unit: false })}{'}'}</span> : null}
      {c.vsRandom && Number.isFinite(c.vsRandom.p) ? (
        <span className={c.vsRandom.p < 0.05 ? 'sig' : 'muted'}> {c.vsRandom.p < 0.01 ? 'p<0.01' : `p=${c.vsRandom.p.toFixed(2)}`}</span>
      ) : null}
      {spread && (c.spread.betweenBases !== null || c.spread.withinBases !== null) ? (
        <span className="spread" data-testid="spread">
          <br />
          bases ±{c.spread.betweenBases === null ? '—' : pct(c.spread.betweenBases, { unit: false })} · seeds ±{c.spread.withinBases === null ? '—' : pct(c.spread.withinBases, { unit: false })}
        </span>
      ) : null}
      {c.judgement ? <span className={`judgement judgement-${c.judgement.outcome}`}><br />{JUDGEMENT_TEXT[c.judgement.outcome]}</span> : null}
    </>
  );
}

/**
 * Mean ± std test accuracy per method × threshold over every run (seed 000 Table I), each cell's comparison
 * with random, a warning on cells whose runs did not all learn, each method's verdict, and on demand the
 * spread split into base models and retrain seeds. Clicking a cell opens its runs (`onOpenCell`).
 */
export function SweepTable(props: { summary: MethodSummary[]; thresholds: number[]; mode: 'roar' | 'kar'; baseSeeds: number; onOpenCell: (spec: MethodSpec, threshold: number) => void }) {
  const { summary, thresholds, mode, baseSeeds, onOpenCell } = props;
  const [spread, setSpread] = useState(false);
  const top = thresholds.filter((t) => t >= noisyFrom).at(-1);
  const outline = summary.filter((m) => m.outlineEffect);
  return (
    <div className="table-scroll">
      <table className="results" aria-label="Accuracy per method and threshold" data-testid="sweep-table">
        <caption>
          Test accuracy (%) after retraining, mean ± std over every run; <span className="muted">n = runs finished;</span> in brackets the base model without
          retraining{summary.some((m) => m.cells.some((c) => c.maskOnly)) ? ', in braces the mask-only control' : ''}. ⚠ marks a cell whose runs did not all
          learn: no verdict rests on it. Select a cell to see its runs and their loss curves.
        </caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            {thresholds.map((t) => (
              <th key={t} scope="col">
                {Math.round(t * 1000) / 10} % {mode === 'roar' ? 'removed' : 'kept'}
                {t === top ? (
                  <small className="noisy" data-testid="noisy-note">
                    <br />
                    noisy: {baseSeeds > 1 ? `spread over ${baseSeeds} base models` : 'one base model’s maps'}
                  </small>
                ) : null}
              </th>
            ))}
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((m) => (
            <tr key={m.key} data-method={m.key}>
              <th scope="row">
                <span className="swatch" style={{ background: methodColour(m.spec) }} /> {methodName(m.spec)}
              </th>
              {m.cells.map((c) => (
                <td
                  key={c.threshold}
                  data-threshold={c.threshold}
                  className={c.flaggedRuns ? 'flagged' : undefined}
                  title={c.vsRandom ? `vs random: Δ ${(c.vsRandom.difference * 100).toFixed(1)} points, Welch t ${c.vsRandom.t.toFixed(2)}, p ${Number.isFinite(c.vsRandom.p) ? c.vsRandom.p.toFixed(3) : 'n/a'}` : undefined}
                >
                  {c.accuracies.length ? (
                    <button type="button" className="cell-open" onClick={() => onOpenCell(m.spec, c.threshold)} aria-label={`Runs of ${methodName(m.spec)} at ${Math.round(c.threshold * 1000) / 10} %`}>
                      <CellText c={c} spread={spread} />
                    </button>
                  ) : (
                    <CellText c={c} spread={spread} />
                  )}
                </td>
              ))}
              <td className={`verdict verdict-${m.verdict}`} title={m.reason}>
                {VERDICT_TEXT[m.verdict]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="check">
        <input type="checkbox" checked={spread} onChange={(e) => setSpread(e.target.checked)} name="showSpread" />
        Split each cell’s spread into base models and retrain seeds
      </label>
      {top !== undefined ? (
        <p className="muted small">
          Why the {Math.round(top * 100)} % column is noisy: there the maps of one base model decide which few pixels stay, and another base model’s maps
          keep others — in this lab and in an independent PyTorch implementation the |gradient| cell at 90 % moved between about 30 % and 63 % across base
          models, while retrain seeds moved it 5–7 points.
          {baseSeeds > 1 ? ' This sweep averages over several base models.' : ' This sweep uses one base model: treat differences of a few points there as noise.'}
        </p>
      ) : null}
      {outline.length ? (
        <p className="muted small" data-testid="outline-note">
          {outline.map((m) => methodName(m.spec)).join(', ')}: without retraining, accuracy rises again as more pixels go. With the mean fill the removed pixels
          outline the digit, and the model reads the outline instead of the strokes — the mask’s shape leaks the class (Rong et al. 2022).
        </p>
      ) : null}
      <ul className="verdicts">
        {summary
          .filter((m) => m.verdict !== 'baseline')
          .map((m) => (
            <li key={m.key} data-testid="verdict" data-verdict={m.verdict}>
              <strong>{methodName(m.spec)}</strong>: <span className={`verdict-${m.verdict}`}>{VERDICT_TEXT[m.verdict]}</span>. {m.reason}
            </li>
          ))}
      </ul>
    </div>
  );
}
