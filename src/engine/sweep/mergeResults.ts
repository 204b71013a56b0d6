/**
 * Merging the results of a sweep's shards (issue 15): parts that ran the same sweep on the same engine and
 * backend, with the same base models, are united into the results one machine would have produced — every run
 * once, in plan order. Overlaps, strangers and disagreements are refused with a sentence naming the parts; a
 * merge that lacks some runs is allowed and says which shards are missing.
 */
import type { BaseResult, NoRetrainResult, ResultsPart, RunResult, SweepResults } from './results';
import { planRuns, shardOfRuns } from './sweepPlan';
import { withRandomBaseline } from './sweepConfig';

export interface ResultsPartInput {
  name: string;
  results: SweepResults;
}

export interface MergeOutcome {
  results: SweepResults;
  /** Shards (1-based) of the parts' count that no part holds; empty when the parts did not run as shards. */
  missingShards: number[];
  /** Runs of the plan that no part holds. */
  missingRuns: number;
}

/** JSON with sorted keys: two values are the same setting exactly when these agree. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** What a base model and a no-retrain score must agree on when two parts both computed them. */
const baseFacts = (b: BaseResult): string => canonical({ accuracy: b.accuracy, health: b.health });
const noRetrainKey = (r: NoRetrainResult): string => `${r.method}|${r.threshold}|${r.baseSeed}`;
const noRetrainFacts = (r: NoRetrainResult): string => canonical({ accuracy: r.accuracy, precision: r.precision });

/** Why part `b` cannot belong to `a`'s sweep (other settings, engine or backend), or null if it can. */
export function sweepMismatch(a: ResultsPartInput, b: ResultsPartInput): string | null {
  const settings = Object.keys(a.results.config) as (keyof SweepResults['config'])[];
  const differing = settings.filter((k) => canonical(b.results.config[k]) !== canonical(a.results.config[k]));
  if (differing.length) return `${b.name} ran another sweep than ${a.name}: its ${differing.join(', ')} differ.`;
  for (const k of ['engineVersion', 'backend'] as const) {
    if (b.results.provenance[k] !== a.results.provenance[k]) {
      return `${b.name} was computed with ${k === 'backend' ? 'backend' : 'engine'} ${b.results.provenance[k]}, ${a.name} with ${a.results.provenance[k]}: their numbers cannot be one sweep’s.`;
    }
  }
  return null;
}

export function mergeResults(parts: readonly ResultsPartInput[]): MergeOutcome | { error: string } {
  if (parts.length === 0) return { error: 'Give at least one part to merge.' };
  const [first] = parts;
  const config = first.results.config;
  for (const p of parts.slice(1)) {
    const why = sweepMismatch(first, p);
    if (why) return { error: why };
  }
  const shardCounts = new Set(parts.map((p) => p.results.provenance.shard?.count ?? null));
  if (shardCounts.size > 1) return { error: `The parts were split into different numbers of shards (${[...shardCounts].map((c) => c ?? 'none').join(', ')}).` };
  const plan = planRuns(withRandomBaseline(config));
  const inPlan = new Map(plan.map((r) => [r.key, r]));
  const shardHolder = new Map<number, string>();
  const runs = new Map<string, { run: RunResult; part: string }>();
  const bases = new Map<number, { base: BaseResult; part: string }>();
  const noRetrain = new Map<string, { result: NoRetrainResult; part: string }>();
  for (const p of parts) {
    const shard = p.results.provenance.shard;
    if (shard) {
      const other = shardHolder.get(shard.index);
      if (other) return { error: `${p.name} and ${other} are both shard ${shard.index}/${shard.count}.` };
      shardHolder.set(shard.index, p.name);
    }
    const own = shard ? new Set(shardOfRuns(plan, shard.index, shard.count).map((r) => r.key)) : null;
    for (const run of p.results.runs) {
      if (!inPlan.has(run.key)) return { error: `${p.name} holds run ${run.key}, which this sweep does not plan.` };
      if (own && !own.has(run.key)) return { error: `${p.name} holds run ${run.key}, which is not in its shard ${shard!.index}/${shard!.count}.` };
      const seen = runs.get(run.key);
      if (seen) return { error: `${p.name} and ${seen.part} both hold run ${run.key}: the parts overlap.` };
      runs.set(run.key, { run, part: p.name });
    }
    for (const base of p.results.bases) {
      const seen = bases.get(base.seed);
      if (seen && baseFacts(seen.base) !== baseFacts(base)) {
        return { error: `${p.name} and ${seen.part} trained different base models ${base.seed} (${(base.accuracy * 100).toFixed(2)} % against ${(seen.base.accuracy * 100).toFixed(2)} %): their runs do not belong to one sweep.` };
      }
      if (!seen) bases.set(base.seed, { base, part: p.name });
    }
    for (const r of p.results.noRetrain) {
      const seen = noRetrain.get(noRetrainKey(r));
      if (seen && noRetrainFacts(seen.result) !== noRetrainFacts(r)) return { error: `${p.name} and ${seen.part} disagree on the no-retrain score of ${noRetrainKey(r)}.` };
      if (!seen) noRetrain.set(noRetrainKey(r), { result: r, part: p.name });
    }
  }
  const count = [...shardCounts][0];
  const missingShards = count === null ? [] : Array.from({ length: count }, (_, i) => i + 1).filter((i) => !shardHolder.has(i));
  const ordered = [...parts].sort((a, b) => (a.results.provenance.shard?.index ?? 0) - (b.results.provenance.shard?.index ?? 0));
  const partsRecord: ResultsPart[] = ordered.map((p) => ({
    name: p.name,
    shard: p.results.provenance.shard ?? null,
    startedAt: p.results.provenance.startedAt,
    finishedAt: p.results.provenance.finishedAt,
    device: p.results.provenance.device,
    backendDetails: p.results.provenance.backendDetails,
  }));
  const starts = parts.map((p) => p.results.provenance.startedAt).sort();
  const ends = parts.map((p) => p.results.provenance.finishedAt);
  const complete = runs.size === plan.length && ends.every((e) => e !== null);
  const { shard: _shard, parts: _parts, ...provenance } = first.results.provenance;
  return {
    results: {
      config,
      runs: plan.filter((r) => runs.has(r.key)).map((r) => runs.get(r.key)!.run),
      noRetrain: [...noRetrain.values()].map((x) => x.result).sort((a, b) => (a.baseSeed - b.baseSeed) || a.method.localeCompare(b.method) || a.threshold - b.threshold),
      bases: [...bases.values()].map((x) => x.base).sort((a, b) => a.seed - b.seed),
      provenance: { ...provenance, startedAt: starts[0], finishedAt: complete ? (ends as string[]).sort().at(-1)! : null, parts: partsRecord },
    },
    missingShards,
    missingRuns: plan.length - runs.size,
  };
}
