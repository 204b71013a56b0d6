/** Commands run as child processes for the CLI's tests: the exit code and everything written, through pipes as in a shell. */
import { spawn } from 'node:child_process';

export interface ProcessOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runProcess(cmd: string, args: readonly string[], env: Record<string, string> = {}): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** `roar …` as `npm run roar` runs it (tsx). */
export const roar = (args: readonly string[], env?: Record<string, string>): Promise<ProcessOutcome> =>
  runProcess(process.execPath, ['--import', 'tsx', 'src/cli/roar.ts', ...args], env);
