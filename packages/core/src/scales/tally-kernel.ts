/**
 * Runs the scale shares' pass (shares.ts, `tallyLinks`) in WebAssembly: the same tallies, added
 * in the same order, so the results are equal to the last bit, in about half the time. The
 * kernel is compiled from assembly/tally-links.ts into tally-links.wasm.ts (1 KB, under the
 * 4 KB a browser compiles synchronously on its main thread). This file lays out its memory,
 * copies the codes in, feeds it the CSR a block of rows at a time and reads the tallies back.
 * Where WebAssembly cannot run (a page whose Content Security Policy lacks 'wasm-unsafe-eval')
 * or the memory would pass wasm32's 4 GiB, it returns undefined and the caller runs the
 * JavaScript pass.
 *
 * The memory holds what is per node or per group (a k × k matrix per grouping with `mixing`),
 * and one block of links: about 5 MB for H2020's 36,000 organisations and 800,000 links by
 * country. The whole CSR would take 20 MB more and, as memory outside the JavaScript heap,
 * prompt the engine to collect its garbage (400 ms with that network loaded). Calls share one
 * instance, so its memory is faulted in once, until a call grows it past 64 MB: that
 * instance is dropped after its call, since WebAssembly memory never shrinks.
 */
import type { Csr } from "../model/csr.ts";
import type { Groups } from "../groups/group-index.ts";
import { MixingCells } from "../groups/mixing-matrix.ts";
import type { LinkClasses } from "./classify.ts";
import type { Tallies, YearRows } from "./shares.ts";
import { Tally } from "./tally.ts";
import { TALLY_LINKS_WASM } from "./tally-links.wasm.ts";

// The core is typed without DOM or Node globals; WebAssembly is in both, and this is what it uses of it.
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
    }
  | undefined;

interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  tallyLinks: (...args: number[]) => number;
  GROUPING_BYTES: { value: number };
}

const PAGE = 65536;
const MAX_BYTES = 2 ** 32;
/** An instance whose memory has grown past this is dropped after its call, so the memory goes with it. */
const KEEP_BYTES = 64 * 2 ** 20;
/** CSR slots copied in at a time (more when a node has more links). */
const BLOCK_SLOTS = 1 << 16;

/** The compiled module: undefined until first asked for, null where WebAssembly may not compile. */
let compiled: object | null | undefined;
/** The instance calls share while its memory stays small. */
let shared: KernelExports | undefined;
/** The link classes of the call under way: the kernel asks them for pairs not in its table. */
let current: LinkClasses | undefined;

function kernel(): KernelExports | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === "undefined" ? null : new WebAssembly.Module(TALLY_LINKS_WASM);
    } catch {
      compiled = null; // refused, as by a page's Content Security Policy
    }
  }
  if (compiled === null || typeof WebAssembly === "undefined") return null;
  if (shared === undefined) {
    const classes = () => current as LinkClasses;
    const env = { pairKey: (s: number, t: number) => classes().pairKey(s, t), distanceKey: (u: number, v: number, complement: number) => classes().distanceKey(u, v, complement) };
    shared = new WebAssembly.Instance(compiled, { env }).exports as unknown as KernelExports;
  }
  return shared;
}

/** The bytes of the shared instance's memory, 0 when there is none (for the tests). */
export function kernelBytes(): number {
  return shared?.memory.buffer.byteLength ?? 0;
}

