/**
 * Gould & Fernandez brokerage roles (Gould & Fernandez 1989, "Structures of mediation",
 * Sociological Methodology 19), as R sna's `brokerage()` reports them: for every broker j, the
 * two-paths i → j → k with i ≠ k and no arc i → k, classed by the groups of i, j and k:
 *   w_I  coordinator:    i, j, k in one group;
 *   w_O  itinerant:      i and k in one group, j in another (a consultant);
 *   b_IO representative: i and j in one group, k in another (j carries its group's tie out);
 *   b_OI gatekeeper:     j and k in one group, i in another (j lets an outsider in);
 *   b_O  liaison:        all three in different groups;
 *   t    their total.
 * Expected counts and variances under random assignment of arcs at the observed density
 * d = arcs / (N (N − 1)), and z-scores, follow sna's formulas term by term (sna 2.7), per node
 * from its group's size and for the whole network.
 *
 * Directed graphs are read by their arcs (from coordinator to partner, where the data has roles).
 * An undirected alliance link is read as two arcs, one each way, as sna reads a symmetric
 * matrix: each open triad i – j – k then counts twice, once as i → j → k and once as k → j → i,
 * so a representative path read one way is a gatekeeper path read the other, and b_IO equals
 * b_OI for every node; such a network is counted through its triangles (roles-undirected.ts),
 * to the same integers. Written here: no graphology package computes brokerage roles.
 *
 * Roles need the groups of all three organisations, so organisations without a group are left
 * out with their arcs: the roles, N, the density and the expectations are those of the network
 * among the organisations that have a group (as sna on that induced subgraph), and the result
 * counts what was left out.
 */
import { CompactGraph } from "../model/compact-graph.ts";
import type { ReadableGraph } from "../model/graph.ts";
import { nodePositions, toCsr } from "../model/csr.ts";
import { recordView } from "../model/record-view.ts";
import { exclusionRule, groupIndices, NO_GROUP, type Exclusion, type GroupBy, type GroupOptions } from "../groups/group-index.ts";
import { permutationTest, type PermutationSummary } from "../groups/permutation.ts";
import { seededRandom, type Rng } from "../random/seeded.ts";
import { countRolesUndirected } from "./roles-undirected.ts";

export const ROLES = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"] as const;
export type Role = (typeof ROLES)[number];
export type RoleCounts = Record<Role, number>;
/** z-scores per role; null where the expected variance is 0, so z is undefined (a group of one or two). */
export type RoleScores = Record<Role, number | null>;

export interface BrokerageOptions extends GroupOptions {
  groupBy: GroupBy;
}

export const DEFAULTS: BrokerageOptions = { groupBy: "type" };

export interface Brokerage {
  /** Per organisation with a group (sorted ids): raw counts, expected counts and z-scores per role; read-only. */
  raw: Readonly<Record<string, RoleCounts>>;
  expected: Readonly<Record<string, RoleCounts>>;
  z: Readonly<Record<string, RoleScores>>;
  /** The network: raw totals, expected totals and z-scores. */
  network: { raw: RoleCounts; expected: RoleCounts; z: RoleScores };
  density: number;
  /** Organisations without a group and their links (an undirected link counted once), left out. */
  excluded: Exclusion;
}

const roles = (values: ArrayLike<number>): RoleCounts =>
  Object.fromEntries(ROLES.map((role, r) => [role, values[r] as number])) as RoleCounts;

/** (observed − expected) / sd per role; null where sd is 0 (or NaN), as z is undefined there. */
const scores = (observed: ArrayLike<number>, expected: ArrayLike<number>, sd: ArrayLike<number>): RoleScores =>
  Object.fromEntries(ROLES.map((role, r) => [role, (sd[r] as number) > 0 ? ((observed[r] as number) - (expected[r] as number)) / (sd[r] as number) : null])) as RoleScores;

/**
 * Out- and in-neighbours of each node (sorted ids), from arcs: an undirected link is two. Links
 * with an end outside every group (`of`) are left out, and counted.
 */
function arcs(graph: ReadableGraph, nodes: readonly string[], of: Int32Array) {
  const index = nodePositions(graph);
  const out: number[][] = nodes.map(() => []);
  const into: number[][] = nodes.map(() => []);
  let count = 0;
  let excluded = 0;
  const add = (a: number, b: number) => {
    if (a === b) return;
    out[a]?.push(b);
    into[b]?.push(a);
    count++;
  };
  graph.forEachEdge((_edge, _attributes, source, target, _s, _t, undirected) => {
    const a = index.get(source) as number;
    const b = index.get(target) as number;
    if (of[a] === NO_GROUP || of[b] === NO_GROUP) {
      excluded++;
      return;
    }
    add(a, b);
    if (undirected) add(b, a);
  });
  return { out, into, count, excluded };
}

