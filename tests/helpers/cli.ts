// `ledger-report` run in process, the way every CLI test drives it: argv in, exit code and the text
// written to stdout and stderr out. (tests/corpus/run-cli.ts runs the built binary in a child process.)
import { main } from "../../src/cli/main";

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

/** `ledger-report <argv…>`; `now` fixes the clock the CLI reads (generation dates, the default year). */
export async function runCli(argv: string[], now?: Date): Promise<CliOutcome> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), now: now ? () => now : undefined });
  return { code, out, err };
}

/** `ledger-report <argv…>` on today's clock. */
export function cli(...argv: string[]): Promise<CliOutcome> {
  return runCli(argv);
}
