/**
 * `--map field=name` on a graph file: the attributes a user's nodes and edges carry under names of
 * their own, read as the model's fields, as `--map` reads a table's columns. An attribute is
 * found by its exact name, else by its name in any case (as a table's column is); a mapping that
 * names an attribute no node or edge has is refused, since a mistyped name would otherwise read
 * nothing without a word. Where an item also has an attribute of the field's own name, the mapped
 * one is read and the other is left unread, and the rule says so.
 *
 * `id=name` keys each node by its attribute `name` (text, or a number written as text) instead
 * of the file's own node key, and the edges' ends follow. Every end is resolved here, since a key
 * of the file may equal a mapped id of another node: a node without the attribute is rejected,
 * and so is each of its edges, naming it; a node whose mapped id repeats another's is rejected by
 * the duplicate check, and its edges here, never joined to the first node's; an end that is no
 * node of the file is rejected as one. `source` and `target` are the file's structure, not
 * attributes, and cannot be mapped.
 */
import type { Problem } from "../problems.ts";
import { graphMessages, type AttributeMap, type EdgeItem, type GraphItems, type NodeItem } from "./graph-load.ts";

export const mappingMessages = {
  structural: (field: string) => `--map ${field}=…: an edge's ${field} is the file's own structure, not an attribute, and cannot be mapped`,
  noAttribute: (field: string, name: string, names: readonly string[]) =>
    `--map ${field}=${name}: no node or edge has an attribute "${name}" (${names.length === 0 ? "they have none" : `they have ${names.map((n) => `"${n}"`).join(", ")}`})`,
  missingId: (name: string) => `has no "${name}" to be its id (--map id=${name})`,
  notAnId: (name: string, value: unknown) => `has "${name}" ${JSON.stringify(value)}, which cannot be an id (--map id=${name}: text or a number)`,
  endRejected: (old: string, why: string) => `organisation "${old}" is rejected (${why})`,
  read: (field: string, name: string, shadowed: boolean) =>
    `--map ${field}=${name}: ${field === "id" ? "each node keyed by its" : `${field} read from the`} attribute "${name}"${shadowed ? `; the attribute "${field}" of the file left unread` : ""}`,
};

/** Where a node is, as messages name it (its path, or its line). */
export type WhereOf = (item: NodeItem, index: number) => string;

/** The items with the mapped attributes renamed (and the nodes re-keyed for `id`), and the rules used. */
export function mapGraphItems(items: GraphItems, mapping: Readonly<Record<string, string>>, whereOf: WhereOf): { items: GraphItems; rules: string[] } | { error: string } {
  const present = attributeNames(items);
  // The file's attribute for each field, resolved once as a table's columns are.
  const renames: Array<{ field: string; name: string }> = [];
  for (const [field, wanted] of Object.entries(mapping)) {
    if (field === "source" || field === "target") return { error: mappingMessages.structural(field) };
    const name = present.has(wanted) ? wanted : [...present].find((n) => n.toLowerCase() === wanted.toLowerCase());
    if (name === undefined) return { error: mappingMessages.noAttribute(field, wanted, [...present].sort()) };
    renames.push({ field, name });
  }
  const rules = renames.map(({ field, name }) => mappingMessages.read(field, name, field !== name && present.has(field)));
  // Read under their field's name, or left unread: the mapped attributes, and the fields' own.
  const mapped = new Set(renames.flatMap(({ field, name }) => [field, name]));
  const rename = (attributes: AttributeMap): AttributeMap => {
    const renamed: AttributeMap = Object.create(null) as AttributeMap;
    for (const name of Object.keys(attributes)) if (!mapped.has(name)) renamed[name] = attributes[name];
    for (const { field, name } of renames) if (field !== "id" && attributes[name] !== undefined) renamed[field] = attributes[name];
    return renamed;
  };
  const idName = renames.find(({ field }) => field === "id")?.name;
  if (idName === undefined) {
    return {
      items: { nodes: items.nodes.map((node) => ({ ...node, attributes: rename(node.attributes) })), edges: items.edges.map((edge) => ({ ...edge, attributes: rename(edge.attributes) })) },
      rules,
    };
  }

  // Each file key's mapped id, or why its node cannot be an end.
  const idOf = new Map<string, { id: string } | { why: string }>();
  const taken = new Map<string, string>();
  const nodes = items.nodes.map((node, index): NodeItem => {
    const attributes = rename(node.attributes);
    const value = node.attributes[idName];
    const problems: Problem[] = [...(node.problems ?? [])];
    let id: string | undefined;
    if (value === undefined || value === null || value === "") problems.push(problemAt(node, index, idName, mappingMessages.missingId(idName)));
    else if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) id = String(value);
    else problems.push(problemAt(node, index, idName, mappingMessages.notAnId(idName, value)));
    if (node.key !== undefined && !idOf.has(node.key)) {
      const where = whereOf(node, index);
      if (id === undefined) idOf.set(node.key, { why: `${where}: ${problems.at(-1)?.message ?? "rejected"}` });
      else if (taken.has(id)) idOf.set(node.key, { why: `${where}: its id "${id}" is already used at ${taken.get(id) as string}` });
      else idOf.set(node.key, { id });
    }
    if (id !== undefined && !taken.has(id)) taken.set(id, whereOf(node, index));
    return { ...node, key: id, attributes, ...(problems.length === 0 ? {} : { problems }) };
  });
  const edges = items.edges.map((edge, index): EdgeItem => {
    const problems: Problem[] = [...(edge.problems ?? [])];
    const path = edge.path === undefined ? `edges[${index}]` : edge.path;
    const end = (name: "source" | "target", key: string | undefined): string | undefined => {
      if (key === undefined || key === "") return key;
      const node = idOf.get(key);
      if (node !== undefined && "id" in node) return node.id;
      const message = node === undefined ? graphMessages.unknownNode(key) : mappingMessages.endRejected(key, node.why);
      problems.push(path === null ? { message } : { column: `${path}.${name}`, message });
      return key;
    };
    const [source, target] = [end("source", edge.source), end("target", edge.target)];
    return { ...edge, source, target, attributes: rename(edge.attributes), ...(problems.length === 0 ? {} : { problems }) };
  });
  return { items: { nodes, edges }, rules };
}

/** Every attribute name a node or an edge has. */
function attributeNames({ nodes, edges }: GraphItems): Set<string> {
  const names = new Set<string>();
  for (const { attributes } of [...nodes, ...edges]) for (const name of Object.keys(attributes)) names.add(name);
  return names;
}

function problemAt(node: NodeItem, index: number, name: string, message: string): Problem {
  return node.path === null ? { message } : { column: `${node.path ?? `nodes[${index}]`}.${name}`, message };
}
