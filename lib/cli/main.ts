/**
 * `npm run shoplens -- <command> …`: the command-line entry.
 * Commands are listed here; each is a module in ./commands.
 */
import type { CliCommand, CliIo } from './command';
import { CliError } from './command';
import { extractCommand } from './commands/extract';
import { auditCommand } from './commands/audit';
import { suggestCommand } from './commands/suggest';
import { diagnoseCommand } from './commands/diagnose';
import { scorecardCommand } from './commands/scorecard';

const COMMANDS: CliCommand[] = [extractCommand, auditCommand, suggestCommand, diagnoseCommand, scorecardCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    'ShopLens 店镜 command line',
    '',
    'Usage: npm run shoplens -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `npm run shoplens -- <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.code;
    }
    io.err(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run when executed directly (tsx lib/cli/main.ts), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  const io: CliIo = {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
