/**
 * The scale of every link: the first level of the place hierarchy at which both ends share a
 * place. A level where either end's place is unknown is skipped: the link is classified at the
 * next level that is known, and flagged `unknown:<level>` when that may have hidden a finer scale
 * (the ends could have shared the unknown place). Places that differ say nothing of the coarser
 * levels, so a link whose ends share no level is `beyond` (transnational) only where both ends'
 * coarsest places are known; otherwise, and where no level is known, it is "unknown", never
 * counted as local or as transnational.
 *
 * Where either end's finest place (the region) is unknown, stand-ins may still make a link local,
 * each named as the link's `rule`: the hierarchy's (the same city, "city", on in the default
 * hierarchy; the same administrative region, "admin1"), then, with `localWithinKm`, ends within
 * that great-circle distance ("distance").
 *
 * A link's class depends only on its ends' places (and, for the distance rule, their
 * coordinates), so organisations are coded by their places once and each pair of codes is
 * classified once (`LinkClasses`). The shares tally classes in one pass over the links;
 * `classifyEdges` writes them into typed arrays for the viewer.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { edgeList, graphIndex, nodeTable, toCsr, type Csr } from "../model/csr.ts";
import { LinkscaleError } from "../errors.ts";
import { greatCircleKm } from "./distance.ts";
import { defaultHierarchy, placeAt, SAME_ADMIN1, SAME_CITY, type PlaceHierarchy, type PlaceLevel, type StandIn } from "./hierarchy.ts";

export const UNKNOWN_SCALE = "unknown";

export interface LinkScale {
  source: string;
  target: string;
  scale: string;
  /** What made it so: the level the ends share, "distance", a stand-in ("city"), "beyond" when they share none, or "none" when that is not known. */
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

/** The most levels a hierarchy may have: there are (L + 3 + stand-ins) · 2^L keys, and tallies keep a cell per key (3,328 for 8 with two stand-ins). */
const MAX_LEVELS = 8;
/** Pairs of signatures looked up in a table only up to this many table cells per link end. */
const TABLE_CELLS_PER_SLOT = 2;
/** A table cell not filled yet: below every key (≥ 0) and every key's complement (≥ −2^12); the WebAssembly kernel (assembly/tally-links.ts) has the same value. */
const UNSET = -0x80000000;

/**
 * Link classes. A link's class is its scale, the rule that made it so and its unknown-level
 * flags, coded as one small integer, the key: rule × 2^L + flags, for L levels. Scale and flags
 * are read back from the key, so a pass over the links can tally keys and leave the per-level
 * flags to be counted once per key rather than once per link.
 *
 * Organisations with the same place at every level (and, under `localWithinKm`, the same "has
 * coordinates") share a signature, and the key of each pair of signatures is kept in a table
 * as pairs are met, when the table stays small beside the links (H2020's 36,000 organisations
 * have 169 signatures). A pair that needs the distance rule is kept as the key's complement,
 * and its two organisations' distance decides.
 */
export class LinkClasses {
  /** Scale names: one per level, then the hierarchy's `beyond`, then "unknown". */
  readonly scales: string[];
  /** Rule names: one per level, then "distance", one per stand-in, "beyond", "none". */
  readonly rules: string[];
  /** Level names, in hierarchy order: bit l of a key's flags is level l. */
  readonly levels: string[];
  /** How many keys there are: keys run from 0 to `keys` − 1. */
  readonly keys: number;
  /** The scale index of each key. */
  readonly scaleOf: Uint8Array;

  /** Each node's signature. */
  readonly signature: Int32Array;
  readonly signatureCount: number;
  #table: Int32Array | undefined;
  private readonly tableCells: number;

  private readonly L: number;
  /** places[signature × L + level]: the signature's place code at each level, −1 when unknown. */
  private readonly places: Int32Array;
  private readonly located: Uint8Array;
  /** keys[signature × S + i]: the signature's code for stand-in i (−1: none), for S stand-ins. */
  private readonly standInKeys: Int32Array;
  private readonly standInRules: string[];
  /** Coordinates, NaN where unknown; read only under `localWithinKm`. */
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly localWithinKm: number | undefined;

