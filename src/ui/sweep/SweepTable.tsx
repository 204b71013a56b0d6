import { useState } from 'react';
import { FLAG_WORDS } from '../../engine/training/health';
import type { Cell, MethodSummary } from '../../engine/sweep/summary';
import { methodColour, methodName } from './methodStyle';
import type { MethodSpec } from '../../engine/attribution/methodSpec';
import { pct } from '../../engine/percent';
import { ScrollRegion } from '../ScrollRegion';
import { VERDICT_WORDS } from './verdictWords';

const JUDGEMENT_TEXT = { below: 'below random', above: 'above random', inconclusive: 'not judged' } as const;

/** The highest threshold at 70 % or more: where one base model's maps move the cell most (science.md §7). */
const noisyFrom = 0.7;

/** A cell in three short lines, so that a whole sweep fits a laptop's width: the mean ± std, the controls, the test. */
function CellText({ c, spread }: { c: Cell; spread: boolean }) {
  if (!c.accuracies.length) return <>…</>;
  const controls = [c.noRetrain !== null ? `[${pct(c.noRetrain, { unit: false })}]` : null, c.maskOnly !== null ? `{${pct(c.maskOnly.mean, { unit: false })}}` : null].filter(Boolean);
  return (
    <>
      <span className="cell-mean">
        {pct(c.mean, { unit: false })} ± {pct(c.std, { unit: false })}
        {c.flaggedRuns ? (
          <span className="flag" title={`Not trusted: ${c.flaggedRuns} of ${c.accuracies.length} runs ${c.flags.map((f) => FLAG_WORDS[f]).join(' or ')}.`} data-testid="flagged-cell">
            {' '}
            ⚠<span className="sr-only"> {c.flaggedRuns} runs did not learn</span>
          </span>
        ) : null}
      </span>
      <span className="cell-line muted">
        {controls.join(' ')} n={c.accuracies.length}
      </span>
      {c.vsRandom && Number.isFinite(c.vsRandom.p) ? (
        <span className="cell-line">
          <span className={c.vsRandom.p < 0.05 ? 'sig' : 'muted'}>{c.vsRandom.p < 0.01 ? 'p<0.01' : `p=${c.vsRandom.p.toFixed(2)}`}</span>
          {c.judgement ? <span className={`judgement judgement-${c.judgement.outcome}`}> {JUDGEMENT_TEXT[c.judgement.outcome]}</span> : null}
        </span>
      ) : c.judgement ? (
        <span className={`cell-line judgement judgement-${c.judgement.outcome}`}>{JUDGEMENT_TEXT[c.judgement.outcome]}</span>
      ) : null}
      {spread && (c.spread.betweenBases !== null || c.spread.withinBases !== null) ? (
        <span className="cell-line spread" data-testid="spread">
          bases ±{c.spread.betweenBases === null ? '—' : pct(c.spread.betweenBases, { unit: false })} · seeds ±{c.spread.withinBases === null ? '—' : pct(c.spread.withinBases, { unit: false })}
        </span>
      ) : null}
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
    <div className="sweep-table">
      <p className="small" id="sweep-table-key">
        Test accuracy (%) after retraining, mean ± std over every run; <span className="muted">n = runs finished;</span> in brackets the base model without
        retraining{summary.some((m) => m.cells.some((c) => c.maskOnly)) ? ', in braces the mask-only control' : ''}; p: Welch’s test against random. ⚠ marks a
        cell whose runs did not all learn: no verdict rests on it. Select a cell to see its runs and their loss curves.
      </p>
      <ScrollRegion label="Accuracy per method and threshold">
        <table className="results" aria-describedby="sweep-table-key" data-testid="sweep-table">
          <caption className="sr-only">Accuracy per method and threshold</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              {thresholds.map((t) => (
                <th key={t} scope="col">
                  {Math.round(t * 1000) / 10} %<span className="th-sub"> {mode === 'roar' ? 'removed' : 'kept'}</span>
                  {t === top ? (
                    <small className="noisy" data-testid="noisy-note">
                      <br />
                      noisy: {baseSeeds > 1 ? `${baseSeeds} base models` : 'one base model'}
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
                  {VERDICT_WORDS[m.verdict]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
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
              <strong>{methodName(m.spec)}</strong>: <span className={`verdict-${m.verdict}`}>{VERDICT_WORDS[m.verdict]}</span>. {m.reason}
            </li>
          ))}
      </ul>
    </div>
  );
}
