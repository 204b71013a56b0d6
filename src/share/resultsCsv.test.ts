/** The CSV export: long format, RFC 4180 quoting, and no formulas smuggled into a spreadsheet. */
import { describe, expect, test } from 'vitest';
import { Gen, randomResults } from '../testing/arbitrary';
import { CSV_HEADER, resultsCsv } from './resultsCsv';
import { methodKey, methodWords } from '../engine/attribution/methodSpec';

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
      const rows = parseCsv(resultsCsv(r));
      expect(rows[0]).toEqual([...CSV_HEADER]);
      expect(rows).toHaveLength(1 + r.runs.length + r.noRetrain.length);
      const specs = new Map(r.config.methods.map((m) => [methodKey(m), m]));
      // The method as a machine reads it (id and parameters) and as a person does (its name in words).
      const method = (key: string) => {
        const spec = specs.get(key);
        return spec ? [spec.id, JSON.stringify(spec.params), methodWords(spec)] : ['unmasked', '{}', 'no pixels removed'];
      };
      const numbers = (cells: string[]) => cells.map((v) => (v === '' ? null : Number(v)));
      r.runs.forEach((run, j) => {
        const row = rows[1 + j];
        expect(row.slice(0, 4)).toEqual([run.kind === 'maskOnly' ? 'mask-only' : 'retrained', ...method(run.method)]);
        expect(JSON.parse(row[2])).toEqual(specs.get(run.method)?.params ?? {});
        expect(numbers(row.slice(4, 10))).toEqual([run.threshold, run.seed, run.baseSeed, run.accuracy, run.epochs, run.health?.finalLoss ?? null]);
        expect(row[10]).toBe(run.health ? run.health.flags.join(' ') || 'ok' : '');
        expect(numbers(row.slice(11))).toEqual(run.precision);
      });
      r.noRetrain.forEach((nr, j) => {
        const row = rows[1 + r.runs.length + j];
        expect(row.slice(0, 7)).toEqual(['no-retrain', ...method(nr.method), String(nr.threshold), '', String(nr.baseSeed)]);
        expect(Number(row[7])).toBe(nr.accuracy);
      });
    }
  });

  test('quotes commas and quotes, and defuses text a spreadsheet would run as a formula', () => {
    const r = randomResults(new Gen(6));
    r.config = { ...r.config, methods: [{ id: 'integratedGradients', params: { steps: 16 } }] };
    r.runs = [{ ...r.runs[0], kind: 'retrain', method: 'integratedGradients{"steps":16}' }];
    r.noRetrain = [];
    const line = resultsCsv(r).split('\r\n')[1];
    expect(line.startsWith('retrained,integratedGradients,"{""steps"":16}","Integrated Gradients, 16 steps",')).toBe(true);
    // A key that names no method of the sweep (someone else's file) is written as found, defused.
    r.runs = [{ ...r.runs[0], method: '=HYPERLINK("http://evil","x")' }];
    expect(resultsCsv(r).split('\r\n')[1]).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",`);
    for (const lead of ['+', '-', '@', '\t']) {
      r.runs = [{ ...r.runs[0], method: `${lead}1` }];
      expect(resultsCsv(r).split('\r\n')[1]).toContain(`,'${lead}1,`);
    }
  });
});
