/**
 * igraph's GraphML conventions. igraph (its C core, so python-igraph and R igraph alike) writes
 * every node as `n0, n1, …` in vertex order, and every vertex attribute as a key `v_<name>`; the
 * identifier a user gave travels as an attribute: `name`, igraph's own identifier (R's `V(g)$name`,
 * python-igraph's `g.vs["name"]`), or `id` where the graph came from a tool that keeps ids there.
 * Read as they stand, the nodes would be called n0, n1, … and an `id` attribute would disagree
 * with that key, rejecting every node.
 *
 * So where a file bears igraph's signature (node keys n0, n1, … in file order, every node key
 * declared as `v_…`), a node's id is its `id` attribute when every node has one and no two are
 * the same; else its `name` attribute, on the same condition; else igraph's n0, n1, … stay. The
 * attribute used leaves the node's attributes (it is the id, not a display name) and the rule
 * used is named in the load's `rules`. igraph has no missing text (a vertex without a value of a
 * text attribute gets ""; a number without one gets NaN, which it leaves out of the file), so in
 * its files an empty text is no value, as in its GML. Files without the signature are read as
 * they stand.
 */
import { defineField } from "../records.ts";
import type { AttributeMap, GraphItems, NodeItem } from "./graph-load.ts";

export const igraphIdentifiers = {
  id: 'GraphML written by igraph (nodes n0, n1, …; keys v_…): each node\'s "id" attribute is its id (every node has one, and no two are the same)',
  name: 'GraphML written by igraph (nodes n0, n1, …; keys v_…): each node\'s "name" attribute, igraph\'s identifier, is its id (every node has one, and no two are the same)',
  positional: 'GraphML written by igraph (nodes n0, n1, …; keys v_…): nodes keep igraph\'s ids n0, n1, …, as neither "id" nor "name" is given, once each, on every node',
} as const;

/** Whether the nodes and declared node keys are igraph's. */
export function writtenByIgraph(nodes: readonly NodeItem[], nodeKeyIds: readonly string[]): boolean {
  return nodes.length > 0 && nodes.every((node, index) => node.key === `n${index}`) && nodeKeyIds.every((id) => id.startsWith("v_"));
}

/** The items of a file igraph wrote, keyed by its identifier attribute, and the rule that was used. */
export function asIgraphMeantThem(items: GraphItems): { items: GraphItems; rule: string } {
  const attribute = (["id", "name"] as const).find((name) => distinctOnEveryNode(items.nodes, name));
  const idOf = new Map<string, string>();
  const nodes = items.nodes.map((node) => {
    const key = attribute === undefined ? node.key : String(node.attributes[attribute]);
    idOf.set(node.key as string, key as string);
    return { ...node, key, attributes: valuesGiven(node.attributes, attribute) };
  });
  // An end that names no node stays as it is, to be rejected naming it.
  const renamed = (end: string | undefined) => (end === undefined ? end : (idOf.get(end) ?? end));
  const edges = items.edges.map((edge) => ({ ...edge, source: renamed(edge.source), target: renamed(edge.target), attributes: valuesGiven(edge.attributes) }));
  return { items: { nodes, edges }, rule: igraphIdentifiers[attribute ?? "positional"] };
}

/** The attributes but the one that became the id and igraph's empty texts. */
function valuesGiven(attributes: AttributeMap, idAttribute?: string): AttributeMap {
  const given: AttributeMap = {};
  for (const [name, value] of Object.entries(attributes)) if (name !== idAttribute && value !== "") defineField(given, name, value);
  return given;
}

function distinctOnEveryNode(nodes: readonly NodeItem[], attribute: string): boolean {
  const seen = new Set<string>();
  for (const { attributes } of nodes) {
    if (!Object.hasOwn(attributes, attribute)) return false;
    const value = attributes[attribute];
    if ((typeof value !== "string" && typeof value !== "number") || value === "") return false;
    const id = String(value);
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}
