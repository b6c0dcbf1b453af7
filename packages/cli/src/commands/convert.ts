import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { AnyGraph } from "@linkscale/core";
import { formatRejectedRow, writeGexf, writeGraphml, writeGraphologyJson, writeLinksCsv, writeOrganisationsCsv, writePajek } from "@linkscale/io";
import { Option, type Command } from "commander";
import { InputError, loadInput } from "../input.ts";
import { assignAdmin1 } from "../places/admin1.ts";
import { createProgress } from "../progress.ts";
import { summarise } from "../summary.ts";
import { addInputOptions, inputOptions, type InputFlags } from "./input-options.ts";

const FORMATS = ["csv", "gexf", "graphml", "pajek", "json"] as const;
type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  ".gexf": "gexf",
  ".graphml": "graphml",
  ".net": "pajek",
  ".json": "json",
  "": "csv",
};

/** Each format as the files it writes (CSV is a folder of two tables). */
const WRITERS: Readonly<Record<Format, (graph: AnyGraph, output: string) => Array<[string, string]>>> = {
  csv: (graph, output) => [
    [join(output, "organisations.csv"), writeOrganisationsCsv(graph)],
    [join(output, "links.csv"), writeLinksCsv(graph)],
  ],
  gexf: (graph, output) => [[output, writeGexf(graph)]],
  graphml: (graph, output) => [[output, writeGraphml(graph)]],
  pajek: (graph, output) => [[output, writePajek(graph)]],
  json: (graph, output) => [[output, writeGraphologyJson(graph)]],
};

interface ConvertFlags extends InputFlags {
  to?: Format;
  force?: boolean;
  allowRejects?: boolean;
  admin1?: boolean;
  quiet?: boolean;
}

export function convertCommand(program: Command): void {
  addInputOptions(
    program
      .command("convert")
      .description(
        "convert a network between formats; participations are written as the projected organisation network. " +
          "CSV output is a folder holding organisations.csv and links.csv",
      )
      .argument("<paths...>", "the input file(s) or directory, then the output (.gexf, .graphml, .net, .json, or a folder for CSV)"),
  )
    .addOption(new Option("--to <format>", "output format (default: from the output's extension)").choices(FORMATS))
    .option("--force", "overwrite output files that exist")
    .option("--allow-rejects", "write the output even when rows were rejected")
    .option("--admin1", "write each organisation's first-level administrative region, derived from its coordinates, as its admin1 attribute (for the viewer's same-region rule)")
    .option("-q, --quiet", "no progress on stderr")
    .action((paths: string[], flags: ConvertFlags) => {
      const output = paths.at(-1);
      const inputs = paths.slice(0, -1);
      if (output === undefined || (inputs.length === 0 && !flags.nodes && !flags.links && !flags.participations)) {
        throw new InputError("give the input and then the output");
      }
      const format = flags.to ?? BY_EXTENSION[extname(output)];
      if (format === undefined) {
        throw new InputError(`${output}: cannot tell the output format from "${extname(output)}"; give --to ${FORMATS.join("|")}`);
      }
      const progress = createProgress(flags.quiet ?? false);
      const input = loadInput(inputs, inputOptions(flags), progress);
      const summary = summarise(input);
      if (summary.rejectedRows.length > 0 && !flags.allowRejects) {
        const lines = summary.rejectedRows.flatMap(formatRejectedRow);
        process.stderr.write(`${lines.join("\n")}\n${summary.rejectedRows.length} rows rejected: nothing written (--allow-rejects writes the rest)\n`);
        process.exitCode = 1;
        return;
      }
      const graph = input.form === "graph" ? input.load.graph : input.dataset.graph;
      if (flags.admin1) {
        const { derived, regions } = assignAdmin1(graph);
        progress.step(`admin1: ${derived} of ${graph.order} organisations placed in ${regions} regions (the rest left without; analyze --admin1 says why)`);
      }
      const files = WRITERS[format](graph, output);
      const existing = files.map(([path]) => path).filter((path) => existsSync(path));
      if (existing.length > 0 && !flags.force) {
        throw new InputError(`${existing.join(", ")} already exists: nothing written (--force overwrites)`);
      }
      if (format === "csv") mkdirSync(output, { recursive: true });
      for (const [path, text] of files) {
        writeFileSync(path, text);
        progress.step(`wrote ${path}`);
      }
    });
}
