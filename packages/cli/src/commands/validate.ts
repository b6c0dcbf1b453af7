import type { Command } from "commander";
import { loadNetwork } from "../engine/choose-engine.ts";
import { printable } from "../input.ts";
import { createProgress } from "../progress.ts";
import { formatSummary, summarise } from "../summary.ts";
import { addGraphFormOption, addInputOptions, inputOptions, type InputFlags } from "./input-options.ts";

interface ValidateFlags extends InputFlags {
  allowRejects?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function validateCommand(program: Command): void {
  addGraphFormOption(addInputOptions(
    program
      .command("validate")
      .description("read a network, check every row and print a summary; exit 1 on any rejected row")
      .argument("[input...]", "files or directories (CSV tables, a CORDIS export, GEXF, GraphML, GML, Pajek, edge lists, graphology or node-link JSON, VOSviewer files; .gz too)"),
  ))
    .option("--allow-rejects", "exit 0 even when rows were rejected")
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "no progress on stderr")
    .action(async (inputs: string[], flags: ValidateFlags) => {
      const { loaded: input, engineRule } = await loadNetwork(inputs, inputOptions(flags), createProgress(flags.quiet ?? false));
      const summary = summarise(input, engineRule);
      // Text from data files reaches a terminal: control characters escaped (JSON escapes its own).
      process.stdout.write(flags.json ? JSON.stringify(summary, null, 2) + "\n" : printable(formatSummary(summary)));
      if (summary.rejectedRows.length > 0 && !flags.allowRejects) process.exitCode = 1;
    });
}
