/** A one-line description of the machine a benchmark ran on, for BENCHMARKS.md. */
import { cpus, totalmem } from 'node:os';

export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, no GPU use, Node ${process.version}`;
}
