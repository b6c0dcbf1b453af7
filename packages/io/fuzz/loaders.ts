/**
 * The loaders the fuzz suite drives (issue 22), each with its seeds, its call and the invariants
 * its documentation promises, and the two passes over one loader that `npm run fuzz` and the
 * short slice in `npm test` share.
 *
 * Invariants, on every input:
 * - no exception escapes, save those a loader documents (loadFiles: `InputError`, which is how
 *   it refuses input); any other is a foreign exception, a bug;
 * - each call returns in under 5 s (a longer one is counted as a hang; one that never returns is
 *   the runner's watchdog's to catch, since a loop cannot be stopped from inside its process);
 * - every row or item read is accounted for: a table's `rowsRead = accepted + rejected`, a
 *   graph's `nodesRead + linksRead = graph.order + graph.size + merged + rejected` (graph-load.ts), none
 *   read when `error` is set, and no row rejected without a problem saying why;
 * - loadFiles: the same of each table of the dataset, after its checks across rows; as many
 *   participations (or, from links, graph edges) as accepted rows; each accepted organisation
 *   in the graph;
 * - the result goes through JSON.stringify (no cycles, no BigInt), as the CLI writes reports.
 *
 * The graph readers run twice: with their default options, and again (`graphOptionsLoader`) with
 * the options users give on the command line, `--arcs sum|max` and `--map field=name`, on the
 * same seeds and mutations, and on the same seeds written as directed files with attributes of a
 * user's own naming (seeds.ts), without which neither option would find anything to work on.
 *
 * Two passes, so a run both counts and explains: the first runs every input and counts each
 * kind of failure, remembering the first input of each; the second replays that input by its
 * fast-check path and shrinks it to a minimal one failing the same way.
 */
import fc from "fast-check";
import {
  ARC_MERGES,
  DELIMITERS,
  InputError,
  loadFiles,
  readCordisOrganisationsCsv,
  readCordisOrganisationsJson,
  readCordisParticipationsCsv,
  readCordisProjectYears,
  readEdgeList,
  readGexf,
  readGml,
  readGraphml,
  readGraphologyJson,
  readJsonGraph,
  readLinksCsv,
  readNodeLinkJson,
  readOrganisationsCsv,
  readPajek,
  readParticipationsCsv,
  type CsvReadOptions,
  type GraphLoad,
  type InputText,
  readUcinetDl,
  type ArcMerge,
  type GraphReadOptions,
  type LoadedFiles,
  type TableLoad,
} from "../src/index.ts";
import { applyMutations, anyMutationArbitrary, describeMutation, mutationsArbitrary, type Mutation, type TextFormat } from "./mutations.ts";
import { OWN_NAMES, seedCorpus, type FilesSeed, type SeedCorpus, type TextSeed } from "./seeds.ts";

/** A call slower than this is a hang, as issue 22 counts them. */
export const HANG_MS = 5_000;

/** What one input did to a loader. */
export interface Outcome {
  /** Duration of the loader's call alone, not of building its input or checking its result. */
  ms: number;
  /** An exception the loader's documentation does not allow. */
  foreign?: unknown;
  violations: string[];
}

/** One loader, its input type erased: what the passes need. */
export interface FuzzLoader {
  name: string;
  seedCount: number;
  arbitrary: fc.Arbitrary<unknown>;
  run(input: unknown): Outcome;
  /** The input as it reaches the loader (seed, mutations, options, text), for a report. */
  show(input: unknown): unknown;
  /** The loader whose reader this one runs again, with options of its own (`graphOptionsLoader`). */
  variantOf?: string;
}

interface LoaderSpec<Input, Prepared, Result> {
  name: string;
  seedCount: number;
  arbitrary: fc.Arbitrary<Input>;
  /** Builds the loader's arguments from an input: outside the timed call. */
  prepare(input: Input): Prepared;
  call(prepared: Prepared): Result;
  check(result: Result): string[];
  show(input: Input, prepared: Prepared): unknown;
  /** Exceptions the loader documents as its way of refusing input. */
  documented?: (error: unknown) => boolean;
  variantOf?: string;
}

