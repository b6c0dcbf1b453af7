/**
 * The triple-helix mutual information (Leydesdorff 2003, "The mutual information of
 * university-industry-government relations", Scientometrics 58(2)): over the projects, whether
 * each helix takes part (U, I, G ∈ {0, 1}); from these distributions the Shannon entropies in
 * bits and
 *     T(UI) = H(U) + H(I) − H(UI),   likewise T(UG), T(IG),
 *     T(UIG) = H(U) + H(I) + H(G) − H(UI) − H(UG) − H(IG) + H(UIG).
 * T(UIG) < 0 signals synergy: the three together reduce uncertainty more than the pairs do.
 * Read from participations, not from the projected graph: which organisations meet in the same
 * project is exactly what the projection forgets.
 *
 * Unknown is never a value. A participant whose type is unknown (`typeOf` gives undefined) might
 * belong to any helix, so a project with one is left out and counted in `excluded`; types that
 * map to no helix (intermediary, other) are known and count as no helix. With no project left,
 * entropies and T are null: not defined, rather than 0.
 * A helix present in every counted project, or in none, has H = 0; then every T that involves it
 * is exactly 0 (each joint entropy with it equals the one without it), which `constant` explains:
 * on such data T says nothing about that helix's relations, only that it does not vary.
 */
import type { Participation } from "../model/participation.ts";
import { DEFAULT_HELICES, HELICES, type HelixMapping } from "./helices.ts";

export interface TripleHelixOptions {
  helices: HelixMapping;
}

export const DEFAULTS: TripleHelixOptions = { helices: DEFAULT_HELICES };

/** The rule that leaves projects out, as named in `excluded.rule`. */
export const UNKNOWN_TYPE_RULE = "a project with any participant of unknown type is left out: which helices take part in it is unknown";

/** U, I, G: the helices by their letters in T(UI) and the like. */
export type HelixLetter = "U" | "I" | "G";

/** A helix that does not vary over the counted projects. */
export type Constancy = "every project" | "no project";

export interface TripleHelixEntropy {
  U: number;
  I: number;
  G: number;
  UI: number;
  UG: number;
  IG: number;
  UIG: number;
}

export interface TripleHelixTransmission {
  UI: number;
  UG: number;
  IG: number;
  UIG: number;
}

export interface TripleHelix {
  /** Counted projects by which helices take part: key "uig" of 0/1, e.g. "101" = university and government. */
  projects: Record<string, number>;
  /** Projects counted: every project less those excluded. */
  counted: number;
  /** Projects left out because a participant's type is unknown, those organisations, and the rule. */
  excluded: { projects: number; organisations: number; rule: string };
  /** Helices present in every counted project or in none (H = 0); empty when none is counted. */
  constant: Partial<Record<HelixLetter, Constancy>>;
  /** Entropies in bits of U, I, G, of each pair and of all three; null when no project is counted. */
  entropy: TripleHelixEntropy | null;
  /** Mutual information in bits; null when no project is counted; exactly 0 where a constant helix enters. */
  T: TripleHelixTransmission | null;
}

/** Shannon entropy in bits of a distribution given by counts. */
function entropy(counts: Iterable<number>): number {
  const values = [...counts];
  const total = values.reduce((s, v) => s + v, 0);
  let h = 0;
  for (const count of values) if (count > 0) h -= (count / total) * Math.log2(count / total);
  return h;
}

/**
 * Project counts per presence pattern of the helices in `bits`, indexed by pattern (0–7), so the
 * entropy sums in one fixed order whatever the order of the input rows (the last bit of a sum
 * depends on its order).
 */
function marginal(projects: ReadonlyMap<number, number>, bits: number): number[] {
  const result = new Array<number>(8).fill(0);
  for (const [pattern, count] of projects) result[pattern & bits] = (result[pattern & bits] as number) + count;
  return result;
}

/** Projects counted by the organisation types taking part in them (no participant of unknown type). */
export interface ProjectTypes {
  types: readonly string[];
  projects: number;
}