  constructor(graph: ReadableGraph, csr: Csr, options: Partial<ClassifyOptions> = {}) {
    const { hierarchy, localWithinKm } = { ...DEFAULTS, ...options };
    const levels = hierarchy.levels;
    const L = levels.length;
    if (L === 0) throw new LinkscaleError("scales/classify", "the place hierarchy has no level");
    if (L > MAX_LEVELS) throw new LinkscaleError("scales/classify", `the place hierarchy has ${L} levels; at most ${MAX_LEVELS} are supported`);
    const n = localWithinKm === undefined ? 0 : csr.nodes.length;
    this.lat = new Float64Array(n).fill(NaN);
    this.lon = new Float64Array(n).fill(NaN);
    if (localWithinKm !== undefined) {
      nodeTable(graph).attributes.forEach((attributes, i) => {
        if (typeof attributes["lat"] === "number" && typeof attributes["lon"] === "number") {
          this.lat[i] = attributes["lat"];
          this.lon[i] = attributes["lon"];
        }
      });
    }
    const standIns = hierarchy.standIns ?? [];
    const { of, places, located, keys } = signatures(graph, levels, standIns, localWithinKm === undefined ? undefined : this.lat);
    this.L = L;
    this.signature = of;
    this.places = places;
    this.located = located;
    this.standInKeys = keys;
    this.standInRules = standIns.map((standIn) => standIn.rule);
    this.localWithinKm = localWithinKm;
    this.signatureCount = located.length;
    const cells = this.signatureCount * this.signatureCount;
    this.tableCells = cells <= TABLE_CELLS_PER_SLOT * csr.targets.length ? cells : 0;

    this.scales = [...levels.map((l) => l.scale), hierarchy.beyond, UNKNOWN_SCALE];
    this.rules = [...levels.map((l) => l.level), "distance", ...this.standInRules, "beyond", "none"];
    this.levels = levels.map((l) => l.level);
    this.keys = this.rules.length << L;
    const scaleOfRule = [...levels.map((_level, l) => l), 0, ...standIns.map(() => 0), L, L + 1];
    this.scaleOf = Uint8Array.from({ length: this.keys }, (_, key) => scaleOfRule[key >> L] as number);
  }

  /**
   * Keys of signature pairs met so far, at s × signatureCount + t (UNSET: not yet); empty when it
   * would be too large. Made at the first link classified: megabytes a caller may never need.
   */
  get table(): Int32Array {
    return (this.#table ??= new Int32Array(this.tableCells).fill(UNSET));
  }

  /** The class key of the link between the CSR's nodes u and v. */
  keyOf(u: number, v: number): number {
    const s = this.signature[u] as number;
    const t = this.signature[v] as number;
    const table = this.table;
    let key: number;
    if (table.length > 0) {
      const cell = s * this.signatureCount + t;
      key = table[cell] as number;
      if (key === UNSET) key = table[cell] = this.pairKey(s, t);
    } else key = this.pairKey(s, t);
    return key >= 0 ? key : this.distanceKey(u, v, key);
  }

  /** Organisations whose place is known at each level, and with a key for each stand-in, by name. */
  knownPlaces(): Record<string, number> {
    const { L, places, signature, standInKeys, standInRules } = this;
    const S = standInRules.length;
    const perSignature = new Float64Array(this.signatureCount);
    for (const s of signature) perSignature[s] = (perSignature[s] as number) + 1;
    const names = [...this.levels, ...standInRules];
    const known = new Float64Array(names.length);
    perSignature.forEach((count, s) => {
      for (let l = 0; l < L; l++) if ((places[s * L + l] as number) >= 0) known[l] = (known[l] as number) + count;
      for (let i = 0; i < S; i++) if ((standInKeys[s * S + i] as number) >= 0) known[L + i] = (known[L + i] as number) + count;
    });
    return Object.fromEntries(names.map((name, i) => [name, known[i] as number]));
  }

  /** The key of a link whose signatures' key is `complement`: the distance rule's, or the one the levels gave. */
  distanceKey(u: number, v: number, complement: number): number {
    const { lat, lon } = this;
    const within = greatCircleKm(lat[u] as number, lon[u] as number, lat[v] as number, lon[v] as number) <= (this.localWithinKm as number);
    return within ? this.L << this.L : ~complement;
  }

  /** The rule of a key. */
  ruleOf(key: number): number {
    return key >> this.L;
  }

  /** The flags of a key: bit l set when level l was unknown and may have hidden a finer scale. */
  flagsOf(key: number): number {
    return key & ((1 << this.L) - 1);
  }

  /** The key of two signatures; its complement when the distance rule must decide. */
  pairKey(s: number, t: number): number {
    const { L, places, located, standInKeys } = this;
    const S = this.standInRules.length;
    const [BEYOND, NONE] = [L + 1 + S, L + 2 + S];
    const regionUnknown = (places[s * L] as number) < 0 || (places[t * L] as number) < 0;
    for (let i = 0; regionUnknown && i < S; i++) {
      const key = standInKeys[s * S + i] as number;
      if (key >= 0 && key === standInKeys[t * S + i]) return (L + 1 + i) << L;
    }
    let unknown = 0;
    let coarsestKnown = false;
    let key = -1;
    for (let l = 0; l < L && key < 0; l++) {
      const p = places[s * L + l] as number;
      const q = places[t * L + l] as number;
      if (p < 0 || q < 0) {
        unknown |= 1 << l;
        continue;
      }
      coarsestKnown = l === L - 1;
      if (p === q) key = (l << L) | unknown;
      else unknown = 0; // different places here: the finer unknown levels could not have been shared
    }
    if (key < 0) key = ((coarsestKnown ? BEYOND : NONE) << L) | unknown;
    // Region unknown for either end, both located: the distance rule may make the link local.
    const byDistance = this.localWithinKm !== undefined && regionUnknown && located[s] === 1 && located[t] === 1;
    return byDistance ? ~key : key;
  }
}

interface Signatures {
  /** Each node's signature. */
  of: Int32Array;
  /** places[signature × L + level]: the signature's place code at each level, −1 when unknown. */
  places: Int32Array;
  /** 1 when the signature's organisations have coordinates (always 0 without `lat`). */
  located: Uint8Array;
  /** keys[signature × S + i]: the signature's code for stand-in i (−1: none). */
  keys: Int32Array;
}

/** Codes each node by its places at every level (and its stand-ins' keys, and whether it has coordinates); cached per graph for attribute levels. */
function signatures(graph: ReadableGraph, levels: readonly PlaceLevel[], standIns: readonly StandIn[], lat: Float64Array | undefined): Signatures {
  const build = (): Signatures => {
    const n = nodeTable(graph).nodes.length;
    const L = levels.length;
    const codes = levels.map((level) => placeCodes(graph, level));
    // Level by level: a node's signature so far, combined with its code at the next level.
    let of = new Int32Array(n);
    let count = 1;
    const combine = (code: (i: number) => number, span: number) => {
      const dense = new Map<number, number>();
      const next = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const combined = (of[i] as number) * span + code(i);
        let s = dense.get(combined);
        if (s === undefined) dense.set(combined, (s = dense.size));
        next[i] = s;
      }
      of = next;
      count = dense.size;
    };
    for (const level of codes) combine((i) => (level[i] as number) + 1, n + 1);
    const standInCodes = standIns.map((standIn) => standInKeyCodes(graph, standIn));
    for (const code of standInCodes) combine((i) => (code[i] as number) + 1, n + 1);
    if (lat !== undefined) combine((i) => (Number.isNaN(lat[i]) ? 0 : 1), 2);
    const S = standIns.length;
    const places = new Int32Array(count * L);
    const located = new Uint8Array(count);
    const keys = new Int32Array(count * S);
    for (let i = 0; i < n; i++) {
      const s = of[i] as number;
      for (let l = 0; l < L; l++) places[s * L + l] = (codes[l] as Int32Array)[i] as number;
      located[s] = lat !== undefined && !Number.isNaN(lat[i]) ? 1 : 0;
      for (let j = 0; j < S; j++) keys[s * S + j] = (standInCodes[j] as Int32Array)[i] as number;
    }
    return { of, places, located, keys };
  };
  const cacheable = levels.every((level) => typeof level.place === "string") && standIns.every((standIn) => BUILT_IN_STAND_INS.includes(standIn));
  const key = `signatures:${levels.map((level) => level.place).join("\u0000")}:${standIns.map((standIn) => standIn.rule).join(",")}:${lat === undefined ? "" : "located"}`;
  return cacheable ? graphIndex(graph, key, build) : build();
}

