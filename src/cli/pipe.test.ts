/**
 * The CLI's output through a pipe (issue 11): Node writes to a pipe asynchronously, and a process that exits
 * at once loses what is still queued — `roar attribute … --json | jq` used to get the first 64 KiB only.
 */
import { describe, expect, it } from 'vitest';
import { roar } from '../testing/runCli';


describe('the CLI through a pipe', () => {
  it('delivers every byte of a large JSON answer before it exits', async () => {
    const images = Array.from({ length: 120 }, (_, i) => i).join(',');
    const { code, stdout } = await roar(['attribute', '--method', 'sobel', '--images', images, '--train-size', '640', '--json']);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(4 * 65_536);
    const answer = JSON.parse(stdout) as { images: { map: number[] }[] };
    expect(answer.images).toHaveLength(120);
    expect(answer.images.every((i) => i.map.length === 784)).toBe(true);
  });
});
