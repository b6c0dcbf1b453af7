/**
 * GEXF, Gephi's format: read as a stream of elements (gexf-read.ts, by graphology-gexf's rules),
 * so that memory follows the network rather than the file; written through graphology-gexf.
 *
 * Written as GEXF 1.2 (the version every Gephi reads): the node label is the organisation's name
 * (its id when it has none) so Gephi shows names, the link weight is the edge's `weight`, and
 * every other attribute is an `<attvalue>` typed by graphology-gexf from the values in the graph:
 * a column of numbers is `integer` or `double`, of booleans `boolean`, anything else `string`.
 * So numbers come back as numbers and text as text, and a postcode "00912" held as text keeps its
 * zeros; but an attribute that is a number on some nodes and text on others becomes text on all.
 * The writer takes no declared types, so these rules are its inference, checked by the tests.
 *
 * What GEXF cannot hold, or graphology-gexf does not write:
 * - lists: written as one ";"-joined text; `projects` is split back on reading, any other list
 *   comes back as that text (GEXF's own list types are read by few tools);
 * - empty texts, NaN, null: graphology-gexf leaves them out, so they come back absent;
 * - objects: written as their JSON text, and come back as that text;
 * - edge keys: edges are numbered 0, 1, … in graph order, for a stable file;
 * - graph attributes: graphology-gexf writes the scalar ones as `<meta>`; they are not read back.
 * Gephi's layout and looks travel as GEXF's viz elements, so Gephi -> linkscale -> Gephi keeps a
 * layout: a node's x, y (and z), size, color and shape, an edge's color, thickness and shape, each
 * where its value is one GEXF 1.2's viz.xsd holds and the reader gives back as it was (gexf-viz.ts
 * says which; graphology-gexf is handed only those, as its own rule writes values the schema
 * refuses). Any other value of those names is an attribute value. Losses: a node without z among
 * nodes that have one comes back with z = 0 (viz.xsd requires a z), and a z of 0 on every node
 * comes back as no z (the reader's 2-D layout).
 *
 * Reading: a directed file is read as undirected (see graph-load.ts for the reverse arcs), and
 * attributes the file does not declare are read as text rather than refusing the file. A dynamic
 * file's times are read into each link's years and weight (gexf-dynamics.ts, with the rules it
 * needed named in the load's `rules`). A rejected node or edge is reported at the line and column
 * where its element starts.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import { MultiGraph } from "graphology";
import { write } from "graphology-gexf";
import { LIST_SEPARATOR } from "../csv/fields.ts";
import { defineField } from "../records.ts";
import { UnwritableGraphError } from "./errors.ts";
import { displayLabel, failedGraphLoad, loadGraphItems, type AttributeMap, type GraphLoad, type GraphReadOptions, type AnyAllianceGraph } from "./graph-load.ts";
import { readGexfItems } from "./gexf-read.ts";
import { splitViz, type Viz } from "./gexf-viz.ts";
import { assertXmlWritable } from "./xml.ts";

const MODULE = "io/formats/gexf";

export const gexfMessages = {
  unwritableName: (where: string, name: string) =>
    `${where} has an attribute named "${name}", which graphology-gexf would drop (it keeps attribute names in plain objects); write GraphML or CSV, or rename it`,
};

export function readGexf<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const items = readGexfItems(text);
  if ("error" in items) return failedGraphLoad(file, items.error, build);
  return loadGraphItems(file, items, { build, arcs, mapping, rules: items.rules });
}

export function writeGexf(graph: AnyGraph): string {
  // graphology-gexf writes each edge's key as its id; generated keys differ from run to run.
  const numbered = new MultiGraph({ type: graph.type, allowSelfLoops: true });
  numbered.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((key, attributes) => {
    assertXmlWritable(key, `node "${key}"`, MODULE);
    numbered.addNode(key, { ...attributes });
  });
  let index = 0;
  graph.forEachEdge((_edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const key = String(index++);
    if (undirected) numbered.addUndirectedEdgeWithKey(key, source, target, { ...attributes });
    else numbered.addDirectedEdgeWithKey(key, source, target, { ...attributes });
  });
  const text = write(numbered, {
    version: "1.2",
    pretty: true,
    formatNode: (key, attributes) => {
      // The label travels in GEXF's own label, the layout as viz; the rest as attribute values.
      const rest = { ...attributes };
      delete rest["label"];
      const { viz, values } = splitViz("node", rest);
      const written = writableValues(values, `node "${key}"`);
      const label = displayLabel(key, attributes);
      assertXmlWritable(label, `node "${key}", label`, MODULE);
      const formatted: { label: string; attributes: AttributeMap; viz?: Viz } = { label, attributes: written };
      if (viz !== undefined) formatted.viz = viz;
      return formatted;
    },
    formatEdge: (key, attributes) => {
      const { weight, label, ...rest } = attributes;
      const where = `edge ${numbered.source(key)}–${numbered.target(key)}`;
      // GEXF's weight is a number; any other weight travels as an attribute of that name.
      if (typeof weight !== "number" && weight !== undefined) rest["weight"] = weight;
      const { viz, values } = splitViz("edge", rest);
      const formatted: { weight?: number; label?: string; attributes: AttributeMap; viz?: Viz } = {
        attributes: writableValues(values, where),
      };
      if (viz !== undefined) formatted.viz = viz;
      if (typeof weight === "number") formatted.weight = weight;
      if (label !== undefined && label !== null) {
        formatted.label = String(label);
        assertXmlWritable(formatted.label, where, MODULE);
      }
      return formatted;
    },
  });
  // graphology-gexf 0.13 declares the viz namespace as "http:///www.gexf.net/1.1draft/viz"
  // (three slashes, and 1.1's); GEXF 1.2's is this one.
  const declared = text.replace(`xmlns:viz="${LIBRARY_VIZ_NAMESPACE}"`, `xmlns:viz="${VIZ_NAMESPACE}"`);
  return declared.endsWith("\n") ? declared : declared + "\n";
}

const LIBRARY_VIZ_NAMESPACE = "http:///www.gexf.net/1.1draft/viz";
export const VIZ_NAMESPACE = "http://www.gexf.net/1.2draft/viz";

/** Values as GEXF holds them: lists joined with ";", objects as JSON text. */
function writableValues(attributes: AttributeMap, where: string): AttributeMap {
  const values: AttributeMap = {};
  for (const [name, value] of Object.entries(attributes)) {
    assertXmlWritable(name, where, MODULE);
    // Refused rather than lost: graphology-gexf's models answer "constructor" from a prototype.
    if (name in Object.prototype) throw new UnwritableGraphError(MODULE, gexfMessages.unwritableName(where, name));
    let written = value;
    if (Array.isArray(value)) written = value.map(String).join(LIST_SEPARATOR);
    else if (typeof value === "object" && value !== null) written = JSON.stringify(value);
    if (typeof written === "string") assertXmlWritable(written, `${where}, attribute "${name}"`, MODULE);
    defineField(values, name, written);
  }
  return values;
}
