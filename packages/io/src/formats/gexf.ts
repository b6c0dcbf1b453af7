/**
 * GEXF, Gephi's format: read as a stream of elements (gexf-read.ts, by graphology-gexf's rules),
 * so that memory follows the network rather than the file; written a piece at a time, as
 * graphology-gexf writes it (gexf-write.ts).
 *
 * Written as GEXF 1.2 (the version every Gephi reads): the node label is the organisation's name
 * (its id when it has none) so Gephi shows names, the link weight is the edge's `weight`, and
 * every other attribute is an `<attvalue>` typed, as graphology-gexf types it, from the values in the graph:
 * a column of numbers is `integer` or `double`, of booleans `boolean`, anything else `string`.
 * So numbers come back as numbers and text as text, and a postcode "00912" held as text keeps its
 * zeros; but an attribute that is a number on some nodes and text on others becomes text on all.
 * The writer takes no declared types, so these rules are its inference, checked by the tests.
 *
 * What GEXF cannot hold, or the writer (graphology-gexf's rules) does not write:
 * - lists: written as one ";"-joined text; `projects` is split back on reading, any other list
 *   comes back as that text (GEXF's own list types are read by few tools);
 * - empty texts, NaN, null: left out, so they come back absent;
 * - objects: written as their JSON text, and come back as that text;
 * - edge keys: edges are numbered 0, 1, … in graph order, for a stable file;
 * - graph attributes: the scalar ones are written as `<meta>`; they are not read back.
 * Gephi's layout and looks travel as GEXF's viz elements, so Gephi -> linkscale -> Gephi keeps a
 * layout: a node's x, y (and z), size, color and shape, an edge's color, thickness and shape, each
 * where its value is one GEXF 1.2's viz.xsd holds and the reader gives back as it was (gexf-viz.ts
 * says which; the writer is handed only those, as graphology-gexf's own rule writes values the
 * schema refuses). Any other value of those names is an attribute value. Losses: a node without z among
 * nodes that have one comes back with z = 0 (viz.xsd requires a z), and a z of 0 on every node
 * comes back as no z (the reader's 2-D layout).
 *
 * Reading: a directed file is read as undirected (see graph-load.ts for the reverse arcs), and
 * attributes the file does not declare are read as text rather than refusing the file. A dynamic
 * file's times are read into each link's years and weight (gexf-dynamics.ts, with the rules it
 * needed named in the load's `rules`). A rejected node or edge is reported at the line and column
 * where its element starts.
 */
import type { AllianceGraph } from "@linkscale/core/model";
import { LIST_SEPARATOR } from "../csv/fields.ts";
import { defineField } from "../records.ts";
import { displayLabel, failedGraphLoad, loadGraphItems, type AttributeMap, type GraphLoad, type GraphReadOptions, type AnyAllianceGraph } from "./graph-load.ts";
import { readGexfItems } from "./gexf-read.ts";
import { splitViz } from "./gexf-viz.ts";
import { writeGexfPieces, type GexfElement, type GexfFormat } from "./gexf-write.ts";
import { assertXmlWritable, type StreamedGraph } from "./xml.ts";

const MODULE = "io/formats/gexf";

export function readGexf<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const items = readGexfItems(text);
  if ("error" in items) return failedGraphLoad(file, items.error, build);
  return loadGraphItems(file, items, { build, arcs, mapping, rules: items.rules });
}

export function writeGexf(graph: StreamedGraph): string {
  const pieces: string[] = [];
  writeGexfStream(graph, (piece) => pieces.push(piece));
  return pieces.join("");
}

/** `writeGexf`'s text, handed to `write` a piece at a time (gexf-write.ts), for a file written as a stream. */
export function writeGexfStream(graph: StreamedGraph, write: (piece: string) => void): void {
  writeGexfPieces(graph, GEXF_FORMAT, write);
}

/** The label travels in GEXF's own label, an edge's weight in its weight, the layout as viz; the rest as attribute values. */
const GEXF_FORMAT: GexfFormat = {
  node(key, attributes) {
    assertXmlWritable(key, `node "${key}"`, MODULE);
    const rest = { ...attributes };
    delete rest["label"];
    const { viz, values } = splitViz("node", rest);
    const written = writableValues(values, `node "${key}"`);
    const label = displayLabel(key, attributes);
    assertXmlWritable(label, `node "${key}", label`, MODULE);
    const element: GexfElement = { label, attributes: written };
    if (viz !== undefined) element.viz = viz;
    return element;
  },
  edge(source, target, attributes) {
    const { weight, label, ...rest } = attributes;
    const where = `edge ${source}–${target}`;
    // GEXF's weight is a number; any other weight travels as an attribute of that name.
    if (typeof weight !== "number" && weight !== undefined) rest["weight"] = weight;
    const { viz, values } = splitViz("edge", rest);
    const element: GexfElement = { attributes: writableValues(values, where) };
    if (viz !== undefined) element.viz = viz;
    if (typeof weight === "number") element.weight = weight;
    if (label !== undefined && label !== null) {
      element.label = String(label);
      assertXmlWritable(element.label, where, MODULE);
    }
    return element;
  },
};

export const VIZ_NAMESPACE = "http://www.gexf.net/1.2draft/viz";

/** Values as GEXF holds them: lists joined with ";", objects as JSON text. */
function writableValues(attributes: AttributeMap, where: string): AttributeMap {
  const values: AttributeMap = {};
  for (const [name, value] of Object.entries(attributes)) {
    assertXmlWritable(name, where, MODULE);
    let written = value;
    if (Array.isArray(value)) written = value.map(String).join(LIST_SEPARATOR);
    else if (typeof value === "object" && value !== null) written = JSON.stringify(value);
    if (typeof written === "string") assertXmlWritable(written, `${where}, attribute "${name}"`, MODULE);
    defineField(values, name, written);
  }
  return values;
}