/** The stand-ins whose keys depend only on node attributes by name, so their codes and signatures may be cached per graph. */
const BUILT_IN_STAND_INS: readonly StandIn[] = [SAME_CITY, SAME_ADMIN1];

/** Each node's code for a stand-in's key (−1: none); cached per graph for the built-in stand-ins. */
function standInKeyCodes(graph: ReadableGraph, standIn: StandIn): Int32Array {
  const build = () => {
    const codes = new Map<string, number>();
    return Int32Array.from(nodeTable(graph).attributes, (attributes) => {
      const key = standIn.key(attributes);
      if (key === undefined) return -1;
      let code = codes.get(key);
      if (code === undefined) codes.set(key, (code = codes.size));
      return code;
    });
  };
  return BUILT_IN_STAND_INS.includes(standIn) ? graphIndex(graph, `standIn:${standIn.rule}`, build) : build();
}

/** Link scales aligned with the CSR's `edgeList`. */
export interface EdgeScales {
  /** Scale names: one per level, then `beyond`, then "unknown". */
  scales: string[];
  /** Rule names: one per level, then "distance", one per stand-in, "beyond", "none". */
  rules: string[];
  scale: Uint8Array;
  rule: Uint8Array;
  /** Bit i set: level i was unknown and may have hidden a finer scale. */
  flags: Uint32Array;
}

export function classifyEdges(graph: ReadableGraph, csr: Csr, options: Partial<ClassifyOptions> = {}): EdgeScales {
  const classes = new LinkClasses(graph, csr, options);
  const { source, target } = edgeList(csr);
  const m = source.length;
  const scale = new Uint8Array(m);
  const rule = new Uint8Array(m);
  const flags = new Uint32Array(m);
  for (let e = 0; e < m; e++) {
    const key = classes.keyOf(source[e] as number, target[e] as number);
    scale[e] = classes.scaleOf[key] as number;
    rule[e] = classes.ruleOf(key);
    flags[e] = classes.flagsOf(key);
  }
  return { scales: classes.scales, rules: classes.rules, scale, rule, flags };
}

/** Each node's place at a level as an integer (−1: unknown); cached per graph for attribute levels. */
function placeCodes(graph: ReadableGraph, level: PlaceLevel): Int32Array {
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
export function classifyLinks(graph: ReadableGraph, options: Partial<ClassifyOptions> = {}): LinkScale[] {
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
