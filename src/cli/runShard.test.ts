/**
 * deploy/run-shard.sh, the one script the Kubernetes and Slurm recipes start: it turns each scheduler's own
 * index into --shard i/n (JOB_COMPLETION_INDEX counts from 0, SLURM_ARRAY_TASK_ID from 1 here), and the two
 * shards it writes merge into a complete sweep.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../testing/runCli';


const FLAGS = '--preset lecture --methods gradient --thresholds 0,50 --seeds 1 --base-train-size 1200 --base-epochs 1 --retrain-train-size 600 --retrain-test-size 200 --retrain-epochs 1 --workers 1';

describe('deploy/run-shard.sh', () => {
  it('runs the shard a Kubernetes index or a Slurm task id names, and the shards merge', async () => {
    const out = mkdtempSync(join(tmpdir(), 'roar-deploy-'));
    const common = { SHARDS: '2', SWEEP_FLAGS: FLAGS, OUT_DIR: out };
    const [k8s, slurm] = await Promise.all([
      runProcess('bash', ['deploy/run-shard.sh'], { ...common, JOB_COMPLETION_INDEX: '0', SLURM_ARRAY_TASK_ID: '' }),
      runProcess('bash', ['deploy/run-shard.sh'], { ...common, JOB_COMPLETION_INDEX: '', SLURM_ARRAY_TASK_ID: '2' }),
    ]);
    expect([k8s.code, slurm.code]).toEqual([0, 0]);
    expect(k8s.stderr).toContain('(shard 1/2 of 3)');
    expect(slurm.stderr).toContain('(shard 2/2 of 3)');
    expect(readdirSync(out).sort()).toEqual(['shard-1-of-2.json', 'shard-2-of-2.json']);
    const merged = await runProcess(process.execPath, ['--import', 'tsx', 'src/cli/roar.ts', 'merge', join(out, 'shard-1-of-2.json'), join(out, 'shard-2-of-2.json')], {});
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('merged 2 part(s): 3 runs; complete');
    const none = await runProcess('bash', ['deploy/run-shard.sh'], { SWEEP_FLAGS: FLAGS, SHARDS: '', JOB_COMPLETION_INDEX: '', SLURM_ARRAY_TASK_ID: '' });
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('set SHARDS to the number of shards');
  }, 180_000);
});