export function defineLoader<Input, Prepared, Result>(spec: LoaderSpec<Input, Prepared, Result>): FuzzLoader {
  return {
    name: spec.name,
    seedCount: spec.seedCount,
    arbitrary: spec.arbitrary as fc.Arbitrary<unknown>,
    run: (input) => runInput(spec, input as Input),
    show: (input) => spec.show(input as Input, spec.prepare(input as Input)),
    ...(spec.variantOf === undefined ? {} : { variantOf: spec.variantOf }),
  };
}

function runInput<Input, Prepared, Result>(spec: LoaderSpec<Input, Prepared, Result>, input: Input): Outcome {
  const prepared = spec.prepare(input);
  const start = performance.now();
  let result: Result;
  try {
    result = spec.call(prepared);
  } catch (error) {
    const ms = performance.now() - start;
    return spec.documented?.(error) === true ? { ms, violations: [] } : { ms, foreign: error, violations: [] };
  }
  const ms = performance.now() - start;
  let violations: string[];
  try {
    violations = spec.check(result);
  } catch (error) {
    // A result so malformed that checking it throws is a violation of its documented shape.
    violations = [`checking the result throws ${describeError(error)}`];
  }
  try {
    JSON.stringify(result);
  } catch (error) {
    violations.push(`JSON.stringify of the result throws ${describeError(error)}`);
  }
  return { ms, violations };
}

// ---------------------------------------------------------------------------------------------
// Invariants. Each returns the violations it finds, as sentences; none means the result is sound.

export function checkTableLoad(load: TableLoad<unknown>): string[] {
  const violations: string[] = [];
  const { rowsRead, accepted, rejected, error } = load;
  if (rowsRead !== accepted.length + rejected.length) {
    violations.push(`rowsRead ${rowsRead} ≠ accepted ${accepted.length} + rejected ${rejected.length}`);
  }
  if (error !== undefined && (rowsRead !== 0 || accepted.length + rejected.length !== 0)) {
    violations.push(`error is set ("${abbreviate(String(error))}"), yet ${rowsRead} rows read, ${accepted.length} accepted, ${rejected.length} rejected`);
  }
  const silent = rejected.find((row) => row.problems.length === 0);
  if (silent !== undefined) violations.push(`row ${silent.row} is rejected without a problem`);
  return violations;
}

export function checkGraphLoad(load: GraphLoad): string[] {
  const violations: string[] = [];
  const { graph, nodesRead, linksRead, rejected, error, merged = 0 } = load;
  if (graph.order + graph.size + merged + rejected.length !== nodesRead + linksRead) {
    violations.push(
      `graph.order ${graph.order} + graph.size ${graph.size} + merged ${merged} + rejected ${rejected.length} ≠ nodesRead ${nodesRead} + linksRead ${linksRead}`,
    );
  }
  if (error !== undefined && nodesRead + linksRead + graph.order + graph.size + rejected.length !== 0) {
    violations.push(`error is set ("${abbreviate(String(error))}"), yet ${nodesRead} nodes and ${linksRead} links read`);
  }
  const silent = rejected.find((item) => item.problems.length === 0);
  if (silent !== undefined) violations.push(`item at row ${silent.row} is rejected without a problem`);
  return violations;
}

export function checkProjectYears(result: Map<string, number> | { error: string }): string[] {
  if (result instanceof Map) {
    const wrong = [...result].find(([, year]) => !Number.isInteger(year) || year <= 0);
    return wrong === undefined ? [] : [`project "${abbreviate(wrong[0])}" has year ${wrong[1]}, not a positive whole number`];
  }
  return typeof result?.error === "string" ? [] : ["neither a Map of years nor an error"];
}