/** A graph of undirected links only, none repeated: its roles can be counted through triangles. */
function simpleUndirected(graph: ReadableGraph): boolean {
  if (graph instanceof CompactGraph) return true;
  const { type, multi } = graph as { type?: unknown; multi?: unknown };
  return type === "undirected" && multi === false;
}

/** Raw role counts per broker under the group labels `of`, the arcs among grouped nodes and the links left out. */
function roleCounter(graph: ReadableGraph, nodes: readonly string[], of: Int32Array) {
  if (simpleUndirected(graph)) {
    const csr = toCsr(graph);
    return { count: (labels: Int32Array) => countRolesUndirected(csr, labels).raw, ...countRolesUndirected(csr, of) };
  }
  const { out, into, count: arcCount, excluded } = arcs(graph, nodes, of);
  return { count: (labels: Int32Array) => countRoles(out, into, labels), raw: countRoles(out, into, of), arcs: arcCount, excluded };
}

/** Raw role counts per broker (6 per node: the five roles and their total). */
function countRoles(out: readonly number[][], into: readonly number[][], of: Int32Array): Float64Array {
  const N = of.length;
  const raw = new Float64Array(N * 6);
  const stamp = new Int32Array(N).fill(-1);
  let mark = 0;
  for (let j = 0; j < N; j++) {
    const gj = of[j] as number;
    for (const i of into[j] as number[]) {
      mark++;
      for (const x of out[i] as number[]) stamp[x] = mark;
      const gi = of[i] as number;
      for (const k of out[j] as number[]) {
        if (k === i || stamp[k] === mark) continue;
        const gk = of[k] as number;
        const role = gi === gj ? (gj === gk ? 0 : 2) : gj === gk ? 3 : gi === gk ? 1 : 4;
        raw[j * 6 + role] = (raw[j * 6 + role] as number) + 1;
        raw[j * 6 + 5] = (raw[j * 6 + 5] as number) + 1;
      }
    }
  }
  return raw;
}

/**
 * The network's role totals against random group labels: labels shuffled over the nodes with the
 * seeded generator (group sizes kept), roles recounted each time (permutation.ts): an empirical
 * reading of the z-scores that needs no assumption about how arcs are distributed.
 */
export function brokeragePermutationTest(
  graph: ReadableGraph,
  options: Partial<BrokerageOptions & { permutations: number; seed: number; rng: Rng }> = {},
): Record<Role, PermutationSummary> {
  const { groupBy, permutations = 1000, seed = 0, rng, keepUnknown = false } = { ...DEFAULTS, ...options };
  const nodes = graph.nodes().sort();
  const { of } = groupIndices(graph, groupBy, { keepUnknown });
  const { count } = roleCounter(graph, nodes, of);
  const totals = (labels: Int32Array) => {
    const raw = count(labels);
    const sums = new Float64Array(6);
    for (let j = 0; j < labels.length; j++) for (let r = 0; r < 6; r++) sums[r] = (sums[r] as number) + (raw[j * 6 + r] as number);
    return sums;
  };
  const summaries = permutationTest(of, totals, { permutations, rng: rng ?? seededRandom(seed) });
  return Object.fromEntries(ROLES.map((role, r) => [role, summaries[r] as PermutationSummary])) as Record<Role, PermutationSummary>;
}

