/**
 * ForceAtlas2 in a web worker, run continuously: batches of BATCH_ITERATIONS iterations of
 * graphology's own iteration function over the flat matrices the page sent, each batch followed by
 * one report (positions, iterations, relative step), until the layout settles (layout-settle.ts),
 * reaches MAX_ITERATIONS or is paused; once settled, its overlaps are parted (overlap.ts) before
 * the last report. Unlike graphology's worker, which waits for the page's answer before each
 * single iteration, nothing here waits for the page: its frames, slow where WebGL runs on the CPU,
 * do not slow the layout down. A pause falls between batches, so a paused and resumed run ends
 * where an unbroken one does.
 */
import iterate from "graphology-layout-forceatlas2/iterate.js";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { ISOLATE_RING, NODE_FIELDS, type LayoutCommand, type LayoutReport } from "./layout-protocol.ts";
import { BATCH_ITERATIONS, MAX_ITERATIONS, relativeStep, SettleCriterion } from "./layout-settle.ts";
import { discRadius, partOverlaps, type Parting } from "./overlap.ts";

interface Run {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Required<ForceAtlas2Settings>;
  iterations: number;
  /** Iterations after which the run stops unsettled (raised by MAX_ITERATIONS on each "run on"). */
  cap: number;
  criterion: SettleCriterion;
}

let run: Run | undefined;
let running = false;
let scheduled = false;

function positionsOf(nodes: Float32Array): Float32Array {
  const count = nodes.length / NODE_FIELDS;
  const positions = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) {
    positions[2 * i] = nodes[i * NODE_FIELDS] as number;
    positions[2 * i + 1] = nodes[i * NODE_FIELDS + 1] as number;
  }
  return positions;
}

/**
 * The settled layout's overlaps parted (overlap.ts), in the node matrix. The picture's extent is
 * the diameter of the ring the page puts the organisations without links on, whether or not
 * there are any: no wider than the page draws.
 */
function partedOverlaps(nodes: Float32Array): Parting {
  const count = nodes.length / NODE_FIELDS;
  const xy = new Float64Array(2 * count);
  let [cx, cy] = [0, 0];
  for (let i = 0; i < count; i++) {
    xy[2 * i] = nodes[i * NODE_FIELDS] as number;
    xy[2 * i + 1] = nodes[i * NODE_FIELDS + 1] as number;
    cx += (xy[2 * i] as number) / count;
    cy += (xy[2 * i + 1] as number) / count;
  }
  let farthest = 0;
  for (let i = 0; i < count; i++) farthest = Math.max(farthest, Math.hypot((xy[2 * i] as number) - cx, (xy[2 * i + 1] as number) - cy));
  const parted = partOverlaps(xy, discRadius(2 * ISOLATE_RING * farthest));
  for (let i = 0; i < count; i++) {
    nodes[i * NODE_FIELDS] = xy[2 * i] as number;
    nodes[i * NODE_FIELDS + 1] = xy[2 * i + 1] as number;
  }
  return parted;
}

function schedule(): void {
  if (scheduled || !running) return;
  scheduled = true;
  // A task per batch, so that a pause waiting in the queue is read before the next one.
  setTimeout(batch, 0);
}

function batch(): void {
  scheduled = false;
  if (!running || run === undefined) return;
  const before = positionsOf(run.nodes);
  for (let i = 0; i < BATCH_ITERATIONS; i++) iterate(run.settings, run.nodes, run.edges);
  run.iterations += BATCH_ITERATIONS;
  const positions = positionsOf(run.nodes);
  const step = relativeStep(before, positions, BATCH_ITERATIONS);
  const settled = run.criterion.observe(step);
  const capped = !settled && run.iterations >= run.cap;
  if (settled || capped) running = false;
  const report: LayoutReport = { positions, iterations: run.iterations, step, calmBatches: run.criterion.calmBatches, settled, capped };
  if (settled) {
    report.parted = partedOverlaps(run.nodes);
    report.positions = positionsOf(run.nodes);
  }
  postMessage(report, { transfer: [report.positions.buffer] });
  schedule();
}

addEventListener("message", (event: MessageEvent<LayoutCommand>) => {
  const command = event.data;
  if (command.type === "start") {
    run = { nodes: command.nodes, edges: command.edges, settings: command.settings, iterations: 0, cap: MAX_ITERATIONS, criterion: new SettleCriterion() };
    running = command.run;
  } else if (command.type === "run" && run !== undefined && !run.criterion.holds()) {
    if (run.iterations >= run.cap) run.cap = run.iterations + MAX_ITERATIONS;
    running = true;
  } else if (command.type === "pause") {
    running = false;
  }
  schedule();
});
