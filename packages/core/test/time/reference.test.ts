// Stages of the bundled datasets against datasets/<name>/reference/stages.json, written by
// datasets/reference/stages.py (NetworkX, scipy's spearmanr, scikit-learn's
// normalized_mutual_info_score) from the CSV files: counts exactly, the rest to 1e-9. Community
// continuity is compared on connected components (the reference's partition), the function
// stages() applies to Louvain communities. Each window's scale shares and E-I by country come
// from scales.py's functions (default variant: region -> country, same city on, which is the
// default `places: {}`), its triple helix from triple_helix.py's; no permutation test. Its
// brokers (Gould & Fernandez total by country, the reference's own count, checked there against R
// sna on the whole network), gatekeepers by country and cluster network by country in brief are
// stages.py's own: ids and counts exactly, external weights and shares to 1e-9. Rank stability of
// degree, strength and PageRank (NetworkX's pagerank, alpha 0.85, weighted, tol 1e-13, values
// rounded to 12 significant digits before spearmanr, as rankStability ties them) for every change
// of every windowing: organisations exactly, spearman to 1e-9.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { connectedComponents } from "../../src/communities/components.ts";
import { communityContinuity } from "../../src/time/community-continuity.ts";
import { stages } from "../../src/time/stages.ts";
import { windowNetwork } from "../../src/time/window-network.ts";
import { projectYears, windowsOf, type Windowing } from "../../src/time/windows.ts";
import { datasetFolder, tablesIn } from "../bundled.ts";

type Counts = { entered: number; stayed: number; left: number };
interface ReferenceWindow {
  name: string;
  from: number;
  to: number;
  projects: number;
  organisations: number;
  links: number;
  weight: number;
  density: number | null;
  components: number;
  largestComponentShare: number | null;
  transitivity: number;
  scales: { countShares: Record<string, number>; weightShares: Record<string, number> } | null;
  openness: { country: { counted: number | null; weighted: number | null; excludedLinks: number } };
  tripleHelix: { counted: number; T: Record<"UI" | "UG" | "IG" | "UIG", number> | null; constant: Record<string, string> };
  brokers: { organisation: string; brokerage: number }[];
  gatekeepers: { organisation: string; group: string; externalWeight: number; share: number }[];
  clusters: { clusters: number; links: number; internalLinks: number; externalLinks: number; excludedOrganisations: number };
}
interface ReferenceChange {
  from: string;
  to: string;
  organisations: Counts;
  links: Counts;
  persistence: number | null;
  rankStability: Record<"degree" | "strength" | "pagerank", { organisations: number; spearman: number | null }>;
  continuity: { nmi: number | null; matched: number; new: number; ended: number; splits: number; merges: number };
}
interface Reference {
  projectsWithoutYear: number;
  participationsWithoutYear: number;
  span: { from: number; to: number } | null;
  windowings: Record<"yearly" | "cumulative" | "rolling", { windows: ReferenceWindow[]; changes: ReferenceChange[] }>;
}

const WINDOWINGS: Record<keyof Reference["windowings"], Windowing> = {
  yearly: { kind: "yearly" },
  cumulative: { kind: "cumulative" },
  rolling: { kind: "rolling", width: 3, step: 1 },
};

const close = (actual: number | null, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9);
};