export function brokerage(graph: ReadableGraph, options: Partial<BrokerageOptions> = {}): Brokerage {
  const { groupBy, keepUnknown = false } = { ...DEFAULTS, ...options };
  const nodes = graph.nodes().sort();
  const groups = groupIndices(graph, groupBy, { keepUnknown });
  const { of, names } = groups;
  const N = nodes.length - groups.ungrouped;
  const { raw, arcs: m, excluded } = roleCounter(graph, nodes, of);

  // sna's expectations and variances, term by term.
  const d = N > 1 ? m / (N * (N - 1)) : 0;
  const n = names.map((_name, g) => of.reduce((s, x) => (x === g ? s + 1 : s), 0));
  const p2 = d ** 2 * (1 - d);
  const q3 = d ** 3 * (1 - d) ** 3;
  const q4 = d ** 4 * (1 - d) ** 2;
  const q5 = d ** 5 * (1 - d);
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const others = (g: number) => n.filter((_size, h) => h !== g);
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  const groupExpected = n.map((ni, g) => {
    const o = others(g);
    const e = [
      p2 * (ni - 1) * (ni - 2),
      p2 * sum(o.map((x) => x * (x - 1))),
      p2 * (N - ni) * (ni - 1),
      p2 * (N - ni) * (ni - 1),
      p2 * (sum(o) ** 2 - sum(o.map((x) => x * x))),
      p2 * (N - 1) * (N - 2),
    ];
    const v = [
      (e[0] as number) * (1 - p2) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q3,
      (e[1] as number) * (1 - p2) + 2 * sum(o.map((x) => x * (x - 1) * (x - 2))) * q3,
      (e[2] as number) * (1 - p2) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * q3,
      0,
      (e[4] as number) * (1 - p2) + 4 * sum(o.map((x) => x * choose2(N - x - ni) * q3)),
      (e[5] as number) * (1 - p2) + 2 * (N - 1) * (N - 2) * (N - 3) * q3,
    ];
    v[3] = v[2] as number;
    return { e, sd: v.map(Math.sqrt) };
  });

  // Per organisation with a group, read from the counts when asked (record-view.ts).
  const grouped = nodes.flatMap((_node, j) => (of[j] === NO_GROUP ? [] : [j]));
  const keys = grouped.map((j) => nodes[j] as string);
  const expectedOf = (i: number) => groupExpected[of[grouped[i] as number] as number] as { e: number[]; sd: number[] };
  const countsOf = (i: number) => raw.subarray((grouped[i] as number) * 6, (grouped[i] as number) * 6 + 6);
  const perNode = {
    raw: recordView(keys, (i) => roles(countsOf(i))),
    expected: recordView(keys, (i) => roles(expectedOf(i).e)),
    z: recordView(keys, (i) => scores(countsOf(i), expectedOf(i).e, expectedOf(i).sd)),
  };

  // Network level.
  const total = new Float64Array(6);
  for (let j = 0; j < N; j++) for (let r = 0; r < 6; r++) total[r] = (total[r] as number) + (raw[j * 6 + r] as number);
  const eg = new Array<number>(6);
  const vg = new Array<number>(6);
  eg[0] = p2 * sum(n.map((x) => x * (x - 1) * (x - 2)));
  vg[0] = eg[0] * (1 - p2) + sum(n.map((x) => x * (x - 1) * (x - 2) * ((4 * x - 10) * q3 - 4 * (x - 3) * q4 + (x - 3) * q5)));
  eg[1] = p2 * sum(n.map((x) => x * (N - x) * (x - 1)));
  let outer1 = 0;
  for (const x of n) for (const y of n) outer1 += x * y * (x - 1) * ((2 * x + 2 * y - 6) * q3 + (N - x - 1) * q5);
  vg[1] = eg[1] * (1 - p2) + (outer1 - sum(n.map((x) => x * x * (x - 1) * ((4 * x - 6) * q3 + (N - x - 1) * q5))));
  eg[2] = p2 * sum(n.map((x) => x * (N - x) * (x - 1)));
  vg[2] = eg[2] * (1 - p2) + sum(n.map((x) => x * (N - x) * (x - 1) * ((N - 3) * q3 + (x - 2) * q5)));
  eg[3] = eg[2];
  vg[3] = vg[2];
  let outer4 = 0;
  for (const x of n) for (const y of n) outer4 += x * y * (N - x - y);
  eg[4] = p2 * (outer4 - sum(n.map((x) => x * x * (N - 2 * x))));
  vg[4] = eg[4] * (1 - p2);
  for (let i = 0; i < n.length; i++) {
    for (let j = 0; j < n.length; j++) {
      for (let k = 0; k < n.length; k++) {
        if (i === j || j === k || i === k) continue;
        const [a, b, c] = [n[i] as number, n[j] as number, n[k] as number];
        vg[4] += a * b * c * ((4 * (N - b) - 2 * (a + c + 1)) * q3 - (4 * (N - c) - 2 * (a + b + 1)) * q4 + (N - (a + c + 1)) * q5);
      }
    }
  }
  eg[5] = p2 * N * (N - 1) * (N - 2);
  vg[5] = eg[5] * (1 - p2) + N * (N - 1) * (N - 2) * ((4 * N - 10) * q3 - 4 * (N - 3) * q4 + (N - 3) * q5);

  return {
    ...perNode,
    network: { raw: roles(total), expected: roles(eg), z: scores(total, eg, vg.map(Math.sqrt)) },
    density: d,
    excluded: { organisations: groups.ungrouped, links: excluded, rule: exclusionRule(groupBy) },
  };
}
