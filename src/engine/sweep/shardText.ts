/** A shard as text, "2/8" — the second of eight — as links (`shard=2/8`) and the CLI (`--shard 2/8`) spell it. */
import { MAX_SHARDS } from './resultsSchema';
import type { Shard } from './results';

export const SHARD_ALLOWED = `i/n, the i-th of n shards, with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (such as 2/8)`;

export function parseShardText(text: string): { shard: Shard } | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) return { error: `Shard: ${SHARD_ALLOWED}.` };
  return { shard: { index, count } };
}

export const shardText = (s: Shard): string => `${s.index}/${s.count}`;