export function tripleHelix(
  participations: readonly Participation[],
  typeOf: (org: string) => string | undefined,
  options: Partial<TripleHelixOptions> = {},
): TripleHelix {
  const { helices } = { ...DEFAULTS, ...options };
  const patternOf = new Map<string, number>();
  const unknownProjects = new Set<string>();
  const unknownOrganisations = new Set<string>();
  for (const { project, org } of participations) {
    const type = typeOf(org);
    if (type === undefined) {
      unknownProjects.add(project);
      unknownOrganisations.add(org);
      continue;
    }
    patternOf.set(project, (patternOf.get(project) ?? 0) | helixBit(helices, type));
  }
  const projects = new Map<number, number>();
  for (const [project, pattern] of patternOf) if (!unknownProjects.has(project)) projects.set(pattern, (projects.get(pattern) ?? 0) + 1);
  return fromPatterns(projects, { projects: unknownProjects.size, organisations: unknownOrganisations.size });
}

/**
 * The same from projects counted by their participants' types, as an engine that keeps the
 * participations (linkscale's DuckDB engine) tallies them: T depends on nothing else.
 * `excluded`: the projects with a participant of unknown type, and those organisations.
 */
export function tripleHelixOfTypes(
  compositions: readonly ProjectTypes[],
  excluded: { projects: number; organisations: number },
  options: Partial<TripleHelixOptions> = {},
): TripleHelix {
  const { helices } = { ...DEFAULTS, ...options };
  const projects = new Map<number, number>();
  for (const { types, projects: count } of compositions) {
    const pattern = types.reduce((bits, type) => bits | helixBit(helices, type), 0);
    projects.set(pattern, (projects.get(pattern) ?? 0) + count);
  }
  return fromPatterns(projects, excluded);
}

/** U = 4, I = 2, G = 1; a type of no helix, 0. */
function helixBit(helices: HelixMapping, type: string): number {
  const helix = helices[type];
  return helix === undefined ? 0 : 1 << (2 - HELICES.indexOf(helix));
}

function fromPatterns(projects: ReadonlyMap<number, number>, unknown: { projects: number; organisations: number }): TripleHelix {
  const counted = [...projects.values()].reduce((s, n) => s + n, 0);
  const table: Record<string, number> = {};
  for (let pattern = 7; pattern >= 0; pattern--) table[pattern.toString(2).padStart(3, "0")] = projects.get(pattern) ?? 0;

  const letters: Array<[HelixLetter, number]> = [
    ["U", 4],
    ["I", 2],
    ["G", 1],
  ];
  const constant: Partial<Record<HelixLetter, Constancy>> = {};
  if (counted > 0) {
    for (const [letter, bit] of letters) {
      const present = [...projects].reduce((s, [pattern, n]) => s + (pattern & bit ? n : 0), 0);
      if (present === counted) constant[letter] = "every project";
      else if (present === 0) constant[letter] = "no project";
    }
  }
  const excluded = { ...unknown, rule: UNKNOWN_TYPE_RULE };
  if (counted === 0) return { projects: table, counted, excluded, constant, entropy: null, T: null };

  const [U, I, G] = [4, 2, 1];
  const H = (bits: number) => entropy(marginal(projects, bits));
  const h = { U: H(U), I: H(I), G: H(G), UI: H(U | I), UG: H(U | G), IG: H(I | G), UIG: H(U | I | G) };
  // Where a constant helix enters, T is 0 by construction; the sum of entropies would leave a
  // rounding residue (1e-16 on semiconductor-ev's T(UIG)) that reads like a tiny synergy.
  const varies = (...involved: HelixLetter[]) => involved.every((letter) => constant[letter] === undefined);
  return {
    projects: table,
    counted,
    excluded,
    constant,
    entropy: h,
    T: {
      UI: varies("U", "I") ? h.U + h.I - h.UI : 0,
      UG: varies("U", "G") ? h.U + h.G - h.UG : 0,
      IG: varies("I", "G") ? h.I + h.G - h.IG : 0,
      UIG: varies("U", "I", "G") ? h.U + h.I + h.G - h.UI - h.UG - h.IG + h.UIG : 0,
    },
  };
}

const PARTICIPANT: Readonly<Record<HelixLetter, string>> = { U: "a university", I: "industry", G: "government" };

/** A constant helix in words, for reports: "every project has a university: H(U) = 0". */
export function describeConstant(letter: HelixLetter, constancy: Constancy): string {
  return `${constancy === "every project" ? "every" : "no"} project has ${PARTICIPANT[letter]}: H(${letter}) = 0`;
}
