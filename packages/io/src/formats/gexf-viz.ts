/**
 * Gephi's layout and looks as GEXF 1.2's viz elements (namespace http://www.gexf.net/1.2draft/viz,
 * gexf.net's viz.xsd): which attributes of a node or an edge are written as `viz:position`,
 * `viz:size`, `viz:color`, `viz:shape` and `viz:thickness`, so that Gephi -> linkscale -> Gephi
 * keeps a layout, and which stay attribute values. The reader (gexf-read.ts) turns the viz
 * elements back into the same attributes, and the choice here is what makes that exact.
 *
 * The writer (gexf-write.ts, graphology-gexf's text) writes the viz record it is handed; but
 * graphology-gexf's own rule
 * (every attribute of those names is viz) writes what the schema refuses or what does not come
 * back: a colour it cannot parse throws ("rgb(10%,0,0)") or gives an empty `<viz:color/>` ("red"),
 * a position of x alone (viz.xsd requires x, y and z), a size that is text, a shape outside
 * viz.xsd's list. So only values viz.xsd holds and the reader gives back are handed to the writer:
 * - a node's `x` and `y`, both finite numbers, with its `z` when that is one too, else z = 0
 *   (viz.xsd requires a z; the reader takes z = 0 on every node for a 2-D layout, and no z);
 * - a node's `size` and an edge's `thickness`: a finite number, not negative;
 * - `color`: "#rgb", "#rrggbb", "rgb(r, g, b)" or "rgba(r, g, b, a)" (r, g, b whole, 0 to 255; a
 *   from 0 to 1), written as viz.xsd's r, g, b and a. The reader gives back "rgb(r,g,b)" or
 *   "rgba(r,g,b,a)"; a colour written otherwise ("#FF0010", "rgb(255, 0, 16)") also travels as
 *   its text, an attribute value `color`, which the reader keeps since it names the viz colour;
 * - `shape`: one of viz.xsd's (disc, square, triangle, diamond, image for nodes; solid, dotted,
 *   dashed, double for edges).
 * Any other value of those names is written as an attribute value, as any attribute is.
 */
import type { AttributeMap } from "./graph-load.ts";

/** The viz record the writer writes (graphology-gexf's VizRecord): a colour as "rgb()" or "rgba()" text. */
export interface Viz {
  color?: string;
  size?: number;
  x?: number;
  y?: number;
  z?: number;
  shape?: string;
  thickness?: number;
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a?: number;
}

const NODE_SHAPES: ReadonlySet<string> = new Set(["disc", "square", "triangle", "diamond", "image"]);
const EDGE_SHAPES: ReadonlySet<string> = new Set(["solid", "dotted", "dashed", "double"]);

const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const RGB_COLOUR = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/i;
const RGBA_COLOUR = /^rgba\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d+(?:\.\d*)?|\.\d+)\s*\)$/i;
// The alpha the writer reads back from "rgba(…)" text (parseColour, as graphology-gexf did): digits and a point, no exponent.
const PLAIN_DECIMAL = /^[.0-9]*$/;

/** A colour as viz.xsd holds it, or undefined for text in none of the forms read here. */
export function parseColour(text: string): Rgba | undefined {
  const hex = HEX_COLOUR.exec(text)?.[1];
  if (hex !== undefined) {
    const digits = hex.length === 3 ? [...hex].map((digit) => digit + digit) : [hex.slice(0, 2), hex.slice(2, 4), hex.slice(4, 6)];
    const [r, g, b] = digits.map((pair) => parseInt(pair, 16)) as [number, number, number];
    return { r, g, b };
  }
  const rgba = RGBA_COLOUR.exec(text) ?? RGB_COLOUR.exec(text);
  if (rgba === null) return undefined;
  const [r, g, b] = rgba.slice(1, 4).map(Number) as [number, number, number];
  if (r > 255 || g > 255 || b > 255) return undefined;
  if (rgba[4] === undefined) return { r, g, b };
  const a = Number(rgba[4]);
  return a <= 1 && PLAIN_DECIMAL.test(String(a)) ? { r, g, b, a } : undefined;
}

/** The text the reader gives a viz colour: "rgb(r,g,b)", or "rgba(r,g,b,a)" with an alpha. */
export function colourText({ r, g, b, a }: Rgba): string {
  return a === undefined ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${a})`;
}

/** Whether two colour texts name the same colour (same r, g, b and alpha; no alpha is 1). */
export function sameColour(one: string, other: string): boolean {
  const a = parseColour(one);
  const b = parseColour(other);
  return a !== undefined && b !== undefined && a.r === b.r && a.g === b.g && a.b === b.b && (a.a ?? 1) === (b.a ?? 1);
}

/** An item's attributes split into the viz record to write and the attribute values left. */
export function splitViz(kind: "node" | "edge", attributes: AttributeMap): { viz: Viz | undefined; values: AttributeMap } {
  const values: AttributeMap = { ...attributes };
  const viz: Viz = {};
  const take = (name: string) => {
    const value = values[name];
    delete values[name];
    return value;
  };
  if (kind === "node") {
    const { x, y, z } = values;
    if (isFiniteNumber(x) && isFiniteNumber(y) && (z === undefined || isFiniteNumber(z))) {
      viz.x = take("x") as number;
      viz.y = take("y") as number;
      viz.z = z === undefined ? 0 : (take("z") as number);
    }
    if (isFiniteNumber(values["size"]) && values["size"] >= 0) viz.size = take("size") as number;
  } else if (isFiniteNumber(values["thickness"]) && values["thickness"] >= 0) {
    viz.thickness = take("thickness") as number;
  }
  const { shape, color } = values;
  if (typeof shape === "string" && (kind === "node" ? NODE_SHAPES : EDGE_SHAPES).has(shape)) viz.shape = take("shape") as string;
  const rgba = typeof color === "string" ? parseColour(color) : undefined;
  if (rgba !== undefined) {
    viz.color = colourText(rgba);
    // Kept as text too where the viz colour would come back written otherwise.
    if (viz.color === color) delete values["color"];
  }
  return { viz: Object.keys(viz).length > 0 ? viz : undefined, values };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
