/**
 * The scale of every link: the first level of the place hierarchy at which both ends share a
 * place. A level where either end's place is unknown is skipped: the link is classified at the
 * next level that is known, and flagged `unknown:<level>` when that may have hidden a finer scale
 * (the ends could have shared the unknown place). A link no level knows is "unknown", never
 * counted as local. Where regions are unknown but both ends have coordinates, `localWithinKm`
 * counts ends within that great-circle distance as local, and the link's `rule` says so.
 *
 * Places are coded as integers per level once per node, and links are classified in one pass
 * over the CSR into typed arrays (`classifyCsr`), which the shares and the viewer read directly.
 */
import type { AnyGraph } from "../model/graph.ts";
import { toCsr, type Csr } from "../model/csr.ts";
import { LinkscaleError } from "../errors.ts";
import { greatCircleKm } from "./distance.ts";
import { defaultHierarchy, placeAt, type PlaceHierarchy } from "./hierarchy.ts";

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

/** Link scales over a CSR, for entries k with source index < target index. */
export interface CsrScales {
  /** Scale names: one per level, then `beyond`, then "unknown". */
  scales: string[];
  /** Rule names: one per level, then "distance", "beyond", "none". */
  rules: string[];
  scale: Uint8Array;
  rule: Uint8Array;
  /** Bit i set: level i was unknown and may have hidden a finer scale. */
  flags: Uint32Array;
}

export function classifyCsr(graph: AnyGraph, csr: Csr, options: Partial<ClassifyOptions> = {}): CsrScales {
  const { hierarchy, localWithinKm } = { ...DEFAULTS, ...options };
  const levels = hierarchy.levels;
  const L = levels.length;
  if (L === 0) throw new LinkscaleError("scales/classify", "the place hierarchy has no level");
  const { nodes, offsets, targets } = csr;
  const n = nodes.length;
  // places[level * n + node]: an integer per distinct place, −1 when unknown.
  const places = new Int32Array(L * n);
  const lat = new Float64Array(n).fill(NaN);
  const lon = new Float64Array(n).fill(NaN);
  const codes = levels.map(() => new Map<string, number>());
  nodes.forEach((node, i) => {
    const attributes = graph.getNodeAttributes(node);
    levels.forEach((level, l) => {
      const place = placeAt(level, attributes);
      const map = codes[l] as Map<string, number>;
      if (place === undefined) places[l * n + i] = -1;
      else {
        if (!map.has(place)) map.set(place, map.size);
        places[l * n + i] = map.get(place) as number;
      }
    });
    if (typeof attributes["lat"] === "number" && typeof attributes["lon"] === "number") {
      lat[i] = attributes["lat"];
      lon[i] = attributes["lon"];
    }
  });

  const BEYOND = L;
  const UNKNOWN = L + 1;
  const DISTANCE_RULE = L;
  const BEYOND_RULE = L + 1;
  const NONE_RULE = L + 2;
  const scale = new Uint8Array(targets.length);
  const rule = new Uint8Array(targets.length);
  const flags = new Uint32Array(targets.length);
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      if (v <= u) continue;
      let unknown = 0;
      let known = false;
      let decided = false;
      for (let l = 0; l < L; l++) {
        const p = places[l * n + u] as number;
        const q = places[l * n + v] as number;
        if (p < 0 || q < 0) {
          if (l === 0 && localWithinKm !== undefined && !Number.isNaN(lat[u]) && !Number.isNaN(lat[v]) &&
            greatCircleKm(lat[u] as number, lon[u] as number, lat[v] as number, lon[v] as number) <= localWithinKm) {
            scale[k] = 0;
            rule[k] = DISTANCE_RULE;
            decided = true;
            break;
          }
          unknown |= 1 << l;
          continue;
        }
        known = true;
        if (p === q) {
          scale[k] = l;
          rule[k] = l;
          flags[k] = unknown;
          decided = true;
          break;
        }
        unknown = 0; // different places here: the finer unknown levels could not have been shared
      }
      if (decided) continue;
      flags[k] = unknown;
      if (known || unknown === 0) {
        scale[k] = BEYOND;
        rule[k] = BEYOND_RULE;
      } else {
        scale[k] = UNKNOWN;
        rule[k] = NONE_RULE;
      }
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

/** Every link's scale, sorted by (source, target) with source < target. */
export function classifyLinks(graph: AnyGraph, options: Partial<ClassifyOptions> = {}): LinkScale[] {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph);
  const { scales, rules, scale, rule, flags } = classifyCsr(graph, csr, settings);
  const levelNames = settings.hierarchy.levels.map((l) => l.level);
  const result: LinkScale[] = [];
  const { nodes, offsets, targets } = csr;
  for (let u = 0; u < nodes.length; u++) {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      if (v <= u) continue;
      const f = flags[k] as number;
      result.push({
        source: nodes[u] as string,
        target: nodes[v] as string,
        scale: scales[scale[k] as number] as string,
        rule: rules[rule[k] as number] as string,
        unknown: levelNames.filter((_name, l) => (f & (1 << l)) !== 0),
      });
    }
  }
  return result;
}

/** Writes each link's scale to an edge attribute. */
export function assignScales(graph: AnyGraph, options: Partial<ClassifyOptions> = {}): void {
  const { attribute } = { ...DEFAULTS, ...options };
  for (const { source, target, scale } of classifyLinks(graph, options)) graph.setEdgeAttribute(source, target, attribute, scale);
}
