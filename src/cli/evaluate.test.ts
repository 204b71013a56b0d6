/** `roar evaluate`: the no-retrain metrics through the CLI, as the JSON the issue names, and its refusals. */
import { describe, expect, it } from 'vitest';
import { roar } from '../testing/runCli';

const run = (args: string[]) => roar(['evaluate', ...args]);

describe('roar evaluate', () => {
  it('prints one { method, metric, auc, curve } entry per method and metric, random added', async () => {
    const { code, stdout } = await run(['--methods', 'gradient', '--metric', 'deletion,road', '--images', '30', '--fractions', '0,50,100', '--train-size', '4000', '--lr', '0.05', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { metrics: { method: string; metric: string; auc: number; curve: { fraction: number; value: number }[] }[]; baseAccuracy: number; baseHealth: { flags: string[] } };
    expect(r.metrics.map((m) => `${m.method}:${m.metric}`)).toEqual(['gradient:deletion', 'gradient:roadMorf', 'gradient:roadLerf', 'random:deletion', 'random:roadMorf', 'random:roadLerf']);
    for (const m of r.metrics) {
      expect(m.curve.map((p) => p.fraction)).toEqual([0, 0.5, 1]);
      // Even steps: the auc is the trapezoid mean of the three points.
      expect(m.auc).toBeCloseTo((m.curve[0].value / 2 + m.curve[1].value + m.curve[2].value / 2) / 2, 10);
    }
    expect(r.baseAccuracy).toBeGreaterThan(0.5);
    expect(r.baseHealth.flags).not.toContain('chance');
    expect(r.baseHealth.flags).not.toContain('collapsed');
  }, 120_000);

  it('warns that the metrics say nothing when the base model learnt nothing', async () => {
    const { code, stdout } = await run(['--methods', 'gradient', '--metric', 'deletion', '--images', '30', '--fractions', '0,100', '--train-size', '200', '--lr', '0.0001']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Warning: the base model did not learn \((collapsed|chance)/);
  }, 120_000);

  it('runs seed 004’s setting on its binary task: loss gradients, signed ranking, 782 of 784 pixels, a base model that learnt', async () => {
    const { code, stdout } = await run(['--preset', 'seed004', '--classes', '0,1', '--images', '80', '--train-size', '3000', '--lr', '0.05', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { classes: number[]; request: { methods: { id: string }[]; fractions: number[]; mask: { rankTransform: string } }; baseHealth: { flags: string[] }; baseAccuracy: number };
    expect(r.classes).toEqual([0, 1]);
    expect(r.request.methods.map((m) => m.id)).toEqual(['lossGradientAbs', 'lossGradient', 'lossGradientXInput', 'random']);
    expect(r.request.fractions).toEqual([0, 0.1, 0.3, 0.5, 0.7, 0.9, 782 / 784, 1]);
    expect(r.request.mask.rankTransform).toBe('signed');
    // Two classes: a model right on nearly every 0 and 1 is neither collapsed nor at chance.
    expect(r.baseAccuracy).toBeGreaterThan(0.95);
    expect(r.baseHealth.flags).not.toContain('collapsed');
    expect(r.baseHealth.flags).not.toContain('chance');
    const bad = await run(['--preset', 'seed004', '--classes', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--classes "1": two or more different classes from 0 to 9');
  }, 120_000);

  it('names the flag and what it allows when a value is wrong', async () => {
    const bad = await run(['--methods', 'gradient', '--metric', 'deletion,wobble']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Metrics: one or more of perturbation, deletion, insertion, road, comma-separated, each once; “⁨wobble⁩” is not one of them.');
    const cut = await run(['--methods', 'gradient', '--fractions', '0,50']);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('the first must be 0 and the last 100');
  }, 60_000);
});
