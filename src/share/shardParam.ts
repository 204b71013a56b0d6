/** Reads `?shard=i/n` — a student's part of a sweep split across the class — from the page URL; a bad one is reported, not obeyed. */
import { quote } from '../engine/config/text';
import type { Shard } from '../engine/sweep/results';
import { parseShardText } from '../engine/sweep/shardText';

export function shardFromUrl(search: string): { shard: Shard | null; notice: string | null } {
  const raw = new URLSearchParams(search).get('shard');
  if (raw === null || raw === '') return { shard: null, notice: null };
  const r = parseShardText(raw);
  if ('error' in r) return { shard: null, notice: `Link setting shard=${quote(raw)}: ${r.error} This tab runs the whole sweep instead.` };
  return { shard: r.shard, notice: null };
}
