/**
 * Gatekeepers: the organisations that carry a group's outward links. For each group (country,
 * region, cluster…), every member's share of the group's external link weight, largest first,
 * and the fewest members that together carry at least half of it: a cluster whose outward ties
 * run through two firms depends on them (Gould & Fernandez's gatekeeper role, read from weights).
 * A link to an organisation without a group leads to no known other group: it is not external,
 * and is counted apart (`excludedWeight`); organisations without a group have no gatekeepers.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { toCsr, type EdgeWeight } from "../model/csr.ts";
import { groupIndices, NO_GROUP, type GroupBy, type GroupOptions } from "./group-index.ts";

export interface GatekeeperOptions extends GroupOptions {
  groupBy: GroupBy;
  getEdgeWeight: EdgeWeight;
  /** The share of external weight the listed core must reach. */
  share: number;
}

export const DEFAULTS: GatekeeperOptions = { groupBy: "country", getEdgeWeight: "weight", share: 0.5 };

export interface Gatekeeper {
  organisation: string;
  externalWeight: number;
  share: number;
}

export interface GroupGatekeepers {
  externalWeight: number;
  /** Weight of the members' links to organisations without a group, left out of the external weight. */
  excludedWeight: number;
  /** Members with external links, by external weight (ties by id). */
  members: Gatekeeper[];
  /** The fewest members whose shares reach `share` together. */
  core: string[];
}

export function gatekeepers(graph: ReadableGraph, options: Partial<GatekeeperOptions> = {}): Record<string, GroupGatekeepers> {
  const { groupBy, getEdgeWeight, share, keepUnknown } = { ...DEFAULTS, ...options };
  const { nodes, offsets, targets, weights } = toCsr(graph, getEdgeWeight);
  const { names, of } = groupIndices(graph, groupBy, { keepUnknown: keepUnknown ?? false });
  const external = new Float64Array(nodes.length);
  const excluded = new Float64Array(nodes.length);
  for (let u = 0; u < nodes.length; u++) {
    if (of[u] === NO_GROUP) continue;
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
      const other = of[targets[e] as number] as number;
      if (other === NO_GROUP) excluded[u] = (excluded[u] as number) + (weights[e] as number);
      else if (other !== of[u]) external[u] = (external[u] as number) + (weights[e] as number);
    }
  }
  const result: Record<string, GroupGatekeepers> = {};
  names.forEach((name, g) => {
    const members: number[] = [];
    for (let u = 0; u < nodes.length; u++) if (of[u] === g && (external[u] as number) > 0) members.push(u);
    members.sort((a, b) => (external[b] as number) - (external[a] as number) || a - b);
    const total = members.reduce((sum, u) => sum + (external[u] as number), 0);
    let excludedWeight = 0;
    for (let u = 0; u < nodes.length; u++) if (of[u] === g) excludedWeight += excluded[u] as number;
    const core: string[] = [];
    let carried = 0;
    for (const u of members) {
      if (total === 0 || carried / total >= share) break;
      core.push(nodes[u] as string);
      carried += external[u] as number;
    }
    result[name] = {
      externalWeight: total,
      excludedWeight,
      members: members.map((u) => ({ organisation: nodes[u] as string, externalWeight: external[u] as number, share: (external[u] as number) / total })),
      core,
    };
  });
  return result;
}