/** The pass's tallies, or undefined where WebAssembly cannot run it; `block` sets the CSR slots copied in at a time (for the tests). */
export function tallyLinksWasm(csr: Csr, classes: LinkClasses, years: YearRows, groupings: readonly Groups[], mixing: boolean, block = BLOCK_SLOTS): Tallies | undefined {
  const exports = kernel();
  if (exports === null) return undefined;
  const { memory, tallyLinks, GROUPING_BYTES } = exports;
  const { offsets, targets, weights } = csr;
  const { keys, table, signature, scaleOf } = classes;
  const n = offsets.length - 1;
  let degree = 0;
  for (let u = 0; u < n; u++) degree = Math.max(degree, (offsets[u + 1] as number) - (offsets[u] as number));
  const blockSlots = Math.max(block >= 1 ? block : 1, degree);
  const scales = classes.scales.length;
  const levels = classes.levels.length;

  // Byte offsets, 8-aligned, from 8 (0 stands for "no matrix"): inputs, then what is tallied.
  let top = 8;
  const reserve = (bytes: number) => {
    const at = top;
    top += Math.ceil(bytes / 8) * 8;
    return at;
  };
  const input = {
    offsets: reserve(offsets.byteLength),
    targets: reserve(blockSlots * 4),
    weights: reserve(blockSlots * 8),
    yearRow: reserve(blockSlots * 4),
    signature: reserve(signature.byteLength),
    table: reserve(table.byteLength),
    scaleOf: reserve(scaleOf.byteLength),
    groupings: reserve(groupings.length * GROUPING_BYTES.value),
    of: groupings.map((g) => reserve(g.of.byteLength)),
  };
  const tallied = top;
  const output = {
    yearCells: reserve(years.keys.length * keys * 16),
    nodeCells: reserve(n * scales * 16),
    nodeFlags: reserve(n * levels * 8),
    groups: groupings.map(({ names }) => ({
      cells: reserve(names.length * scales * 16),
      flags: reserve(names.length * levels * 8),
      matrix: mixing ? reserve(names.length * names.length * 16) : 0,
      excluded: reserve((names.length + 1) * 16),
    })),
    row: reserve(keys * 16),
    keysInRow: reserve(keys * 4),
  };
  if (top > MAX_BYTES) return undefined;
  try {
    const have = memory.buffer.byteLength;
    if (top > have) memory.grow(Math.ceil((top - have) / PAGE));
  } catch {
    return undefined; // the engine would not give that much memory
  }

  const { buffer } = memory;
  new Uint32Array(buffer, input.offsets, offsets.length).set(offsets);
  new Int32Array(buffer, input.signature, signature.length).set(signature);
  new Int32Array(buffer, input.table, table.length).set(table);
  new Uint8Array(buffer, input.scaleOf, scaleOf.length).set(scaleOf);
  const entries = new Int32Array(buffer, input.groupings, (groupings.length * GROUPING_BYTES.value) / 4);
  groupings.forEach((g, i) => {
    const of = input.of[i] as number;
    const { cells, flags, matrix, excluded } = output.groups[i] as (typeof output.groups)[number];
    new Int32Array(buffer, of, g.of.length).set(g.of);
    entries.set([of, g.names.length, cells, flags, matrix, excluded], (i * GROUPING_BYTES.value) / 4);
  });
  new Uint8Array(buffer, tallied, top - tallied).fill(0);

  const blockTargets = new Uint32Array(buffer, input.targets, blockSlots);
  const blockWeights = new Float64Array(buffer, input.weights, blockSlots);
  const blockYears = new Int32Array(buffer, input.yearRow, blockSlots);
  current = classes;
  try {
    // Blocks of whole rows, each up to blockSlots link ends; a block's links (v ≥ u) are at most as many.
    let e = 0;
    for (let from = 0, to = 0; from < n; from = to) {
      const first = offsets[from] as number;
      while (to < n && (offsets[to + 1] as number) - first <= blockSlots) to++;
      const last = offsets[to] as number;
      blockTargets.set(targets.subarray(first, last));
      blockWeights.set(weights.subarray(first, last));
      blockYears.set(years.row.subarray(e, e + last - first));
      e = tallyLinks(
        from, to, first, e,
        input.offsets, input.targets, input.weights,
        input.signature, classes.signatureCount, input.table, table.length,
        keys, levels, scales, input.scaleOf,
        input.yearRow, output.yearCells,
        output.nodeCells, output.nodeFlags,
        groupings.length, input.groupings,
        output.row, output.keysInRow,
      );
    }
  } finally {
    current = undefined;
    if (memory.buffer.byteLength > KEEP_BYTES) shared = undefined;
  }

  const doubles = (at: number, count: number) => new Float64Array(buffer, at, count).slice();
  const tally = (rows: number, cells: number, flags: number) => new Tally(classes, rows, { cells: doubles(cells, rows * scales * 2), flags: doubles(flags, rows * levels) });
  const groups = groupings.map(({ names }, i) => ({ names, ...(output.groups[i] as (typeof output.groups)[number]) }));
  return {
    byNode: tally(n, output.nodeCells, output.nodeFlags),
    byYear: doubles(output.yearCells, years.keys.length * keys * 2),
    internal: groups.map((g) => tally(g.names.length, g.cells, g.flags)),
    matrices: mixing ? groups.map((g) => new MixingCells(g.names, doubles(g.matrix, g.names.length ** 2 * 2))) : [],
    excluded: groups.map((g) => doubles(g.excluded, (g.names.length + 1) * 2)),
  };
}