describe.each(["semiconductor-ev", "h2020-health", "h2020-eastasia"])("stages of %s", (name) => {
  const folder = datasetFolder(name);
  const reference = JSON.parse(readFileSync(`${folder}reference/stages.json`, "utf8")) as Reference;
  const tables = tablesIn(folder);

  it.each(Object.keys(WINDOWINGS) as (keyof Reference["windowings"])[])("equals the reference, windows %s", (windowing) => {
    const result = stages(tables, { windowing: WINDOWINGS[windowing], clusterBy: "country" });
    const expected = reference.windowings[windowing];
    expect(result.span).toEqual(reference.span);
    expect(result.withoutYear).toEqual({ projects: reference.projectsWithoutYear, participations: reference.participationsWithoutYear });
    expect(result.windows.length).toBe(expected.windows.length);
    result.windows.forEach((window, i) => {
      const { density, largestComponentShare, transitivity, scales, openness, tripleHelix, brokers, gatekeepers, clusters, ...counts } = expected.windows[i] as ReferenceWindow;
      expect(window).toMatchObject(counts);
      close(window.density, density);
      close(window.largestComponentShare, largestComponentShare);
      close(window.transitivity, transitivity);
      const country = window.openness["country"];
      expect(country?.excludedLinks, `${window.name} openness excluded`).toBe(openness.country.excludedLinks);
      close(country?.counted ?? null, openness.country.counted);
      close(country?.weighted ?? null, openness.country.weighted);
      if (scales === null) expect(window.scales, window.name).toBeNull();
      else {
        for (const kind of ["countShares", "weightShares"] as const) {
          expect(Object.keys(window.scales?.[kind] ?? {}).sort(), `${window.name} ${kind}`).toEqual(Object.keys(scales[kind]).sort());
          for (const [scale, share] of Object.entries(scales[kind])) close(window.scales?.[kind][scale] ?? null, share);
        }
      }
      expect(window.tripleHelix?.counted, `${window.name} triple helix counted`).toBe(tripleHelix.counted);
      expect(window.tripleHelix?.constant, `${window.name} constant helices`).toEqual(tripleHelix.constant);
      if (tripleHelix.T === null) expect(window.tripleHelix?.T, window.name).toBeNull();
      else for (const key of ["UI", "UG", "IG", "UIG"] as const) close(window.tripleHelix?.T?.[key] ?? null, tripleHelix.T[key]);
      expect(window.brokers, `${window.name} brokers`).toEqual(brokers);
      expect(
        window.gatekeepers.map(({ organisation, group }) => ({ organisation, group })),
        `${window.name} gatekeepers`,
      ).toEqual(gatekeepers.map(({ organisation, group }) => ({ organisation, group })));
      gatekeepers.forEach((gatekeeper, g) => {
        close(window.gatekeepers[g]?.externalWeight ?? null, gatekeeper.externalWeight);
        close(window.gatekeepers[g]?.share ?? null, gatekeeper.share);
      });
      expect(window.clusters, `${window.name} clusters`).toEqual(clusters);
    });
    expect(result.changes.length).toBe(expected.changes.length);
    result.changes.forEach((change, i) => {
      const { from, to, organisations, links, persistence, rankStability } = expected.changes[i] as ReferenceChange;
      expect({ from: change.from, to: change.to, organisations: change.organisations, links: change.links }).toEqual({ from, to, organisations, links });
      close(change.persistence, persistence);
      for (const measure of ["degree", "strength", "pagerank"] as const) {
        expect(change.rankStability[measure].organisations, `${change.from}→${change.to} ${measure}`).toBe(rankStability[measure].organisations);
        if (rankStability[measure].spearman === null) expect(change.rankStability[measure].spearman, `${change.from}→${change.to} ${measure}`).toBeNull();
        else expect(Math.abs((change.rankStability[measure].spearman as number) - rankStability[measure].spearman), `${change.from}→${change.to} ${measure}`).toBeLessThanOrEqual(1e-9);
      }
    });
  });

  it("continues components as the reference does, from each yearly window to the next", () => {
    const years = projectYears(tables.participations);
    const components = windowsOf({ kind: "yearly" }, reference.span as { from: number; to: number }).map(
      (window) => connectedComponents(windowNetwork(tables.participations, tables.organisations, window, years).graph).components,
    );
    reference.windowings.yearly.changes.forEach((expected, i) => {
      const continuity = communityContinuity(components[i] as Record<string, number>, components[i + 1] as Record<string, number>);
      const { nmi, ...counts } = expected.continuity;
      expect({ matched: continuity.matched, new: continuity.new, ended: continuity.ended, splits: continuity.splits.length, merges: continuity.merges.length }, `${expected.from}→${expected.to}`).toEqual({
        matched: counts.matched,
        new: counts.new,
        ended: counts.ended,
        splits: counts.splits,
        merges: counts.merges,
      });
      close(continuity.nmi, nmi);
    });
  });
});
