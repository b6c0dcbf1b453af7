/** The options every command that reads a network shares. */
import { InvalidArgumentError, Option, type Command } from "commander";
import { ARC_MERGES, type ArcMerge } from "@linkscale/io";
import { ENGINES, type Engine, type EngineOptions } from "../engine/choose-engine.ts";
import { sizeInBytes } from "../engine/memory-limit.ts";
import type { InputOptions } from "../input.ts";

export interface InputFlags {
  nodes?: string[];
  links?: string[];
  participations?: string[];
  delimiter?: string;
  map?: Record<string, string>;
  counting?: "full" | "fractional";
  arcs?: ArcMerge;
  engine?: Engine;
  memoryLimit?: string;
  graphForm?: GraphForm;
}

const GRAPH_FORMS = ["compact", "graphology"] as const;
type GraphForm = (typeof GRAPH_FORMS)[number];

/** For commands that only read the network: which graph holds it. */
export function addGraphFormOption(command: Command): Command {
  return command.addOption(
    new Option("--graph-form <form>", "compact: the core's typed-array graph (about a tenth of the memory); graphology: graphology's objects, as before (same results)")
      .choices([...GRAPH_FORMS])
      .default("compact"),
  );
}

export function addInputOptions(command: Command): Command {
  return command
    .option("--nodes <file>", "an organisation table (repeatable)", collect)
    .option("--links <file>", "a link table (repeatable)", collect)
    .option("--participations <file>", "a participation table (repeatable)", collect)
    .option("--delimiter <char>", "CSV delimiter (default: sniffed from the header)", parseDelimiter)
    .option("--map <field=column...>", "read a model field from a column of your own, e.g. --map id=PIC type=\"Org type\"", parseMapping)
    .addOption(new Option("--counting <how>", "projection of participations: full or fractional (Newman 2001)").choices(["full", "fractional"]).default("full"))
    .addOption(
      new Option("--arcs <how>", "a directed graph file's two arcs between a pair as one link: their weights summed, or the larger kept (default: the second rejected)").choices([...ARC_MERGES]),
    )
    .addOption(
      new Option("--engine <engine>", "memory, or duckdb: participation tables (CSV, gzip, Parquet) read and projected out of core; auto: duckdb past 1 GB of tables or for Parquet")
        .choices([...ENGINES])
        .default("auto"),
    )
    .option("--memory-limit <size>", "with DuckDB: the memory it may use before it spills to disk, e.g. 1GB (default: 80% of RAM)", parseMemoryLimit);
}

export function inputOptions(flags: InputFlags): InputOptions & EngineOptions {
  const options: InputOptions & EngineOptions = {};
  if (flags.nodes) options.nodes = flags.nodes;
  if (flags.links) options.links = flags.links;
  if (flags.participations) options.participations = flags.participations;
  if (flags.delimiter !== undefined) options.delimiter = flags.delimiter;
  if (flags.map) options.mapping = flags.map;
  if (flags.counting) options.counting = flags.counting;
  if (flags.arcs) options.arcs = flags.arcs;
  if (flags.engine) options.engine = flags.engine;
  if (flags.memoryLimit !== undefined) options.memoryLimit = flags.memoryLimit;
  if (flags.graphForm === "compact") options.compact = true;
  return options;
}

/**
 * The `linkscale validate` command that reads the same input as this run (the mapping and
 * delimiter a config gave included), for notes that tell a user how to list its rejected rows. Arguments are quoted for a POSIX shell where they need it.
 */
export function validateCommandLine(inputs: readonly string[], options: InputOptions): string {
  const args = [
    ...inputs,
    ...(options.nodes ?? []).flatMap((file) => ["--nodes", file]),
    ...(options.links ?? []).flatMap((file) => ["--links", file]),
    ...(options.participations ?? []).flatMap((file) => ["--participations", file]),
    ...(options.delimiter === undefined ? [] : ["--delimiter", options.delimiter === "\t" ? "tab" : options.delimiter]),
    ...(options.mapping === undefined ? [] : ["--map", ...Object.entries(options.mapping).map(([field, column]) => `${field}=${column}`)]),
    ...(options.arcs === undefined ? [] : ["--arcs", options.arcs]),
  ];
  return ["linkscale", "validate", ...args.map(shellQuoted)].join(" ");
}

function shellQuoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseDelimiter(value: string): string {
  const delimiter = value === "\\t" || value === "tab" ? "\t" : value;
  if (delimiter.length !== 1) throw new InvalidArgumentError("a delimiter is one character (or \"tab\")");
  return delimiter;
}

/** A size as DuckDB's memory_limit takes it: a number and a unit, e.g. 1GB, 512MB, 1.5GiB. */
function parseMemoryLimit(value: string): string {
  if (sizeInBytes(value) === undefined) throw new InvalidArgumentError(`expected a size such as 512MB or 2GB, got "${value}"`);
  return value.trim();
}

function parseMapping(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf("=");
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError(`expected field=column, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