export function checkLoadedFiles(loaded: LoadedFiles): string[] {
  if (loaded.form === "graph") {
    const violations = checkGraphLoad(loaded.load);
    // loadFiles refuses an unreadable file with InputError; it does not return it.
    if (loaded.load.error !== undefined) violations.push(`the graph is returned with an error ("${abbreviate(loaded.load.error)}")`);
    return violations;
  }
  const { dataset } = loaded;
  const violations: string[] = [];
  for (const table of dataset.tables) {
    violations.push(...checkTableLoad(table).map((violation) => `${table.file}: ${violation}`));
    if (table.error !== undefined) violations.push(`${table.file}: the table is returned with an error ("${abbreviate(table.error)}")`);
  }
  // A table's kind shows in the model fields its columns resolved: each kind requires its own.
  const kindOf = ({ columns }: TableLoad<unknown>) =>
    Object.hasOwn(columns, "project") ? "participations" : Object.hasOwn(columns, "source") ? "links" : "organisations";
  const acceptedOf = (kind: string) =>
    dataset.tables.filter((table) => kindOf(table) === kind).reduce((sum, table) => sum + table.accepted.length, 0);
  if (dataset.participations !== undefined) {
    if (dataset.participations.length !== acceptedOf("participations")) {
      violations.push(`${dataset.participations.length} participations projected ≠ ${acceptedOf("participations")} participation rows accepted`);
    }
  } else if (dataset.graph.size !== acceptedOf("links")) {
    violations.push(`graph.size ${dataset.graph.size} ≠ ${acceptedOf("links")} link rows accepted`);
  }
  const missing = dataset.tables
    .filter((table) => kindOf(table) === "organisations")
    .flatMap((table) => table.accepted)
    .find(({ record }) => !dataset.graph.hasNode((record as { id: string }).id));
  if (missing !== undefined) violations.push(`accepted organisation at row ${missing.row} is not in the graph`);
  return violations;
}

// ---------------------------------------------------------------------------------------------
// The loaders.

interface TextInput<Options> {
  seed: number;
  mutations: Mutation[];
  options: Options;
}

function textLoader<Options, Result>(spec: {
  name: string;
  format: TextFormat;
  seeds: readonly TextSeed[];
  options: fc.Arbitrary<Options>;
  call(text: string, options: Options): Result;
  check(result: Result): string[];
}): FuzzLoader {
  const { seeds, format } = spec;
  return defineLoader<TextInput<Options>, { text: string; options: Options }, Result>({
    name: spec.name,
    seedCount: seeds.length,
    arbitrary: fc.record({
      seed: fc.nat(Math.max(0, seeds.length - 1)),
      mutations: mutationsArbitrary(format),
      options: spec.options,
    }),
    prepare: ({ seed, mutations, options }) => ({ text: applyMutations((seeds[seed] as TextSeed).text, mutations, format), options }),
    call: ({ text, options }) => spec.call(text, options),
    check: spec.check,
    show: ({ seed, mutations, options }, { text }) => ({
      seed: seeds[seed]?.name,
      options: options instanceof Map ? "projectYears" : options,
      mutations: mutations.map(describeMutation),
      text,
    }),
  });
}

type Mapping = Readonly<Record<string, string>>;

/** The options of one input of a `graphOptionsLoader`, and which of its seeds' forms it reads. */
interface GraphOptions {
  form: "as written" | "directed";
  arcs?: ArcMerge;
  /** Undefined: no `--map`. */
  mapping: Mapping | undefined;
}

/**
 * `--map` as a user gives it, by what the file holds (graph-mapping.ts). Over linkscale's own
 * names: nodes keyed by their name (empty and repeated names then reject a node and its links),
 * the project count read as the weight, and names written in another case, which are matched in
 * any case. Over a user's own names (`OWN_NAMES`, the directed seeds): the id alone, the other
 * fields without it, and all of them.
 */
const ATTRIBUTE_MAPPINGS: { asWritten: readonly Mapping[]; directed: readonly Mapping[] } = {
  asWritten: [{ id: "name" }, { weight: "projectCount" }, { type: "TYPE", country: "Country" }],
  directed: [{ id: OWN_NAMES.id }, { type: OWN_NAMES.type, country: OWN_NAMES.country, weight: OWN_NAMES.weight }, { ...OWN_NAMES }],
};

/**
 * `--map` on a file of node keys and weights alone (Pajek, edge lists, UCINET DL): the weight
 * named in another case; the id taken from an attribute only edges have, which rejects every node
 * and so every link; and an attribute the file lacks, which refuses the file.
 */
const KEY_AND_WEIGHT_MAPPINGS: readonly Mapping[] = [{ weight: "Weight" }, { id: "weight" }, { id: OWN_NAMES.id }];

