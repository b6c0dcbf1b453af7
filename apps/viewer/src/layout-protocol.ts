/**
 * What the page and the layout worker say to each other, and the layout of the flat matrices
 * they share (graphology-layout-forceatlas2's own: ten numbers per organisation, three per link).
 * The page starts, pauses and resumes a run; the worker reports after every batch.
 */
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import type { Parting } from "./overlap.ts";

/** Numbers per organisation in the node matrix: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed. */
export const NODE_FIELDS = 10;
export const NODE_MASS = 6;
export const NODE_CONVERGENCE = 7;
export const NODE_SIZE = 8;
/** Numbers per link in the edge matrix: the source's offset in the node matrix, the target's, the weight. */
export const EDGE_FIELDS = 3;
/** The ring of organisations without links, as a multiple of the farthest linked organisation's distance from the centroid (layout.ts). */
export const ISOLATE_RING = 1.1;

export type LayoutCommand =
  /** A new run over these matrices (transferred), running at once or waiting for "run". */
  | { type: "start"; nodes: Float32Array; edges: Float32Array; settings: Required<ForceAtlas2Settings>; run: boolean }
  /** Run on: after a pause, or past the iteration cap. */
  | { type: "run" }
  /** Stop after the batch under way. */
  | { type: "pause" };

export interface LayoutReport {
  /** Each organisation's x and y, interleaved, in the order of the node matrix. */
  positions: Float32Array;
  iterations: number;
  /** The last batch's relative step (layout-settle.ts). */
  step: number;
  /** Batches in a row under the settled step. */
  calmBatches: number;
  settled: boolean;
  /** Stopped at the iteration cap before settling. */
  capped: boolean;
  /** With the settled report: the overlaps parted then (overlap.ts). */
  parted?: Parting;
}
