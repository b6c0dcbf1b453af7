/**
 * The in-memory alliance network: a graphology graph typed over the model's attributes, so a user
 * who already has a graphology graph can call every function on it directly.
 */
import { UndirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import { DuplicateOrganisationError, InvalidLinkError, UnknownOrganisationError } from "../errors.ts";
import type { Link, LinkAttributes } from "./link.ts";
import type { Organisation, OrganisationAttributes } from "./organisation.ts";
// Before any graph is made: node keys such as "constructor" or "__proto__" held like any other.
import "./prototype-free-keys.ts";

/** Any graphology graph: metrics are generic over node and edge attributes. */
export type AnyGraph<N extends Attributes = Attributes, E extends Attributes = Attributes> = AbstractGraph<N, E>;

/**
 * What the core reads of a graph: the part of graphology's API that both a graphology graph and
 * the typed-array `CompactGraph` answer. Metrics take this; only the `assign…` twins, which write
 * node attributes, need a graphology graph.
 */
export interface ReadableGraph {
  readonly order: number;
  readonly size: number;
  hasNode(node: string): boolean;
  nodes(): string[];
  getNodeAttribute(node: string, name: string): unknown;
  getNodeAttributes(node: string): Attributes;
  forEachNode(callback: (node: string, attributes: Attributes) => void): void;
  someNode(test: (node: string, attributes: Attributes) => boolean): boolean;
  degree(node: string): number;
  forEachEdge(
    callback: (edge: string, attributes: Attributes, source: string, target: string, sourceAttributes: Attributes, targetAttributes: Attributes, undirected: boolean) => void,
  ): void;
  edge(source: string, target: string): string | undefined;
  getEdgeAttributes(source: string, target: string): Attributes;
}

/** An undirected, simple graph of organisations (nodes keyed by id) and their links. */
export type AllianceGraph = UndirectedGraph<OrganisationAttributes, LinkAttributes>;

export function createAllianceGraph(): AllianceGraph {
  return new UndirectedGraph<OrganisationAttributes, LinkAttributes>({ allowSelfLoops: false });
}

/** Adds an organisation as a node; its id becomes the node key. */
export function addOrganisation(graph: AllianceGraph, org: Organisation): void {
  const { id, ...attributes } = org;
  if (graph.hasNode(id)) {
    throw new DuplicateOrganisationError("model/graph", `organisation "${id}" is given twice`);
  }
  graph.addNode(id, attributes);
}

/** Builds the graph from an organisation table and a link table (validated beforehand). */
export function buildAllianceGraph(
  organisations: readonly Organisation[],
  links: readonly Link[],
): AllianceGraph {
  const graph = createAllianceGraph();
  for (const org of organisations) addOrganisation(graph, org);
  for (const { source, target, ...attributes } of links) {
    for (const end of [source, target]) {
      if (!graph.hasNode(end)) {
        throw new UnknownOrganisationError("model/graph", `link ${source}–${target} names unknown organisation "${end}"`);
      }
    }
    if (source === target) {
      throw new InvalidLinkError("model/graph", `link from "${source}" to itself`);
    }
    if (graph.hasEdge(source, target)) {
      throw new InvalidLinkError("model/graph", `link ${source}–${target} is given twice`);
    }
    graph.addEdge(source, target, attributes);
  }
  return graph;
}
