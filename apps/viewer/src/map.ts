/**
 * Map mode: organisations at their latitude and longitude (Equal Earth projection, d3-geo) over
 * the country outlines of world-atlas (Natural Earth 1:50m, bundled in the build: no tiles,
 * nothing fetched). Map positions are graph coordinates, so sigma's camera pans and zooms the map
 * with the network; the outlines are one Path2D in those coordinates, drawn on a canvas beneath
 * sigma's layers with the graph-to-screen transform of the moment. Over sigma's nodes, a ring
 * around each place's bubble (map-places.ts): a bubble in its members' colour would otherwise
 * read as one large organisation, and sigma's node program draws plain discs.
 */
import { geoEqualEarth, geoPath } from "d3-geo";
import type Sigma from "sigma";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";

/** Map mode's place bubbles carry `place: true` in the display graph, set by nothing else. */
export const isPlaceNode = (attributes: Record<string, unknown>) => attributes["place"] === true;

const projection = geoEqualEarth().scale(1000).translate([0, 0]);

/** Graph coordinates of a point: projected, with north up (sigma's y axis points up). */
export function mapPosition(lon: number, lat: number): { x: number; y: number } {
  const [x, y] = projection([lon, lat]) as [number, number];
  return { x, y: -y };
}

let outlines: Path2D | undefined;

/** The country outlines in graph coordinates, built once. */
function countryOutlines(): Path2D {
  if (outlines !== undefined) return outlines;
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
  const path = new Path2D();
  const flipped = geoEqualEarth().scale(1000).translate([0, 0]).reflectY(true);
  geoPath(flipped, path as unknown as CanvasRenderingContext2D)(feature(topology, topology.objects.countries));
  outlines = path;
  return path;
}

/** The affine graph → viewport transform sigma applies at this moment. */
function graphTransform(renderer: Sigma): DOMMatrix {
  const origin = renderer.graphToViewport({ x: 0, y: 0 });
  const xAxis = renderer.graphToViewport({ x: 1, y: 0 });
  const yAxis = renderer.graphToViewport({ x: 0, y: 1 });
  return new DOMMatrix([xAxis.x - origin.x, xAxis.y - origin.y, yAxis.x - origin.x, yAxis.y - origin.y, origin.x, origin.y]);
}

/**
 * A 2D canvas of its own among sigma's layers, sized with the renderer and drawn anew after each
 * of its frames by `draw` (in viewport pixels, cleared before); returns a detacher.
 */
export function attachLayer(renderer: Sigma, name: string, at: { beforeLayer: string } | { afterLayer: string }, draw: (context: CanvasRenderingContext2D, ratio: number) => void): () => void {
  const canvas = renderer.createCanvas(name, at);
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  const redraw = () => {
    const ratio = window.devicePixelRatio || 1;
    // Sigma sizes the layers it made itself; this one follows the renderer's size here.
    const { width, height } = renderer.getDimensions();
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    draw(context, ratio);
  };
  renderer.on("afterRender", redraw);
  redraw();
  return () => {
    renderer.off("afterRender", redraw);
    renderer.killLayer(name);
  };
}

/**
 * Draws the outlines beneath the renderer's layers, and the rings around place bubbles above its
 * nodes, after each of its frames; returns a detacher.
 */
export function attachMap(renderer: Sigma): () => void {
  const detachRings = attachLayer(renderer, "placeRings", { afterLayer: "nodes" }, (context) => drawPlaceRings(renderer, context));
  const detachOutlines = attachLayer(renderer, "map", { beforeLayer: "edges" }, (context, ratio) => {
    const transform = new DOMMatrix([ratio, 0, 0, ratio, 0, 0]).multiply(graphTransform(renderer));
    context.setTransform(transform);
    context.fillStyle = "#f1efe9";
    context.strokeStyle = "#a9a49a";
    context.lineWidth = 0.6 / Math.sqrt(Math.abs(transform.a * transform.d - transform.b * transform.c));
    const path = countryOutlines();
    context.fill(path);
    context.stroke(path);
  });
  return () => {
    detachRings();
    detachOutlines();
  };
}

let bubbles: { graph: unknown; nodes: string[] } | undefined;

/** A white then a dark ring around each place's bubble shown. */
function drawPlaceRings(renderer: Sigma, context: CanvasRenderingContext2D): void {
  // The display graph is replaced, never added to, when the places change: its bubbles are found once.
  const graph = renderer.getGraph();
  if (bubbles?.graph !== graph) bubbles = { graph, nodes: graph.filterNodes((_node, attributes) => isPlaceNode(attributes)) };
  for (const node of bubbles.nodes) {
    const shown = renderer.getNodeDisplayData(node);
    if (shown === undefined || shown.hidden) continue;
    const { x, y } = renderer.framedGraphToViewport(shown);
    const radius = renderer.scaleSize(shown.size);
    context.beginPath();
    context.arc(x, y, radius + 1.5, 0, 2 * Math.PI);
    context.lineWidth = 3;
    context.strokeStyle = "#ffffff";
    context.stroke();
    context.beginPath();
    context.arc(x, y, radius + 3, 0, 2 * Math.PI);
    context.lineWidth = 1.5;
    context.strokeStyle = "#222222";
    context.stroke();
  }
}
