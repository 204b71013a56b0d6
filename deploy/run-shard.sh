#!/usr/bin/env bash
# One shard of a ROAR Lab sweep, its number taken from whichever scheduler started it:
#   Kubernetes Indexed Job  JOB_COMPLETION_INDEX (0 … n−1)
#   Slurm job array         SLURM_ARRAY_TASK_ID (run the array as --array=1-n)
#   by hand / GNU parallel  the first argument (1 … n)
# SHARDS is n; SWEEP_FLAGS the sweep's flags (the same for every shard, e.g. "--preset paper"); OUT_DIR where the
# shard's bundle goes (results/ by default). `roar merge OUT_DIR/*.json --out all.json` unites them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SHARDS:?set SHARDS to the number of shards}"
if [ -n "${JOB_COMPLETION_INDEX:-}" ]; then
  i=$((JOB_COMPLETION_INDEX + 1))
elif [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
  i=$SLURM_ARRAY_TASK_ID
else
  i=${1:?give the shard number, 1 to $SHARDS}
fi
out="${OUT_DIR:-results}/shard-$i-of-$SHARDS.json"
mkdir -p "$(dirname "$out")"
# SWEEP_FLAGS is split into words on purpose: it holds several flags.
# shellcheck disable=SC2086
exec npx tsx src/cli/roar.ts sweep ${SWEEP_FLAGS:-} --shard "$i/$SHARDS" --out "$out"
