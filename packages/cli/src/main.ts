/**
 * The `linkscale` command. Exit codes: 0 success; 1 the data failed a check (rejected rows);
 * 2 bad input or usage. Results go to stdout, progress and errors to stderr.
 */
import { Command, CommanderError } from "commander";
import { analyzeCommand } from "./commands/analyze.ts";
import { checkCommand } from "./commands/check.ts";
import { convertCommand } from "./commands/convert.ts";
import { validateCommand } from "./commands/validate.ts";
import { viewCommand } from "./commands/view.ts";
import { InputError } from "./input.ts";
import packageJson from "../package.json" with { type: "json" };

export function createProgram(): Command {
  const program = new Command("linkscale")
    .description("network analysis of R&D alliances and of the links between innovation clusters")
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
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
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof InputError) {
      process.stderr.write(`linkscale: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
