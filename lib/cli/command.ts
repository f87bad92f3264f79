/** A `npm run shoplens -- <name>` command. Each lives in ./commands/<name>.ts and is listed in ./main.ts. */
export interface CliCommand {
  name: string;
  /** One line for --help. */
  summary: string;
  usage: string;
  /** Returns the process exit code. Writes results to `io.out`, messages to `io.err`. */
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Thrown for bad input: main prints the message (no stack trace) and exits with `code`. */
export class CliError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
  }
}
