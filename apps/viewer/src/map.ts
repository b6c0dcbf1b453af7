/**
 * Map mode: organisations at their latitude and longitude (Equal Earth projection, d3-geo) over
 * the country outlines of world-atlas (Natural Earth 1:50m, bundled in the build: no tiles,
 * nothing fetched). Map positions are graph coordinates, so sigma's camera pans and zooms the map
 * with the network; the outlines are one Path2D in those coordinates, drawn on a canvas beneath
 * sigma's layers with the graph-to-screen transform of the moment.
 */
import { geoEqualEarth, geoPath } from "d3-geo";
import type Sigma from "sigma";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";

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

/** Draws the outlines beneath the renderer's layers after each of its frames; returns a detacher. */
export function attachMap(renderer: Sigma): () => void {
  const canvas = renderer.createCanvas("map", { beforeLayer: "edges" });
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  const draw = () => {
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
    const transform = new DOMMatrix([ratio, 0, 0, ratio, 0, 0]).multiply(graphTransform(renderer));
    context.setTransform(transform);
    context.fillStyle = "#f1efe9";
    context.strokeStyle = "#a9a49a";
    context.lineWidth = 0.6 / Math.sqrt(Math.abs(transform.a * transform.d - transform.b * transform.c));
    const path = countryOutlines();
    context.fill(path);
    context.stroke(path);
  };
  renderer.on("afterRender", draw);
  draw();
  return () => {
    renderer.off("afterRender", draw);
    renderer.killLayer("map");
  };
}
