/**
 * The scale of every link: the first level of the place hierarchy at which both ends share a
 * place. A level where either end's place is unknown is skipped: the link is classified at the
 * next level that is known, and flagged `unknown:<level>` when that may have hidden a finer scale
 * (the ends could have shared the unknown place). A link no level knows is "unknown", never
 * counted as local. Where regions are unknown but both ends have coordinates, `localWithinKm`
 * counts ends within that great-circle distance as local, and the link's `rule` says so.
 */
import type { AnyGraph } from "../model/graph.ts";
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

/** Every link's scale, sorted by (source, target) with source < target. */
export function classifyLinks(graph: AnyGraph, options: Partial<ClassifyOptions> = {}): LinkScale[] {
  const { hierarchy, localWithinKm } = { ...DEFAULTS, ...options };
  const [finest] = hierarchy.levels;
  if (finest === undefined) throw new LinkscaleError("scales/classify", "the place hierarchy has no level");
  const places = new Map<string, Array<string | undefined>>();
  graph.forEachNode((node, attributes) => places.set(node, hierarchy.levels.map((level) => placeAt(level, attributes))));

  const result = graph.mapEdges((_edge, _attributes, a, b, aAttributes, bAttributes): LinkScale => {
    const [source, target] = a < b ? [a, b] : [b, a];
    const here = places.get(a) as Array<string | undefined>;
    const there = places.get(b) as Array<string | undefined>;
    let unknown: string[] = [];
    let known = false;
    for (let i = 0; i < hierarchy.levels.length; i++) {
      const level = hierarchy.levels[i] as (typeof hierarchy.levels)[number];
      const p = here[i];
      const q = there[i];
      if (p === undefined || q === undefined) {
        if (i === 0 && localWithinKm !== undefined && withinKm(aAttributes, bAttributes, localWithinKm)) {
          return { source, target, scale: finest.scale, rule: "distance", unknown: [] };
        }
        unknown.push(level.level);
        continue;
      }
      known = true;
      if (p === q) return { source, target, scale: level.scale, rule: level.level, unknown };
      // Different places here: the finer unknown levels could not have been shared either.
      unknown = [];
    }
    return known || unknown.length === 0
      ? { source, target, scale: hierarchy.beyond, rule: "beyond", unknown }
      : { source, target, scale: UNKNOWN_SCALE, rule: "none", unknown };
  });
  return result.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
}

/** Writes each link's scale to an edge attribute. */
export function assignScales(graph: AnyGraph, options: Partial<ClassifyOptions> = {}): void {
  const { attribute } = { ...DEFAULTS, ...options };
  for (const { source, target, scale } of classifyLinks(graph, options)) graph.setEdgeAttribute(source, target, attribute, scale);
}

function withinKm(a: Record<string, unknown>, b: Record<string, unknown>, km: number): boolean {
  const { lat: la, lon: oa } = a;
  const { lat: lb, lon: ob } = b;
  if (typeof la !== "number" || typeof oa !== "number" || typeof lb !== "number" || typeof ob !== "number") return false;
  return greatCircleKm(la, oa, lb, ob) <= km;
}
