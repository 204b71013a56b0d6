#!/usr/bin/env bash
# The whole WebGPU measurement of issue 13 on a machine with a GPU, in under 5 minutes: the fused kernels against
# tfjs-backend-webgpu for K = 1, 4, 16, 64, 256 models at once (one epoch over 6,400 images per model), then one
# `roar train` per engine on the reference setting's first epoch. Writes JSON into $OUT (default: the current
# folder) and prints a summary. Needs node_modules (with the `webgpu` dev dependency) and a Vulkan driver.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-.}"
[ -d node_modules/webgpu ] || npm install --no-audit --no-fund
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader > "$out/gpu.txt" 2>/dev/null || echo "no nvidia-smi" > "$out/gpu.txt"
timeout 200 npx tsx bench/webgpuNode.ts 1,4,16,64,256 > "$out/webgpu.json" 2> "$out/webgpu.log"
echo "webgpuNode rc=$?"
for engine in fused tfjs; do
  timeout 40 npx tsx src/cli/roar.ts train --backend webgpu --engine "$engine" --epochs 1 --json > "$out/train-$engine.json" 2> "$out/train-$engine.log"
  echo "train $engine rc=$?"
done
timeout 40 npx tsx src/cli/roar.ts train --backend webgpu --engine fused --models 64 --epochs 1 --train-size 12000 --json > "$out/train-fused-64.json" 2> "$out/train-fused-64.log"
echo "train fused ×64 rc=$?"
cat "$out/gpu.txt" "$out/webgpu.log"
for f in "$out"/train-*.json; do node -e "const r=JSON.parse(require('fs').readFileSync('$f','utf8'));console.log('$f', r.engine, r.models, Math.round(r.samplesPerSec), 'samples/s', (r.testAccuracy*100).toFixed(2), '%')" 2>/dev/null; done
