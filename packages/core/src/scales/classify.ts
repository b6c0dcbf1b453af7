/**
 * The scale of every link: the first level of the place hierarchy at which both ends share a
 * place. A level where either end's place is unknown is skipped: the link is classified at the
 * next level that is known, and flagged `unknown:<level>` when that may have hidden a finer scale
 * (the ends could have shared the unknown place). A link no level knows is "unknown", never
 * counted as local. Where regions are unknown but both ends have coordinates, `localWithinKm`
 * counts ends within that great-circle distance as local, and the link's `rule` says so.
 *
 * Places are coded as integers per level once per node, and links are classified in one pass
 * over the edge list into typed arrays (`classifyEdges`), which the shares and the viewer read
 * directly.
 */
import type { AnyGraph } from "../model/graph.ts";
import { edgeList, graphIndex, nodeTable, toCsr, type Csr } from "../model/csr.ts";
import { LinkscaleError } from "../errors.ts";
import { greatCircleKm } from "./distance.ts";
import { defaultHierarchy, placeAt, type PlaceHierarchy, type PlaceLevel } from "./hierarchy.ts";

export const UNKNOWN_SCALE = "unknown";

export interface LinkScale {
  source: string;
  target: string;
  scale: string;
  /** What made it so: the level the ends share, "distance", or "beyond" when they share none. */
  rule: string;
  /** Levels skipped because a place was unknown, where that may have hidden a finer scale. */
  unknown: string[];
}

export interface ClassifyOptions {
  hierarchy: PlaceHierarchy;
  /** Count ends within this many km as sharing the finest level when their places there are unknown. */
  localWithinKm?: number;
  attribute: string;
}

export const DEFAULTS: ClassifyOptions = { hierarchy: defaultHierarchy(), attribute: "scale" };

/** Link scales aligned with the CSR's `edgeList`. */
export interface EdgeScales {
  /** Scale names: one per level, then `beyond`, then "unknown". */
  scales: string[];
  /** Rule names: one per level, then "distance", "beyond", "none". */
  rules: string[];
  scale: Uint8Array;
  rule: Uint8Array;
  /** Bit i set: level i was unknown and may have hidden a finer scale. */
  flags: Uint32Array;
}

export function classifyEdges(graph: AnyGraph, csr: Csr, options: Partial<ClassifyOptions> = {}): EdgeScales {
  const { hierarchy, localWithinKm } = { ...DEFAULTS, ...options };
  const levels = hierarchy.levels;
  const L = levels.length;
  if (L === 0) throw new LinkscaleError("scales/classify", "the place hierarchy has no level");
  const { nodes } = csr;
  const { source, target } = edgeList(csr);
  const n = nodes.length;
  const m = source.length;
  // places[level * n + node]: an integer per distinct place, −1 when unknown.
  const places = new Int32Array(L * n);
  levels.forEach((level, l) => places.set(placeCodes(graph, level), l * n));
  const lat = new Float64Array(n).fill(NaN);
  const lon = new Float64Array(n).fill(NaN);
  if (localWithinKm !== undefined) {
    nodeTable(graph).attributes.forEach((attributes, i) => {
      if (typeof attributes["lat"] === "number" && typeof attributes["lon"] === "number") {
        lat[i] = attributes["lat"];
        lon[i] = attributes["lon"];
      }
    });
  }

  const BEYOND = L;
  const UNKNOWN = L + 1;
  const DISTANCE_RULE = L;
  const BEYOND_RULE = L + 1;
  const NONE_RULE = L + 2;
  const scale = new Uint8Array(m);
  const rule = new Uint8Array(m);
  const flags = new Uint32Array(m);
  for (let e = 0; e < m; e++) {
    const u = source[e] as number;
    const v = target[e] as number;
    let unknown = 0;
    let known = false;
    let decided = false;
    for (let l = 0; l < L; l++) {
      const p = places[l * n + u] as number;
      const q = places[l * n + v] as number;
      if (p < 0 || q < 0) {
        if (l === 0 && localWithinKm !== undefined && !Number.isNaN(lat[u]) && !Number.isNaN(lat[v]) &&
          greatCircleKm(lat[u] as number, lon[u] as number, lat[v] as number, lon[v] as number) <= localWithinKm) {
          scale[e] = 0;
          rule[e] = DISTANCE_RULE;
          decided = true;
          break;
        }
        unknown |= 1 << l;
        continue;
      }
      known = true;
      if (p === q) {
        scale[e] = l;
        rule[e] = l;
        flags[e] = unknown;
        decided = true;
        break;
      }
      unknown = 0; // different places here: the finer unknown levels could not have been shared
    }
    if (decided) continue;
    flags[e] = unknown;
    if (known || unknown === 0) {
      scale[e] = BEYOND;
      rule[e] = BEYOND_RULE;
    } else {
      scale[e] = UNKNOWN;
      rule[e] = NONE_RULE;
    }
  }
  return {
    scales: [...levels.map((l) => l.scale), hierarchy.beyond, UNKNOWN_SCALE],
    rules: [...levels.map((l) => l.level), "distance", "beyond", "none"],
    scale,
    rule,
    flags,
  };
}

/** Each node's place at a level as an integer (−1: unknown); cached per graph for attribute levels. */
function placeCodes(graph: AnyGraph, level: PlaceLevel): Int32Array {
  const build = () => {
    const codes = new Map<string, number>();
    return Int32Array.from(nodeTable(graph).attributes, (attributes) => {
      const place = placeAt(level, attributes);
      if (place === undefined) return -1;
      let code = codes.get(place);
      if (code === undefined) codes.set(place, (code = codes.size));
      return code;
    });
  };
  return typeof level.place === "string" ? graphIndex(graph, `places:${level.place}`, build) : build();
}

/** Every link's scale, sorted by (source, target) with source < target. */
export function classifyLinks(graph: AnyGraph, options: Partial<ClassifyOptions> = {}): LinkScale[] {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph);
  const { scales, rules, scale, rule, flags } = classifyEdges(graph, csr, settings);
  const levelNames = settings.hierarchy.levels.map((l) => l.level);
  const { source, target } = edgeList(csr);
  return Array.from(source, (u, e) => {
    const f = flags[e] as number;
    return {
      source: csr.nodes[u] as string,
      target: csr.nodes[target[e] as number] as string,
      scale: scales[scale[e] as number] as string,
      rule: rules[rule[e] as number] as string,
      unknown: levelNames.filter((_name, l) => (f & (1 << l)) !== 0),
    };
  });
}

/** Writes each link's scale to an edge attribute. */
export function assignScales(graph: AnyGraph, options: Partial<ClassifyOptions> = {}): void {
  const { attribute } = { ...DEFAULTS, ...options };
  for (const { source, target, scale } of classifyLinks(graph, options)) graph.setEdgeAttribute(source, target, attribute, scale);
}
