/**
 * A group × group link matrix as a heat map (a mixing matrix: countries, sectors), shared by the
 * openness and triple-helix sections. Only the groups with the most links are drawn, so 150
 * countries give a readable 25 × 25 grid rather than 22,500 cells; the colour scale is
 * logarithmic because a country's internal links outnumber its rarest partnerships a thousandfold.
 * `ratioHeatMap` draws a permutation test's matrix instead: observed over expected links, on a
 * diverging log scale centred on 1 (as many links as random groups would give).
 */
import type { TopLevelSpec } from "vega-lite";

export interface Mixing {
  groups: readonly string[];
  counted: Record<string, Record<string, number>>;
}

export interface HeatMap {
  spec: TopLevelSpec;
  /** The groups drawn, most links first. */
  shown: string[];
  /** Links of each group (internal ones once), for the caption and tables. */
  links: Map<string, number>;
  total: number;
}

/** Groups by their links, most first (ties by name). */
export function groupLinks(mixing: Mixing): Map<string, number> {
  const links = new Map<string, number>();
  for (const group of mixing.groups) {
    links.set(group, Object.values(mixing.counted[group] ?? {}).reduce((sum, n) => sum + n, 0));
  }
  return new Map([...links].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

export function heatMap(mixing: Mixing, options: { top: number; groupLabel: string; description: string }): HeatMap {
  const links = groupLinks(mixing);
  const shown = [...links.keys()].slice(0, options.top);
  const cells = shown.flatMap((row) =>
    shown.flatMap((column) => {
      const n = mixing.counted[row]?.[column] ?? 0;
      return n > 0 ? [{ row, column, links: n }] : [];
    }),
  );
  // Diagonal totals count internal links once; every link is in exactly one cell of the upper half.
  const total = mixing.groups.reduce((sum, a) => sum + mixing.groups.reduce((s, b) => s + (a <= b ? (mixing.counted[a]?.[b] ?? 0) : 0), 0), 0);
  const most = Math.max(10, cells.reduce((m, cell) => Math.max(m, cell.links), 1));
  const short = shown.every((group) => group.length <= 4);
  const step = shown.length <= 8 ? 44 : shown.length <= 15 ? 26 : 19;
  const axis = { title: options.groupLabel, labelLimit: 140, domain: false, ticks: false };
  const spec: TopLevelSpec = {
    description: options.description,
    data: { values: cells },
    width: { step },
    height: { step },
    encoding: {
      x: { field: "column", type: "nominal", sort: shown, scale: { domain: shown }, axis: { ...axis, orient: "top", labelAngle: short ? 0 : -40 } },
      y: { field: "row", type: "nominal", sort: shown, scale: { domain: shown }, axis },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 0.5 },
        encoding: {
          color: {
            field: "links",
            type: "quantitative",
            title: "links",
            scale: { type: "log", scheme: "blues", domain: [1, most] },
            legend: { orient: "right", direction: "vertical", gradientLength: Math.min(200, step * shown.length) },
          },
        },
      },
      // Counts in the cells while they fit; the text turns white where the blue gets dark.
      ...(step >= 26
        ? [
            {
              mark: { type: "text" as const, fontSize: 10 },
              encoding: {
                text: { field: "links", type: "quantitative" as const, format: ",d" },
                color: { condition: { test: `datum.links > ${most ** 0.6}`, value: "white" }, value: "#222" },
              },
            },
          ]
        : []),
    ],
  };
  return { spec, shown, links, total };
}

export interface PairTest {
  observed: number;
  expected: number;
}

/** Observed / expected links per pair of groups; `tests` holds each unordered pair once. */
export function ratioHeatMap(tests: Record<string, Record<string, PairTest>>, groups: readonly string[], options: { groupLabel: string; description: string }): TopLevelSpec {
  const cell = (a: string, b: string) => tests[a]?.[b] ?? tests[b]?.[a];
  const cells = groups.flatMap((row) =>
    groups.flatMap((column) => {
      const test = cell(row, column);
      if (!test || test.expected <= 0) return [];
      const ratio = test.observed / test.expected;
      // Clamped for the colour, so a pair with no links at all is the deepest red, not a hole.
      return [{ row, column, ratio, colour: Math.min(4, Math.max(0.25, ratio)) }];
    }),
  );
  const step = groups.length <= 8 ? 44 : 26;
  const axis = { title: options.groupLabel, labelLimit: 140, domain: false, ticks: false };
  return {
    description: options.description,
    data: { values: cells },
    width: { step },
    height: { step },
    encoding: {
      x: { field: "column", type: "nominal", sort: [...groups], scale: { domain: [...groups] }, axis: { ...axis, orient: "top", labelAngle: groups.every((g) => g.length <= 4) ? 0 : -40 } },
      y: { field: "row", type: "nominal", sort: [...groups], scale: { domain: [...groups] }, axis },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 0.5 },
        encoding: {
          color: {
            field: "colour",
            type: "quantitative",
            title: "observed / expected",
            // Blue: more links than random types give; red: fewer.
            scale: { type: "log", scheme: "redblue", domain: [0.25, 4], domainMid: 1 },
            legend: { orient: "right", direction: "vertical", format: "~g", values: [0.25, 0.5, 1, 2, 4] },
          },
        },
      },
      ...(step >= 26
        ? [
            {
              mark: { type: "text" as const, fontSize: 10 },
              encoding: {
                text: { field: "ratio", type: "quantitative" as const, format: ".2f" },
                color: { condition: { test: "datum.colour < 0.4 || datum.colour > 2.5", value: "white" }, value: "#222" },
              },
            },
          ]
        : []),
    ],
  };
}