/**
 * A graph reader run with `--arcs` (a merge rule, never the default) and `--map` (a mapping, or
 * none), named after its default loader: `readGexf+arcs+map`. Its inputs are that loader's, seed
 * and mutations drawn first and alike, so that the same run index damages the same seed the same
 * way; then the options, and whether the seed is read as written or as its directed version
 * (seeds.ts). The readers that take no `arcs` (edge lists) run with `--map` alone: `+map`.
 */
function graphOptionsLoader(spec: {
  reader: string;
  /** The file name the default loader gives the reader, for the same messages. */
  file: string;
  format: TextFormat;
  seeds: readonly TextSeed[];
  /** The seeds as directed files, index for index; none where the seeds are directed already. */
  directed?: readonly TextSeed[];
  arcs: boolean;
  mappings: { asWritten: readonly Mapping[]; directed: readonly Mapping[] };
  read(text: string, options: GraphReadOptions): GraphLoad;
}): FuzzLoader {
  const { seeds, directed = [], format } = spec;
  const optionsOf = (form: GraphOptions["form"], mappings: readonly Mapping[]): fc.Arbitrary<GraphOptions> => {
    const mapping = fc.constantFrom<Mapping | undefined>(undefined, ...mappings);
    return spec.arcs ? fc.record({ form: fc.constant(form), arcs: fc.constantFrom(...ARC_MERGES), mapping }) : fc.record({ form: fc.constant(form), mapping });
  };
  const options = directed.length === 0
    ? optionsOf("as written", spec.mappings.asWritten)
    : fc.oneof(optionsOf("as written", spec.mappings.asWritten), optionsOf("directed", spec.mappings.directed));
  const seedOf = (index: number, form: GraphOptions["form"]) => (form === "directed" ? directed : seeds)[index] as TextSeed;
  const name = `${spec.reader}${spec.arcs ? "+arcs" : ""}+map`;
  return defineLoader<TextInput<GraphOptions>, { text: string; options: GraphReadOptions }, GraphLoad>({
    name,
    variantOf: spec.reader,
    seedCount: seeds.length + directed.length,
    arbitrary: fc.record({ seed: fc.nat(Math.max(0, seeds.length - 1)), mutations: mutationsArbitrary(format), options }),
    prepare: ({ seed, mutations, options: { form, arcs, mapping } }) => ({
      text: applyMutations(seedOf(seed, form).text, mutations, format),
      options: { file: spec.file, arcs, mapping },
    }),
    call: ({ text, options: readOptions }) => spec.read(text, readOptions),
    check: checkGraphLoad,
    show: ({ seed, mutations, options: { form, arcs, mapping } }, { text }) => ({
      seed: seedOf(seed, form).name,
      options: { arcs: arcs ?? "none", mapping: mapping ?? "none" },
      mutations: mutations.map(describeMutation),
      text,
    }),
  });
}

/** CsvReadOptions a user may give: a delimiter (the CLI's --delimiter) and NA read as missing. */
const csvOptions: fc.Arbitrary<Omit<CsvReadOptions, "file">> = fc.record(
  { delimiter: fc.constantFrom(...DELIMITERS), missing: fc.constant(["", "NA"]) },
  { requiredKeys: [] },
);

interface FilesInput {
  seed: number;
  mutations: Array<{ file: number; mutation: Mutation }>;
  counting: "full" | "fractional";
}

function formatOfFile(name: string): TextFormat {
  if (/\.(gexf|graphml)$/.test(name)) return "xml";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".net")) return "pajek";
  if (name.endsWith(".gml")) return "gml";
  if (/\.(edgelist|edges|ncol)$/.test(name)) return "edgelist";
  if (name.endsWith(".dl")) return "pajek";
  return "csv";
}

