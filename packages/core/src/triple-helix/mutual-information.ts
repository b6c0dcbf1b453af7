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
 */
import type { Participation } from "../model/participation.ts";
import { DEFAULT_HELICES, HELICES, type HelixMapping } from "./helices.ts";

export interface TripleHelixOptions {
  helices: HelixMapping;
}

export const DEFAULTS: TripleHelixOptions = { helices: DEFAULT_HELICES };

export interface TripleHelix {
  /** Projects by which helices take part: key "uig" of 0/1, e.g. "101" = university and government. */
  projects: Record<string, number>;
  /** Entropies in bits of U, I, G, of each pair and of all three. */
  entropy: { U: number; I: number; G: number; UI: number; UG: number; IG: number; UIG: number };
  /** Mutual information in bits. */
  T: { UI: number; UG: number; IG: number; UIG: number };
}

/** Shannon entropy in bits of a distribution given by counts. */
function entropy(counts: Iterable<number>): number {
  const values = [...counts];
  const total = values.reduce((s, v) => s + v, 0);
  let h = 0;
  for (const count of values) if (count > 0) h -= (count / total) * Math.log2(count / total);
  return h;
}

/** Project counts per presence pattern, as a mapping to `entropy`. */
function marginal(projects: ReadonlyMap<number, number>, bits: number): Map<number, number> {
  const result = new Map<number, number>();
  for (const [pattern, count] of projects) result.set(pattern & bits, (result.get(pattern & bits) ?? 0) + count);
  return result;
}

export function tripleHelix(
  participations: readonly Participation[],
  typeOf: (org: string) => string | undefined,
  options: Partial<TripleHelixOptions> = {},
): TripleHelix {
  const { helices } = { ...DEFAULTS, ...options };
  const patternOf = new Map<string, number>();
  for (const { project, org } of participations) {
    const type = typeOf(org);
    const helix = type === undefined ? undefined : helices[type];
    const bit = helix === undefined ? 0 : 1 << (2 - HELICES.indexOf(helix)); // U = 4, I = 2, G = 1
    patternOf.set(project, (patternOf.get(project) ?? 0) | bit);
  }
  const projects = new Map<number, number>();
  for (const pattern of patternOf.values()) projects.set(pattern, (projects.get(pattern) ?? 0) + 1);
  const [U, I, G] = [4, 2, 1];
  const H = (bits: number) => entropy(marginal(projects, bits).values());
  const h = { U: H(U), I: H(I), G: H(G), UI: H(U | I), UG: H(U | G), IG: H(I | G), UIG: H(U | I | G) };
  const table: Record<string, number> = {};
  for (let pattern = 7; pattern >= 0; pattern--) table[pattern.toString(2).padStart(3, "0")] = projects.get(pattern) ?? 0;
  return {
    projects: table,
    entropy: h,
    T: {
      UI: h.U + h.I - h.UI,
      UG: h.U + h.G - h.UG,
      IG: h.I + h.G - h.IG,
      UIG: h.U + h.I + h.G - h.UI - h.UG - h.IG + h.UIG,
    },
  };
}
