/**
 * `roar merge a.json b.json … --out all.json`: the bundles of a sweep's shards (roar sweep --shard i/n, or
 * students' tabs) united into the bundle one machine would have written (engine/sweep/mergeResults.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { makeBundle } from '../../engine/sweep/bundle';
import { formatSummary } from '../../engine/sweep/formatSummary';
import { mergeResults } from '../../engine/sweep/mergeResults';
import { summariseSweep } from '../../engine/sweep/summary';
import { parseBundleJson } from '../../share/bundleJson';
import { UsageError } from '../args';

export const mergeUsage = `roar merge part.json part.json … [--out all.json] [--title text] [--json]
  Unites the bundles of one sweep's shards: they must share the sweep's settings, engine, backend and base models, and no run may be in two of them. A merge that lacks some shards is written too, and says which.`;

export async function mergeCommand(argv: readonly string[]): Promise<number> {
  const files: string[] = [];
  let out: string | undefined;
  let title: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '--title') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
      if (a === '--out') out = value;
      else title = value;
    } else if (a === '--json') json = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown flag ${a}; known flags: --out, --title, --json`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError('give the bundles to merge');
  const parts = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`${file}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
    }
    const read = parseBundleJson(text, file);
    if ('error' in read) throw new UsageError(read.error);
    return { name: basename(file), results: read.bundle.results, title: read.bundle.title };
  });
  const merged = mergeResults(parts);
  if ('error' in merged) throw new UsageError(merged.error);
  const { results, missingShards, missingRuns } = merged;
  const count = parts[0].results.provenance.shard?.count;
  const bundle = makeBundle(title ?? parts[0].title.replace(/^Shard \d+\/\d+ of the /, ''), results, summariseSweep(results));
  const text = `${JSON.stringify(bundle)}\n`;
  if (out) {
    writeFileSync(out, text);
    process.stderr.write(`wrote ${out}\n`);
  }
  process.stderr.write(
    `merged ${parts.length} part(s): ${results.runs.length} runs` +
      (missingRuns ? `; ${missingRuns} runs missing${missingShards.length ? ` (shard${missingShards.length > 1 ? 's' : ''} ${missingShards.join(', ')} of ${count})` : ''}` : '; complete') +
      '\n',
  );
  process.stdout.write(json ? text : `${formatSummary(summariseSweep(results), results.config.thresholds, results.bases)}\n`);
  return 0;
}