function loadFilesLoader(seeds: readonly FilesSeed[]): FuzzLoader {
  // Each mutation picks the file it damages (modulo the seed's files), and applies there as that
  // file's format; its tokens may come from any format's list.
  const formats = ["csv", "json", "xml", "pajek", "gml", "edgelist"] as const;
  const mutation = fc.oneof(...formats.map((format) => anyMutationArbitrary(format)));
  return defineLoader<FilesInput, { files: InputText[]; counting: FilesInput["counting"] }, LoadedFiles>({
    name: "loadFiles",
    seedCount: seeds.length,
    arbitrary: fc.record({
      seed: fc.nat(Math.max(0, seeds.length - 1)),
      mutations: fc.array(fc.record({ file: fc.nat(), mutation }), { minLength: 1, maxLength: 8 }),
      counting: fc.constantFrom("full", "fractional"),
    }),
    prepare: ({ seed, mutations, counting }) => {
      const files = (seeds[seed] as FilesSeed).files.map((file) => ({ ...file }));
      for (const { file, mutation: one } of mutations) {
        const target = files[file % files.length] as InputText;
        target.text = applyMutations(target.text, [one], formatOfFile(target.name));
      }
      return { files, counting };
    },
    call: ({ files, counting }) => loadFiles(files, { counting }),
    check: checkLoadedFiles,
    show: ({ seed, mutations, counting }, { files }) => ({
      seed: seeds[seed]?.name,
      counting,
      mutations: mutations.map(({ file, mutation: one }) => ({ file: files[file % files.length]?.name, ...describeMutation(one) })),
      files,
    }),
    documented: (error) => error instanceof InputError,
  });
}

/**
 * Every loader of packages/io: those the issue lists, in its order, then the formats added
 * since; those without seeds are left out.
 */
export function fuzzLoaders(): FuzzLoader[] {
  const seeds = seedCorpus();
  const file = (extension: string) => ({ file: `fuzz.${extension}` });
  const projectYears = seeds.cordisProjectYears;
  const withYears = fc.boolean().map((given) => (given ? projectYears : undefined));
  const cordisOptions = (name: string, years: ReadonlyMap<string, number> | undefined) =>
    years === undefined ? { file: name } : { file: name, projectYears: years };
  const none = fc.constant(undefined);
  const loaders = [
    textLoader({ name: "readOrganisationsCsv", format: "csv", seeds: seeds.organisationsCsv, options: csvOptions, call: (text, options) => readOrganisationsCsv(text, { ...options, ...file("csv") }), check: checkTableLoad }),
    textLoader({ name: "readLinksCsv", format: "csv", seeds: seeds.linksCsv, options: csvOptions, call: (text, options) => readLinksCsv(text, { ...options, ...file("csv") }), check: checkTableLoad }),
    textLoader({ name: "readParticipationsCsv", format: "csv", seeds: seeds.participationsCsv, options: csvOptions, call: (text, options) => readParticipationsCsv(text, { ...options, ...file("csv") }), check: checkTableLoad }),
    textLoader({ name: "readCordisParticipationsCsv", format: "csv", seeds: seeds.cordisParticipationsCsv, options: none, call: (text) => readCordisParticipationsCsv(text, file("csv")), check: checkTableLoad }),
    textLoader({ name: "readCordisOrganisationsCsv", format: "csv", seeds: seeds.cordisOrganisationsCsv, options: withYears, call: (text, years) => readCordisOrganisationsCsv(text, cordisOptions("fuzz.csv", years)), check: checkTableLoad }),
    textLoader({ name: "readCordisOrganisationsJson", format: "json", seeds: seeds.cordisOrganisationsJson, options: withYears, call: (text, years) => readCordisOrganisationsJson(text, cordisOptions("fuzz.json", years)), check: checkTableLoad }),
    textLoader({ name: "readCordisProjectYears", format: "json", seeds: seeds.cordisProjects, options: none, call: (text) => readCordisProjectYears(text), check: checkProjectYears }),
    textLoader({ name: "readGexf", format: "xml", seeds: seeds.gexf, options: none, call: (text) => readGexf(text, file("gexf")), check: checkGraphLoad }),
    textLoader({ name: "readGraphml", format: "xml", seeds: seeds.graphml, options: none, call: (text) => readGraphml(text, file("graphml")), check: checkGraphLoad }),
    textLoader({ name: "readPajek", format: "pajek", seeds: seeds.pajek, options: none, call: (text) => readPajek(text, file("net")), check: checkGraphLoad }),
    textLoader({ name: "readGraphologyJson", format: "json", seeds: seeds.graphologyJson, options: none, call: (text) => readGraphologyJson(text, file("json")), check: checkGraphLoad }),
    // Formats added after issue 22 was written: every loader of packages/io is fuzzed.
    textLoader({ name: "readNodeLinkJson", format: "json", seeds: seeds.nodeLinkJson, options: none, call: (text) => readNodeLinkJson(text, file("json")), check: checkGraphLoad }),
    // VOSviewer Online's JSON is read through readJsonGraph, and its map and network files
    // through loadFiles (their seeds are pairs): no loader of their own, so the count of loaders
    // the fuzz slice pins is unchanged.
    textLoader({ name: "readJsonGraph", format: "json", seeds: [...seeds.graphologyJson, ...seeds.nodeLinkJson, ...seeds.vosviewerJson], options: none, call: (text) => readJsonGraph(text, file("json")), check: checkGraphLoad }),
    textLoader({ name: "readGml", format: "gml", seeds: seeds.gml, options: none, call: (text) => readGml(text, file("gml")), check: checkGraphLoad }),
    textLoader({ name: "readEdgeList", format: "edgelist", seeds: seeds.edgeList, options: none, call: (text) => readEdgeList(text, file("edgelist")), check: checkGraphLoad }),
    // DL's lines are blank-separated numbers and quoted labels: Pajek's mutations fit it best.
    textLoader({ name: "readUcinetDl", format: "pajek", seeds: seeds.ucinetDl, options: none, call: (text) => readUcinetDl(text, file("dl")), check: checkGraphLoad }),
    loadFilesLoader(seeds.loadFiles),
    // The graph readers again, with --arcs and --map: one loader each, so that a failure names
    // the reader, and `--loader` runs it alone.
    ...graphOptionsLoaders(seeds),
  ];
  return loaders.filter((loader) => loader.seedCount > 0);
}

