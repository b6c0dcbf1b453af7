/**
 * The readable summary `analyze` prints on stdout: counts, scale shares, openness per group, the
 * top organisations by each centrality, the communities and their make-up, the gatekeepers. Every
 * number comes from the report; nothing is computed here.
 */
import { describeConstant, ROLES, UNKNOWN_SCALE, type ReadableGraph, type Constancy, type HelixLetter, type Role } from "@linkscale/core";
import { highestEntries } from "./organisation-tables.ts";
import type { Report } from "./report.ts";
import { briefWhy, describeWindowing, tripleHelixText, UNDEFINED_LEGEND } from "./stages.ts";

const TOP = 5;

/** sna's role codes, as Gould & Fernandez name them. */
const ROLE_NAMES: Record<Role, string> = {
  w_I: "coordinator",
  w_O: "itinerant",
  b_IO: "representative",
  b_OI: "gatekeeper",
  b_O: "liaison",
  t: "total",
};

export function formatAnalysis(report: Report, graph: ReadableGraph): string {
  const { results } = report;
  const name = (id: string) => {
    const value = graph.hasNode(id) ? graph.getNodeAttribute(id, "name") : undefined;
    return typeof value === "string" && value !== "" ? `${value} (${id})` : id;
  };
  const out: string[] = [];
  const heading = (title: string) => out.push("", title, "-".repeat(title.length));

  const counts = results.counts;
  if (counts) {
    heading("Network");
    out.push(
      `${counts.organisations} organisations, ${counts.links} links, ${counts.isolated} isolated; density ${fixed(counts.density, 5)}; ` +
        `${counts.components} components (largest ${counts.largestComponent})`,
    );
    if (counts.years) out.push(`links from ${counts.years.first} to ${counts.years.last}`);
    const types = Object.entries(counts.byType).map(([type, n]) => `${type} ${n}`);
    out.push(`by type: ${[...types, ...(counts.withoutType > 0 ? [`without a type ${counts.withoutType}`] : [])].join(", ")}`);
    if (counts.withoutCountry > 0) out.push(`without a country: ${counts.withoutCountry}`);
  }

  const scales = results.scales;
  if (scales) {
    heading("Scale of links (share of links / of weight)");
    // Links whose scale the data cannot decide are a column only when there are any, and named as such.
    const shown = scales.scales.filter((s) => s !== UNKNOWN_SCALE || (scales.network.counts[s] ?? 0) > 0);
    const rows = [["", ...shown.map((s) => (s === UNKNOWN_SCALE ? "n/a (country unknown at an end)" : s))]];
    const row = (label: string, shares: { countShares: Record<string, number>; weightShares: Record<string, number> }) =>
      rows.push([label, ...shown.map((s) => `${percent(shares.countShares[s])} / ${percent(shares.weightShares[s])}`)]);
    row("network", scales.network);
    for (const [year, shares] of Object.entries(scales.byYear)) row(year === "unknown" ? "no year" : year, shares);
    out.push(...table(rows));
    out.push(`by year: a link counts in ${scales.yearRule}`);
    const known = Object.entries(scales.knownPlaces).map(([level, n]) => `${level} ${n}`);
    out.push(`places known (organisations): ${known.join(", ")} of ${results.counts?.organisations ?? "?"}`);
    out.push("how each scale was decided (links):");
    out.push(...table(scales.rules.map(({ scale, rule, description, links }) => [`  ${scale}`, rule, String(links), description])));
    const decay = scales.distanceDecay;
    if (decay.measured > 0) {
      const { tail } = decay;
      out.push(
        `distance: ${decay.measured} links measured, median ${fixed(decay.medianKm, 1)} km; ` +
          (tail
            ? `tail slope ${fixed(tail.slope, 3)} from ${fixed(tail.fromKm, 0)} to ${fixed(tail.toKm, 0)} km (${tail.bins} bins, R² ${fixed(tail.rSquared, 3)}; ${tail.rule})`
            : "tail slope n/a (too few distance bins past the mode)"),
      );
    }
  }

  for (const [groupBy, openness] of Object.entries(results.openness ?? {})) {
    heading(`Openness by ${groupBy} (Krackhardt & Stern E-I, counted)`);
    const test = openness.permutation;
    out.push(
      `network E-I ${orWhy(openness.ei.network.counted.EI, 4, "no links between organisations with a " + groupBy)}` +
        (test === null
          ? ""
          : test.network.counted.permutations === 0
            ? `; under random ${groupBy} labels n/a (no shuffle gave a defined E-I)`
            : `; under random ${groupBy} labels ${fixed(test.network.counted.expected, 4)} ± ${fixed(test.network.counted.sd, 4)}, p(lower) ${fixed(test.network.counted.pLower, 4)}`),
    );
    const left = openness.ei.excluded;
    if (left.organisations > 0) out.push(`left out: ${plural(left.organisations, "organisation")} without a ${groupBy} and ${plural(left.links, "link")} (${left.rule})`);
    const groups = Object.entries(openness.ei.byGroup).sort(([, a], [, b]) => b.counted.E + b.counted.I - (a.counted.E + a.counted.I)).slice(0, TOP * 2);
    const rows = [[groupBy, "E", "I", "E-I", "gatekeepers (half of external weight)"]];
    for (const [group, { counted }] of groups) {
      const core = openness.gatekeepers[group]?.core ?? [];
      rows.push([group, String(counted.E), String(counted.I), orWhy(counted.EI, 3, "no links"), `${core.slice(0, 3).map(name).join("; ")}${core.length > 3 ? ` +${core.length - 3}` : ""}`]);
    }
    out.push(...table(rows));
  }

  const centrality = results.centrality;
  if (centrality) {
    heading(`Top organisations by centrality (betweenness ${centrality.betweenness.method})`);
    for (const [measure, values] of Object.entries(centrality.measures)) {
      const top = highestEntries(values, TOP);
      out.push(`${measure}: ${top.map(([id, value]) => `${name(id)} ${Number.isInteger(value) ? value : fixed(value, 4)}`).join("; ")}`);
    }
    out.push(`transitivity ${fixed(centrality.transitivity, 4)}`);
  }

  const communities = results.communities;
  if (communities) {
    heading(`Communities (${communities.algorithm}, seed ${communities.seed}): ${communities.count}, modularity ${fixed(communities.modularity, 4)}`);
    const rows = [["community", "size", "types", "countries"]];
    for (const c of communities.summary.slice(0, TOP * 2)) {
      const shares = (values: ReadonlyArray<{ value: string; share: number }>, what: string) => (values.length === 0 ? `none with a ${what}` : values.map((s) => `${s.value} ${percent(s.share)}`).join(", "));
      rows.push([c.community, String(c.size), shares(c.types, "type"), shares(c.countries, "country")]);
    }
    out.push(...table(rows));
  }

  const brokerage = results.brokerage;
  if (brokerage) {
    for (const [groupBy, roles] of Object.entries(brokerage.roles)) {
      heading(`Brokerage roles across ${groupBy} (Gould & Fernandez): network count, z-score`);
      out.push(ROLES.map((role) => `${ROLE_NAMES[role]} ${roles.network.raw[role]} (z ${orWhy(roles.network.z[role], 2, "zero variance")})`).join("; "));
      if (roles.excluded.organisations > 0) out.push(`left out: ${plural(roles.excluded.organisations, "organisation")} without a ${groupBy} and ${plural(roles.excluded.links, "link")}`);
    }
  }

  const helix = results.tripleHelix;
  if (helix) {
    heading("Triple helix");
    const information = helix.mutualInformation;
    if (information) {
      const { T, constant, counted, excluded } = information;
      const why = counted > 0 ? "" : excluded.projects > 0 ? "no project left to count: each has a participant of unknown type" : "no projects";
      /** A T in bits; exactly 0 where a helix never varies; n/a with why where nothing was counted. */
      const bits = (letters: readonly HelixLetter[], value: number | undefined) =>
        value === undefined ? `n/a (${why})` : letters.some((letter) => constant[letter] !== undefined) ? "0" : fixed(value, 4);
      out.push(`over ${counted} projects: T(UIG) ${bits(["U", "I", "G"], T?.UIG)} bits; T(UI) ${bits(["U", "I"], T?.UI)}, T(UG) ${bits(["U", "G"], T?.UG)}, T(IG) ${bits(["I", "G"], T?.IG)}`);
      for (const [letter, constancy] of Object.entries(constant) as Array<[HelixLetter, Constancy]>) {
        const entered = ["UIG", "UI", "UG", "IG"].filter((pair) => pair.includes(letter)).map((pair) => `T(${pair})`);
        out.push(`${describeConstant(letter, constancy)}, so ${entered.join(", ")} are 0 by construction and say nothing of how it relates to the others`);
      }
      if (excluded.projects > 0) out.push(`left out: ${excluded.projects} projects (${excluded.rule})`);
    }
    out.push(`type assortativity ${orWhy(helix.assortativity, 4, "undefined: organisations of one type only, or no typed links")}`);
  }

  const clusters = results.clusters;
  if (clusters) {
    if (clusters.grouping === null) {
      heading("Clusters");
      out.push(`n/a (${clusters.why})`);
    } else {
      const { grouping, geographic, excluded } = clusters;
      heading(`Clusters by ${grouping.by}${grouping.chosen === null ? "" : ` (chosen: ${grouping.chosen})`}`);
      out.push(`rule: ${grouping.rule}`);
      const names = Object.keys(clusters.clusters);
      out.push(`${plural(names.length, "cluster")}, ${plural(clusters.links.length, "link")} between them`);
      if (excluded.organisations > 0) {
        const why = geographic === null ? "" : ` (${geographic.noise} noise, ${geographic.withoutCoordinates} without coordinates, ${geographic.sharedPoint} at a point shared by several cities)`;
        out.push(`left out: ${plural(excluded.organisations, "organisation")}${why} and ${plural(excluded.links, "link")}: ${excluded.rule}`);
      }
      const partners = new Map<string, Array<[string, number]>>();
      for (const link of clusters.links) {
        partners.set(link.source, [...(partners.get(link.source) ?? []), [link.target, link.weight]]);
        partners.set(link.target, [...(partners.get(link.target) ?? []), [link.source, link.weight]]);
      }
      const rows = [["cluster", "members", "internal", "density", "E-I (weight)", "strongest partners (weight)"]];
      const largest = names.sort((a, b) => (clusters.clusters[b]?.members ?? 0) - (clusters.clusters[a]?.members ?? 0) || (a < b ? -1 : 1)).slice(0, TOP * 2);
      for (const cluster of largest) {
        const c = clusters.clusters[cluster];
        if (c === undefined) continue;
        const top = (partners.get(cluster) ?? []).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 3);
        rows.push([
          cluster,
          String(c.members),
          String(c.internalLinks),
          orWhy(c.density, 3, "one member"),
          orWhy(c.openness.weighted.EI, 3, "no links"),
          top.length === 0 ? "none" : top.map(([partner, weight]) => `${partner} ${number(weight)}`).join("; "),
        ]);
      }
      out.push(...table(rows));
      out.push("strongest links between clusters (links, weight; scales by the place rules; carried by, share of the weight on each side):");
      const strongest = [...clusters.links].sort((a, b) => b.weight - a.weight || b.links - a.links).slice(0, TOP);
      for (const link of strongest) {
        const scaleShares = Object.entries(link.scales).map(([scale, { links }]) => `${scale} ${percent(links / link.links)}`).join(", ");
        const side = (carriers: ReadonlyArray<{ organisation: string; share: number }>) => carriers.slice(0, 2).map((c) => `${name(c.organisation)} ${percent(c.share)}`).join(", ");
        out.push(`  ${link.source} – ${link.target}: ${link.links} links, weight ${number(link.weight)}; ${scaleShares}; ${side(link.carriers.source)} | ${side(link.carriers.target)}`);
      }
      out.push(`communities of clusters (${clusters.communities.algorithm}, seed ${clusters.communities.seed}): ${clusters.communities.count}, modularity ${orWhy(clusters.communities.modularity, 4, "no links")}`);
    }
  }

  const stages = results.stages;
  if (stages) {
    if (stages.windowing === null) {
      heading("Stages");
      out.push(`n/a (${stages.why})`);
    } else {
      heading(`Stages: ${describeWindowing(stages.windowing)}`);
      out.push(...Object.values(stages.rules).map((rule) => `rule: ${rule}`));
      const undated = "links" in stages.withoutYear ? plural(stages.withoutYear.links, "link") : `${plural(stages.withoutYear.projects, "project")} (${plural(stages.withoutYear.participations, "participation")})`;
      out.push(`in no window: ${undated} without a year`);
      out.push(
        ...table([
          ["window", "projects", "organisations", "links", "density", "components", "largest", "transitivity", "communities", "modularity"],
          ...stages.windows.map((w) => [
            w.name,
            w.projects === null ? "n/a" : String(w.projects),
            String(w.organisations),
            String(w.links),
            orWhy(w.density, 4, "under 2 organisations"),
            String(w.components),
            w.largestComponentShare === null ? "n/a (empty)" : percent(w.largestComponentShare),
            w.links > 0 ? fixed(w.transitivity, 3) : "n/a (no links)",
            String(w.communities),
            orWhy(w.modularity, 3, "no links"),
          ]),
        ]),
      );
      const scaleNames = [...new Set(stages.windows.flatMap((w) => Object.keys(w.scales?.countShares ?? {})))];
      const attributes = Object.keys(stages.windows[0]?.openness ?? {});
      out.push("per window: share of links at each scale; E-I (counted) by group attribute, with the permutation test's p-values (p↓: as low or lower by chance; p↑: as high or higher); T(UIG) in bits:");
      out.push(
        ...table([
          ["window", ...scaleNames, ...attributes.map((a) => `E-I ${a}`), "T(UIG)"],
          ...stages.windows.map((w) => [
            w.name,
            ...scaleNames.map((scale) => (w.scales === null ? "n/a (no links)" : percent(w.scales.countShares[scale] ?? 0))),
            ...attributes.map((a) => {
              const o = w.openness[a];
              return o === undefined || o.counted === null ? "n/a (no link with both ends known)" : `${o.counted.toFixed(3)}${o.pLower === null || o.pUpper === null ? "" : ` (p↓ ${o.pLower.toFixed(3)}, p↑ ${o.pUpper.toFixed(3)})`}`;
            }),
            tripleHelixText(w.tripleHelix),
          ]),
        ]),
      );
      const attribute = attributes[0];
      if (attribute !== undefined) {
        const clustering = stages.clusters.by === null ? `no cluster network (${stages.clusters.why})` : `the cluster network by ${stages.clusters.by}`;
        out.push(`per window: ${clustering}; the leading gatekeeper (most weight to other groups by ${attribute}) and broker (Gould & Fernandez, all roles, by ${attribute}):`);
        out.push(
          ...table([
            ["window", "clusters", "cluster links", "gatekeeper", "broker"],
            ...stages.windows.map((w) => {
              const [gatekeeper] = w.gatekeepers;
              const [broker] = w.brokers;
              return [
                w.name,
                w.clusters === null ? "n/a" : String(w.clusters.clusters),
                w.clusters === null ? "n/a" : String(w.clusters.links),
                gatekeeper === undefined ? "none" : `${name(gatekeeper.organisation)}, ${gatekeeper.group} ${percent(gatekeeper.share)}`,
                broker === undefined ? "none" : `${name(broker.organisation)} ${broker.brokerage}`,
              ];
            }),
          ]),
        );
      }
      if (stages.changes.length > 0) {
        out.push(
          "from one window to the next: organisations and links entering / staying / leaving; tie persistence (Jaccard); rank stability (Spearman) of degree, strength, PageRank; " +
            `community continuity (NMI, splits, merges); ${UNDEFINED_LEGEND}`,
        );
        out.push(
          ...table([
            ["change", "organisations", "links", "persistence", "degree", "strength", "pagerank", "NMI", "splits", "merges"],
            ...stages.changes.map((c) => [
              `${c.from} → ${c.to}`,
              `+${c.organisations.entered} =${c.organisations.stayed} −${c.organisations.left}`,
              `+${c.links.entered} =${c.links.stayed} −${c.links.left}`,
              orWhy(c.persistence, 3, "no links"),
              ...(["degree", "strength", "pagerank"] as const).map((m) => orWhy(c.rankStability[m].spearman, 3, briefWhy(c.rankStability[m].undefinedBecause))),
              orWhy(c.continuity.nmi, 3, briefWhy(c.continuity.undefinedBecause)),
              String(c.continuity.splits.length),
              String(c.continuity.merges.length),
            ]),
          ]),
        );
      }
    }
  }

  for (const note of report.notes) out.push(`note: ${note}`);
  return out.join("\n").trimStart() + "\n";
}


function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A number, or "n/a (why)" where it is not defined. */
function orWhy(value: number | null | undefined, digits: number, why: string): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : `n/a (${why})`;
}

/** A weight: whole where it is whole (full counting), else to three decimals (fractional). */
function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function fixed(value: number | null | undefined, digits: number): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

function percent(value: number | undefined): string {
  return typeof value === "number" ? `${(value * 100).toFixed(1)}%` : "n/a";
}

/** Rows as aligned columns. */
function table(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_cell, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join("  ").trimEnd());
}
