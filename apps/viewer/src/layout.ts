/**
 * A network's layout, on the page's side: its initial positions, the matrices ForceAtlas2 runs
 * over, and the worker that runs them (layout-worker.ts), started, paused and resumed from here.
 *
 * Initial positions come from the core's seeded generator (a disc around the origin), so the same
 * data, seed and settings give the same positions, in every session; a file with positions of
 * its own (Gephi's x and y) starts from those. The layout covers every organisation and the links
 * the view opens with (those at or above the default minimum weight), whatever the filters:
 * filters hide organisations and links, they never move anyone. Organisations are matrix rows in
 * the network graph's order, never keyed by id: graphology's own worker indexes them in a plain
 * object, where an id such as `__proto__` reads Object.prototype (issue 22).
 *
 * Organisations without a link in the layout stay out of ForceAtlas2 and wait on a ring just
 * outside the others: inside it, the repulsion of the whole network would push them to a far
 * circle (on h2020-health, 317 organisations at twice the network's radius), shrinking the
 * network itself to the middle of the screen, and where they end says nothing about them.
 */
import { seededRandom } from "@linkscale/core";
import { defaultMinWeight } from "./filters.ts";
import { ISOLATE_RING, NODE_CONVERGENCE, NODE_FIELDS, NODE_MASS, NODE_SIZE, type LayoutCommand, type LayoutReport } from "./layout-protocol.ts";
import type { Parting } from "./overlap.ts";
import { forceAtlas2Settings, type LayoutChoice } from "./layout-settings.ts";
import type { Network } from "./network.ts";

/** Radius of the disc the seeded initial positions fill; ForceAtlas2 spreads them from there. */
const INITIAL_RADIUS = 100;

/** waiting: not yet run; paused: stopped by the user (or by map mode) before settling. */
export type LayoutPhase = "waiting" | "running" | "paused" | "settled" | "capped";

export interface LayoutProgress {
  phase: LayoutPhase;
  iterations: number;
  /** The last batch's relative step; undefined before the first batch. */
  step: number | undefined;
  calmBatches: number;
  /** Once settled: the overlaps parted then (overlap.ts). */
  parted?: Parting;
}

/** Seeded positions in a disc (x, y interleaved, in the graph's node order), or the file's own. */
export function initialPositions(network: Network, seed: number): Float64Array {
  const { graph } = network;
  // Doubles, so that a file's own positions are kept to the last digit.
  const positions = new Float64Array(2 * graph.order);
  const random = seededRandom(seed);
  let i = 0;
  graph.forEachNode((_node, attributes) => {
    if (network.positioned) {
      positions[2 * i] = attributes["x"] as number;
      positions[2 * i + 1] = attributes["y"] as number;
    } else {
      const angle = 2 * Math.PI * random();
      const radius = Math.sqrt(random()) * INITIAL_RADIUS;
      positions[2 * i] = radius * Math.cos(angle);
      positions[2 * i + 1] = radius * Math.sin(angle);
    }
    i++;
  });
  return positions;
}

/**
 * graphology-layout-forceatlas2's matrices over the organisations with a link in the layout
 * (`rows`: their places in the graph's node order) and those links; a node's mass is 1 plus its
 * links' weights, as there.
 */
function matrices(network: Network, positions: Float64Array): { nodes: Float32Array; edges: Float32Array; rows: Int32Array } {
  const { graph } = network;
  const minWeight = defaultMinWeight(network);
  const index = new Map<string, number>();
  graph.forEachNode((node) => void index.set(node, index.size));
  const linked = new Uint8Array(graph.order);
  graph.forEachEdge((_edge, { weight }, source, target) => {
    if (weight < minWeight) return;
    linked[index.get(source) as number] = 1;
    linked[index.get(target) as number] = 1;
  });
  const rows = Int32Array.from([...linked.keys()].filter((i) => linked[i] === 1));
  const rowOf = new Int32Array(graph.order).fill(-1);
  rows.forEach((i, row) => (rowOf[i] = row));
  const nodes = new Float32Array(rows.length * NODE_FIELDS);
  rows.forEach((i, row) => {
    nodes[row * NODE_FIELDS] = positions[2 * i] as number;
    nodes[row * NODE_FIELDS + 1] = positions[2 * i + 1] as number;
    nodes[row * NODE_FIELDS + NODE_MASS] = 1;
    nodes[row * NODE_FIELDS + NODE_CONVERGENCE] = 1;
    nodes[row * NODE_FIELDS + NODE_SIZE] = 1;
  });
  const links: number[] = [];
  graph.forEachEdge((_edge, { weight }, source, target) => {
    if (weight < minWeight) return;
    const s = (rowOf[index.get(source) as number] as number) * NODE_FIELDS;
    const t = (rowOf[index.get(target) as number] as number) * NODE_FIELDS;
    nodes[s + NODE_MASS] = (nodes[s + NODE_MASS] as number) + weight;
    nodes[t + NODE_MASS] = (nodes[t + NODE_MASS] as number) + weight;
    links.push(s, t, weight); // EDGE_FIELDS of them
  });
  return { nodes, edges: Float32Array.from(links), rows };
}