function graphOptionsLoaders(seeds: SeedCorpus): FuzzLoader[] {
  const { directed } = seeds;
  const attributes = ATTRIBUTE_MAPPINGS;
  const keysAndWeights = { asWritten: KEY_AND_WEIGHT_MAPPINGS, directed: KEY_AND_WEIGHT_MAPPINGS };
  return [
    graphOptionsLoader({ reader: "readGexf", file: "fuzz.gexf", format: "xml", seeds: seeds.gexf, directed: directed.gexf, arcs: true, mappings: attributes, read: readGexf }),
    graphOptionsLoader({ reader: "readGraphml", file: "fuzz.graphml", format: "xml", seeds: seeds.graphml, directed: directed.graphml, arcs: true, mappings: attributes, read: readGraphml }),
    graphOptionsLoader({ reader: "readPajek", file: "fuzz.net", format: "pajek", seeds: seeds.pajek, directed: directed.pajek, arcs: true, mappings: keysAndWeights, read: readPajek }),
    graphOptionsLoader({ reader: "readGraphologyJson", file: "fuzz.json", format: "json", seeds: seeds.graphologyJson, directed: directed.graphologyJson, arcs: true, mappings: attributes, read: readGraphologyJson }),
    graphOptionsLoader({ reader: "readNodeLinkJson", file: "fuzz.json", format: "json", seeds: seeds.nodeLinkJson, directed: directed.nodeLinkJson, arcs: true, mappings: attributes, read: readNodeLinkJson }),
    graphOptionsLoader({
      reader: "readJsonGraph",
      file: "fuzz.json",
      format: "json",
      seeds: [...seeds.graphologyJson, ...seeds.nodeLinkJson, ...seeds.vosviewerJson],
      directed: [...directed.graphologyJson, ...directed.nodeLinkJson, ...directed.vosviewerJson],
      arcs: true,
      mappings: attributes,
      read: readJsonGraph,
    }),
    graphOptionsLoader({ reader: "readGml", file: "fuzz.gml", format: "gml", seeds: seeds.gml, directed: directed.gml, arcs: true, mappings: attributes, read: readGml }),
    // An edge list is read as undirected, with no --arcs: its directed seeds give a link twice.
    graphOptionsLoader({ reader: "readEdgeList", file: "fuzz.edgelist", format: "edgelist", seeds: seeds.edgeList, directed: directed.edgeList, arcs: false, mappings: keysAndWeights, read: readEdgeList }),
    // DL's matrices are directed already: each symmetric one is two arcs a pair.
    graphOptionsLoader({ reader: "readUcinetDl", file: "fuzz.dl", format: "pajek", seeds: seeds.ucinetDl, arcs: true, mappings: keysAndWeights, read: readUcinetDl }),
  ];
}

