/**
 * Files to a loaded network, in the page: fetched from the app's own origin (the bundled datasets,
 * or the files `linkscale view` serves) or picked and dropped by the user. Gzip is undone with
 * the browser's DecompressionStream; the texts go to @linkscale/io's loadFiles, as the CLI's do,
 * so the page reads every format the CLI reads and reports the same rejected rows.
 */
import type { AllianceGraph } from "@linkscale/core";
import { formatRejectedRow, InputError, loadFiles, type InputText, type LoadedFiles } from "@linkscale/io";
import type { DataIndex } from "../serve/datasets.ts";

export interface LoadedNetwork {
  name: string;
  graph: AllianceGraph;
  files: string[];
  /** Rows the loader refused, each naming file, row, column and reason. */
  rejected: string[];
  /** Files in a folder that held no table linkscale knows, and notes on the data. */
  notes: string[];
}

export async function fetchIndex(): Promise<DataIndex> {
  const response = await fetch("data/index.json");
  if (!response.ok) throw new InputError(`data/index.json: ${response.status} ${response.statusText}`);
  return (await response.json()) as DataIndex;
}

export async function fetchDataset(index: DataIndex, name: string): Promise<LoadedNetwork> {
  const dataset = index.datasets.find((d) => d.name === name);
  if (dataset === undefined) throw new InputError(`no dataset named "${name}" (${index.datasets.map((d) => d.name).join(", ")})`);
  const texts = await Promise.all(
    dataset.files.map(async ({ name: file, url }) => {
      const response = await fetch(url);
      if (!response.ok) throw new InputError(`${file}: ${response.status} ${response.statusText}`);
      return { name: file, text: await decode(file, new Uint8Array(await response.arrayBuffer())), found: true };
    }),
  );
  return load(name, texts);
}

export async function readLocalFiles(files: readonly File[]): Promise<LoadedNetwork> {
  const texts = await Promise.all(
    files.map(async (file) => ({ name: file.name, text: await decode(file.name, new Uint8Array(await file.arrayBuffer())), found: files.length > 1 })),
  );
  return load(files.map((file) => file.name).join(" + "), texts);
}

function load(name: string, texts: InputText[]): LoadedNetwork {
  const loaded: LoadedFiles = loadFiles(texts);
  if (loaded.form === "graph") {
    return { name, graph: loaded.load.graph, files: loaded.files, rejected: loaded.load.rejected.flatMap(formatRejectedRow), notes: loaded.skipped };
  }
  const { dataset } = loaded;
  const rejected = dataset.tables.flatMap((table) => table.rejected.flatMap(formatRejectedRow));
  return { name, graph: dataset.graph, files: loaded.files, rejected, notes: [...loaded.skipped, ...dataset.notes] };
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

async function decode(name: string, bytes: Uint8Array): Promise<string> {
  let data = bytes;
  if (name.endsWith(".gz")) {
    try {
      const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
      data = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (error) {
      throw new InputError(`${name}: not gzip (${(error as Error).message})`);
    }
  }
  try {
    return UTF8.decode(data);
  } catch {
    throw new InputError(`${name}: not UTF-8 text`);
  }
}