/**
 * Every organisation's position: the laid-out ones' (`laidOut`, x and y by matrix row) at their
 * place, the others evenly around a ring just outside them, in the graph's order.
 */
export function withIsolates(laidOut: Float32Array, rows: Int32Array, order: number, previous: Float64Array): Float64Array {
  const positions = Float64Array.from(previous);
  const isolated = new Uint8Array(order).fill(1);
  let cx = 0;
  let cy = 0;
  rows.forEach((i, row) => {
    positions[2 * i] = laidOut[2 * row] as number;
    positions[2 * i + 1] = laidOut[2 * row + 1] as number;
    cx += laidOut[2 * row] as number;
    cy += laidOut[2 * row + 1] as number;
    isolated[i] = 0;
  });
  if (rows.length === 0 || rows.length === order) return positions;
  [cx, cy] = [cx / rows.length, cy / rows.length];
  let radius = 0;
  for (let row = 0; row < rows.length; row++) radius = Math.max(radius, Math.hypot((laidOut[2 * row] as number) - cx, (laidOut[2 * row + 1] as number) - cy));
  radius = ISOLATE_RING * Math.max(radius, 1);
  const count = order - rows.length;
  let k = 0;
  for (let i = 0; i < order; i++) {
    if (isolated[i] === 0) continue;
    const angle = (2 * Math.PI * k++) / count;
    positions[2 * i] = cx + radius * Math.cos(angle);
    positions[2 * i + 1] = cy + radius * Math.sin(angle);
  }
  return positions;
}

/** The x and y of each row of a node matrix. */
function matricesPositions(nodes: Float32Array): Float32Array {
  const count = nodes.length / NODE_FIELDS;
  return Float32Array.from({ length: 2 * count }, (_, k) => nodes[Math.floor(k / 2) * NODE_FIELDS + (k % 2)] as number);
}

export class ForceLayout {
  readonly choice: LayoutChoice;
  /** Organisations ForceAtlas2 moves: those with a link in the layout. */
  readonly laidOut: number;
  /** Where each organisation is now (x, y interleaved, in the graph's node order). */
  positions: Float64Array;
  progress: LayoutProgress = { phase: "waiting", iterations: 0, step: undefined, calmBatches: 0 };
  private readonly worker: Worker;

  /** `onReport` is called after each batch the worker reports, with this layout's new state. */
  constructor(network: Network, choice: LayoutChoice, onReport: (layout: ForceLayout) => void) {
    this.choice = choice;
    const initial = initialPositions(network, choice.seed);
    const { nodes, edges, rows } = matrices(network, initial);
    const order = network.graph.order;
    this.laidOut = rows.length;
    // A file's own positions stay as they are until the layout runs.
    this.positions = network.positioned ? initial : withIsolates(matricesPositions(nodes), rows, order, initial);
    this.worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module", name: "linkscale-layout" });
    this.worker.addEventListener("message", (event: MessageEvent<LayoutReport>) => {
      const { positions, iterations, step, calmBatches, settled, capped, parted } = event.data;
      this.positions = withIsolates(positions, rows, order, this.positions);
      const phase = settled ? "settled" : capped ? "capped" : this.progress.phase;
      this.progress = { phase, iterations, step, calmBatches, ...(parted === undefined ? {} : { parted }) };
      onReport(this);
    });
    this.send({ type: "start", nodes, edges, settings: forceAtlas2Settings(choice, rows.length), run: false }, [nodes.buffer, edges.buffer]);
  }

  isRunning(): boolean {
    return this.progress.phase === "running";
  }

  /** Runs (on) until settled; a settled layout stays as it is. */
  run(): void {
    if (this.progress.phase === "settled" || this.progress.phase === "running") return;
    this.progress = { ...this.progress, phase: "running" };
    this.send({ type: "run" });
  }

  pause(): void {
    if (this.progress.phase !== "running") return;
    this.progress = { ...this.progress, phase: "paused" };
    this.send({ type: "pause" });
  }

  kill(): void {
    this.worker.terminate();
  }

  private send(command: LayoutCommand, transfer: Transferable[] = []): void {
    this.worker.postMessage(command, transfer);
  }
}
