/**
 * The `linkscale` command. Exit codes: 0 success; 1 the data failed a check (rejected rows, or
 * drift for `check`); 2 bad input or usage, an output that cannot be written included; 70
 * (sysexits' EX_SOFTWARE) an internal error, a bug in linkscale. Results go to stdout, progress
 * and errors to stderr: every error message is written by `reportError`, in one line per problem,
 * with control characters escaped; the stack only under --debug.
 */
import { Command, CommanderError } from "commander";
import { analyzeCommand } from "./commands/analyze.ts";
import { checkCommand } from "./commands/check.ts";
import { convertCommand } from "./commands/convert.ts";
import { validateCommand } from "./commands/validate.ts";
import { viewCommand } from "./commands/view.ts";
import { describePathError, InputError, isPathError, printable, RejectedRowsError } from "./input.ts";
import packageJson from "../package.json" with { type: "json" };

export const EXIT = { ok: 0, rejected: 1, usage: 2, software: 70 } as const;

export function createProgram(): Command {
  const program = new Command("linkscale")
    .description("network analysis of R&D alliances and of the links between innovation clusters")
    .version(packageJson.version)
    .option("--debug", "on an error, also print its stack trace")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(printable(text)) });
  validateCommand(program);
  analyzeCommand(program);
  checkCommand(program);
  convertCommand(program);
  viewCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    return reportError(error, wantsDebug(argv));
  }
}

/**
 * --debug, read from the arguments themselves (before any `--`): an error may come before or
 * during commander's parsing, and the bin needs it for errors thrown after `main` returned.
 */
export function wantsDebug(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--debug");
}

/** Writes what went wrong on stderr and returns the exit code it calls for. */
export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander has printed it
  const [message, code] = classify(error);
  const stack = debug && error instanceof Error && error.stack !== undefined ? `\n${error.stack}` : "";
  process.stderr.write(`${printable(message + stack)}\n`);
  return code;
}

function classify(error: unknown): [string, number] {
  if (error instanceof RejectedRowsError) return [error.message, EXIT.rejected];
  if (error instanceof InputError) return [`linkscale: ${error.message}`, EXIT.usage];
  if (isPathError(error)) return [`linkscale: ${describePathError(error)}`, EXIT.usage];
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return [`linkscale: internal error (a bug in linkscale; --debug prints the stack): ${text.split("\n", 1)[0] ?? ""}`, EXIT.software];
}
