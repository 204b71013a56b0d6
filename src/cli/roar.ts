/**
 * The headless lab: `npm run roar -- <command> [flags]`. Runs the same engine as the page, in Node on WASM.
 */
import { UsageError } from './args';
import { attributeCommand, attributeUsage } from './commands/attribute';
import { evaluateCommand, evaluateUsage } from './commands/evaluate';
import { mergeCommand, mergeUsage } from './commands/merge';
import { sanityCommand, sanityUsage } from './commands/sanity';
import { sweepCommand, sweepUsage } from './commands/sweep';
import { trainCommand, trainUsage } from './commands/train';

const COMMANDS: Record<string, { run: (argv: readonly string[]) => Promise<number>; usage: string }> = {
  train: { run: trainCommand, usage: trainUsage },
  attribute: { run: attributeCommand, usage: attributeUsage },
  sweep: { run: sweepCommand, usage: sweepUsage },
  evaluate: { run: evaluateCommand, usage: evaluateUsage },
  merge: { run: mergeCommand, usage: mergeUsage },
  sanity: { run: sanityCommand, usage: sanityUsage },
};

function usage(): string {
  return `usage:\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`roar: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`roar ${name}: ${e.message}\nusage: ${cmd.usage}\n`);
      return 2;
    }
    process.stderr.write(`roar ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/**
 * Waits until everything written to a stream has been handed to the OS. Writes to a pipe are asynchronous in
 * Node, and process.exit does not wait for them: `roar … --json | jq` used to get the first 64 KiB only.
 * Writes are flushed in order, so the callback of an empty write comes after all earlier ones.
 */
const drained = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));

main(process.argv.slice(2)).then(async (code) => {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
});