/** The loaders left out for want of seeds (the CORDIS ones, without ../shared/data). */
export function skippedLoaders(): string[] {
  const seeds = seedCorpus();
  return seeds.sharedData
    ? []
    : ["readCordisParticipationsCsv", "readCordisOrganisationsCsv", "readCordisOrganisationsJson", "readCordisProjectYears"];
}

// ---------------------------------------------------------------------------------------------
// The two passes.

export type FailureKind = "foreign exception" | "hang" | "count violation";

export interface Failure {
  kind: FailureKind;
  /** The failure with numbers and quoted texts blotted out: inputs failing alike share it. */
  signature: string;
  /** The error's stack, or the violation, on the first input that failed so. */
  detail: string;
  /** The first input failing so, as its 0-based run index: also its fast-check path. */
  firstRun: number;
  occurrences: number;
  /** After shrinking: fast-check's path to the minimal input, the input and what it did. */
  shrunk?: { path: string; input: unknown; detail: string; shrinks: number; interrupted: boolean };
  /** Why there is no shrunk input, when there is none. */
  note?: string;
}

export interface Tally {
  inputs: number;
  foreign: number;
  hangs: number;
  violations: number;
  slowestMs: number;
}

export interface FuzzReport extends Tally {
  loader: string;
  seed: number;
  runs: number;
  seconds: number;
  failures: Failure[];
  /** Kinds of failure seen beyond the ones kept in `failures`. */
  moreKinds: number;
}

export interface PassOptions {
  runs: number;
  seed: number;
  /** Inputs generated but not run: where a run killed by the watchdog resumes. */
  skip?: number;
  /**
   * Called before each input is run, with its index, the tally of the inputs before it and the
   * failures so far: the runner's watchdog and progress live on it.
   */
  beforeInput?: (index: number, tally: Tally, failures: readonly Failure[]) => void;
}

/** Distinct kinds of failure kept per loader, with their first input; more are only counted. */
const KEPT_KINDS = 8;

