import { methodKey } from '../../engine/attribution/methodSpec';
import type { MetricsResult } from '../../engine/metrics/evaluateMetrics';
import { METRICS, type MetricId } from '../../engine/metrics/metricCatalog';
import { ScrollRegion } from '../ScrollRegion';
import { methodName } from '../sweep/methodStyle';

/**
 * Every metric's area under the curve, one row each, one column per method; the best method of a row is
 * bold, and a row can be picked to show its curves. Random's column is the baseline each row is read against.
 */
export function MetricsTable({ result, shown, onShow }: { result: MetricsResult; shown: MetricId; onShow: (id: MetricId) => void }) {
  const methods = result.request.methods;
  const ids = [...new Set(result.metrics.map((m) => m.metric))];
  const auc = (id: MetricId, key: string): number | undefined => result.metrics.find((m) => m.metric === id && m.method === key)?.auc;
  return (
    <ScrollRegion label="Area under each metric's curve (scrolls sideways)">
      <table className="results" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">Metric (area under the curve)</th>
            {methods.map((spec) => (
              <th key={methodKey(spec)} scope="col">
                {methodName(spec)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const info = METRICS[id];
            const values = methods.map((spec) => auc(id, methodKey(spec)) ?? Number.NaN);
            const best = info.better === 'lower' ? Math.min(...values) : Math.max(...values);
            return (
              <tr key={id} className={id === shown ? 'selected' : undefined} data-metric={id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onShow(id)} aria-pressed={id === shown}>
                    {info.label}
                  </button>
                  <small className="muted"> · {info.better} is better</small>
                </th>
                {values.map((v, i) => (
                  <td key={methodKey(methods[i])}>{v === best ? <strong>{v.toFixed(3)}</strong> : v.toFixed(3)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
