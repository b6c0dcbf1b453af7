/**
 * The hand-made fixture every format test starts from (in/organisations.csv, in/links.csv), read
 * the way a user's tables are, and the golden files of Turf's kind: out/ holds what the writers
 * give for it, compared byte for byte and rewritten only when REGEN=1 is set.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { AllianceGraph, AnyGraph } from "@linkscale/core/model";
import { expect } from "vitest";
import { readLinksCsv, readOrganisationsCsv } from "../../src/csv/read.ts";
import { writeLinksCsv, writeOrganisationsCsv } from "../../src/csv/write.ts";
import { assembleDataset } from "../../src/dataset.ts";

const here = (path: string) => new URL(path, import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(here(`in/${name}`), "utf8");
}

/** The fixture as an alliance graph; fails the test if any row of it is rejected. */
export function loadFixture(): AllianceGraph {
  const organisations = readOrganisationsCsv(fixtureText("organisations.csv"), { file: "organisations.csv" });
  const links = readLinksCsv(fixtureText("links.csv"), { file: "links.csv" });
  const { graph } = assembleDataset({ organisations: [organisations], links: [links] });
  expect([...organisations.rejected, ...links.rejected]).toEqual([]);
  expect([graph.order, graph.size]).toEqual([6, 7]);
  return graph;
}

/** A graph as linkscale's two CSV tables, the form the round trips compare. */
export function csvTables(graph: AnyGraph): { organisations: string; links: string } {
  return { organisations: writeOrganisationsCsv(graph), links: writeLinksCsv(graph) };
}

/** Nodes and edges with their attributes, edge keys left out; `toStrictEqual` then checks types. */
export function contents(graph: AnyGraph) {
  return {
    nodes: graph.mapNodes((key, attributes) => [key, attributes]),
    edges: graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes]),
  };
}

/** `contents`, each link from its lower id and the links sorted: peer tools write links in their own order. */
export function unorderedContents(graph: AnyGraph) {
  const nodes = graph.mapNodes((key, attributes) => [key, attributes]);
  const links = graph.mapEdges((_edge, attributes, source, target) => ({ ends: [source, target].sort().join(" – "), attributes }));
  return { nodes, links: links.sort((a, b) => (a.ends < b.ends ? -1 : 1)) };
}

/** A copy of the graph with every number to the 15 significant digits igraph writes reals with. */
export function toFifteenDigits(graph: AnyGraph): AnyGraph {
  const copy = graph.copy();
  const round = (attributes: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, typeof value === "number" ? Number(value.toPrecision(15)) : value]));
  copy.updateEachNodeAttributes((_node, attributes) => round(attributes));
  copy.updateEachEdgeAttributes((_edge, attributes) => round(attributes));
  return copy;
}

/** A file NetworkX or igraph wrote, in peers/ (each made by the script there that says so). */
export function peerFile(name: string): string {
  return readFileSync(here(`peers/${name}`), "utf8");
}

/** Compares `text` with out/<name>; with REGEN=1, writes it there first. */
export function expectGolden(name: string, text: string): void {
  if (process.env["REGEN"] === "1") writeFileSync(here(`out/${name}`), text);
  expect(text).toBe(readFileSync(here(`out/${name}`), "utf8"));
}
