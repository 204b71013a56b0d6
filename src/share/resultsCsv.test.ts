/** The CSV export: long format, RFC 4180 quoting, and no formulas smuggled into a spreadsheet. */
import { describe, expect, test } from 'vitest';
import { Gen, randomResults } from './arbitrary';
import { CSV_HEADER, resultsCsv } from './resultsCsv';

/** An RFC 4180 reader, to check that every row splits back into its cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, cell]), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('results CSV', () => {
  test('one row per run and per no-retrain score, with every number exact', () => {
    const g = new Gen(5);
    for (let i = 0; i < 50; i++) {
      const r = randomResults(g);
      const rows = parseCsv(resultsCsv(r, (k) => `label of ${k}`));
      expect(rows[0]).toEqual([...CSV_HEADER]);
      expect(rows).toHaveLength(1 + r.runs.length + r.noRetrain.length);
      r.runs.forEach((run, j) => {
        const row = rows[1 + j];
        expect(row.slice(0, 3)).toEqual([run.kind === 'maskOnly' ? 'mask-only' : 'retrained', run.method, `label of ${run.method}`]);
        const numbers = (cells: string[]) => cells.map((v) => (v === '' ? null : Number(v)));
        expect(numbers(row.slice(3, 9))).toEqual([run.threshold, run.seed, run.baseSeed, run.accuracy, run.epochs, run.health?.finalLoss ?? null]);
        expect(row[9]).toBe(run.health ? run.health.flags.join(' ') || 'ok' : '');
        expect(numbers(row.slice(10))).toEqual(run.precision);
      });
      r.noRetrain.forEach((nr, j) => {
        const row = rows[1 + r.runs.length + j];
        expect(row.slice(0, 6)).toEqual(['no-retrain', nr.method, `label of ${nr.method}`, String(nr.threshold), '', String(nr.baseSeed)]);
        expect(Number(row[6])).toBe(nr.accuracy);
      });
    }
  });

  test('quotes commas and quotes, and defuses text a spreadsheet would run as a formula', () => {
    const r = randomResults(new Gen(6));
    r.runs = [{ ...r.runs[0], kind: 'retrain', method: 'integratedGradients{"steps":16}' }];
    r.noRetrain = [];
    const labels: Record<string, string> = { 'integratedGradients{"steps":16}': '=HYPERLINK("http://evil","x")' };
    const line = resultsCsv(r, (k) => labels[k]).split('\r\n')[1];
    expect(line.startsWith('retrained,"integratedGradients{""steps"":16}","\'=HYPERLINK(""http://evil"",""x"")",')).toBe(true);
    for (const lead of ['+', '-', '@', '\t']) expect(resultsCsv(r, () => `${lead}1`).split('\r\n')[1]).toContain(`,'${lead}1,`);
  });
});