/** The kinds of failure in one outcome, with what to report of each. */
export function failuresOf(outcome: Outcome): Array<{ kind: FailureKind; signature: string; detail: string }> {
  const found: Array<{ kind: FailureKind; signature: string; detail: string }> = [];
  if (outcome.foreign !== undefined) {
    const error = outcome.foreign;
    const head = error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${typeof error}: ${String(error)}`;
    const stack = error instanceof Error && error.stack !== undefined ? error.stack : head;
    found.push({ kind: "foreign exception", signature: `foreign exception: ${blot(head)}`, detail: stack });
  }
  if (outcome.ms > HANG_MS) {
    found.push({ kind: "hang", signature: "hang", detail: `the call took ${Math.round(outcome.ms)} ms` });
  }
  for (const violation of outcome.violations) {
    found.push({ kind: "count violation", signature: `count violation: ${blot(violation)}`, detail: violation });
  }
  return found;
}

/** The first pass: every input run, each kind of failure counted and its first input kept. */
export function countFailures(loader: FuzzLoader, { runs, seed, skip = 0, beforeInput }: PassOptions): FuzzReport {
  const tally: Tally = { inputs: 0, foreign: 0, hangs: 0, violations: 0, slowestMs: 0 };
  const failures = new Map<string, Failure>();
  const kept: Failure[] = [];
  const moreKinds = new Set<string>();
  let generated = 0;
  const started = performance.now();
  fc.check(
    fc.property(loader.arbitrary, (input) => {
      const index = generated++;
      if (index < skip) return true;
      beforeInput?.(index, tally, kept);
      const outcome = loader.run(input);
      tally.inputs++;
      tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
      if (outcome.foreign !== undefined) tally.foreign++;
      if (outcome.ms > HANG_MS) tally.hangs++;
      if (outcome.violations.length > 0) tally.violations++;
      for (const { kind, signature, detail } of failuresOf(outcome)) {
        const known = failures.get(signature);
        if (known !== undefined) known.occurrences++;
        else if (failures.size < KEPT_KINDS) {
          const failure: Failure = { kind, signature, detail, firstRun: index, occurrences: 1 };
          failures.set(signature, failure);
          kept.push(failure);
        } else moreKinds.add(signature);
      }
      // Never fails: this pass counts; the second shrinks.
      return true;
    }),
    { seed, numRuns: runs },
  );
  return {
    loader: loader.name,
    seed,
    runs,
    ...tally,
    seconds: (performance.now() - started) / 1000,
    failures: kept,
    moreKinds: moreKinds.size,
  };
}

/**
 * The second pass for one failure: its first input replayed by its path, then shrunk by
 * fast-check to a minimal input that still fails the same way (same signature), within a time
 * limit (shrinking a slow input runs it many times).
 */
export function shrinkFailure(
  loader: FuzzLoader,
  failure: Failure,
  { seed, runs, timeLimitMs, beforeInput }: { seed: number; runs: number; timeLimitMs: number; beforeInput?: (index: number) => void },
): Failure {
  let calls = 0;
  const details = fc.check(
    fc.property(loader.arbitrary, (input) => {
      beforeInput?.(calls++);
      return !failuresOf(loader.run(input)).some(({ signature }) => signature === failure.signature);
    }),
    { seed, numRuns: runs, path: String(failure.firstRun), plugins: [fc.interruptAfterTimeLimit(timeLimitMs)] },
  );
  if (!details.failed || details.counterexample === null || details.counterexamplePath === null) {
    return { ...failure, note: "replaying its first input did not fail again (a hang that depends on the machine's load?)" };
  }
  const [input] = details.counterexample as [unknown];
  const again = failuresOf(loader.run(input)).find(({ signature }) => signature === failure.signature);
  return {
    ...failure,
    shrunk: {
      path: details.counterexamplePath,
      input: loader.show(input),
      detail: again?.detail ?? failure.detail,
      shrinks: details.numShrinks,
      interrupted: details.interrupted,
    },
  };
}

/** The input at a fast-check path (a run index, or a counterexample path), without running it. */
export function inputAt(loader: FuzzLoader, seed: number, path: string): unknown {
  let captured: unknown;
  fc.check(
    fc.property(loader.arbitrary, (input) => {
      captured = input;
      return false;
    }),
    { seed, path, endOnFailure: true },
  );
  return captured;
}

/** A failure as the runner prints it: enough to replay it with `--seed` and `--replay`. */
export function formatFailure(loader: string, seed: number, failure: Failure, limit = 2_000): string {
  const lines = [
    `${loader}: ${failure.kind}, ${failure.occurrences} input${failure.occurrences === 1 ? "" : "s"}: ${failure.signature}`,
    `  first at run ${failure.firstRun}; replay: --loader ${loader} --seed ${seed} --replay ${failure.firstRun}`,
  ];
  if (failure.shrunk !== undefined) {
    const { path, input, detail, shrinks, interrupted } = failure.shrunk;
    lines.push(
      `  shrunk (${shrinks} steps${interrupted ? ", stopped at the time limit" : ""}): --loader ${loader} --seed ${seed} --replay ${path}`,
      `  minimal input: ${abbreviate(JSON.stringify(input), limit)}`,
      `  ${detail.split("\n").join("\n  ")}`,
    );
  } else {
    if (failure.note !== undefined) lines.push(`  ${failure.note}`);
    lines.push(`  ${failure.detail.split("\n").join("\n  ")}`);
  }
  return lines.join("\n");
}

/** Numbers and quoted texts blotted out, so failures of one cause share a signature. */
function blot(text: string): string {
  return abbreviate(text.replace(/"[^"]*"/g, '"…"').replace(/\d+(\.\d+)?/g, "#"), 200);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Text cut to about `limit` characters: its start and, where the end of a file often matters, its end. */
export function abbreviate(text: string, limit = 120): string {
  if (text.length <= limit) return text;
  const head = Math.ceil(limit * 0.75);
  return `${text.slice(0, head)} …(${text.length - limit} characters)… ${text.slice(text.length - (limit - head))}`;
}
