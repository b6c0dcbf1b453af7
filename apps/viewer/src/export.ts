/**
 * Exports of what is on screen: the view as PNG (@sigma/export-image, with the map beneath in map
 * mode) and the filtered network as GEXF (@linkscale/io's writer: the organisations and links
 * shown, with their data attributes, without the viewer's own display attributes).
 */
import { createAllianceGraph, type AllianceGraph } from "@linkscale/core";
import { writeGexf } from "@linkscale/io";
import { toBlob } from "@sigma/export-image";
import type Sigma from "sigma";
import type { Visibility } from "./filters.ts";
import { attachMap } from "./map.ts";
import type { Mode } from "./state.ts";

/** Node attributes the viewer adds for drawing; they are not data. */
const DISPLAY_ATTRIBUTES = ["x", "y", "mapX", "mapY", "layoutX", "layoutY"];

export function filteredGraph(graph: AllianceGraph, visibility: Visibility): AllianceGraph {
  const copy = createAllianceGraph();
  graph.forEachNode((node, attributes) => {
    if (!visibility.node(node)) return;
    const data: Record<string, unknown> = { ...attributes };
    for (const name of DISPLAY_ATTRIBUTES) delete data[name];
    copy.addNode(node, data);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (visibility.link(attributes, source, target)) copy.addEdge(source, target, { ...attributes });
  });
  return copy;
}

export function gexfOf(graph: AllianceGraph, visibility: Visibility): Blob {
  return new Blob([writeGexf(filteredGraph(graph, visibility))], { type: "application/xml" });
}

export function pngOf(renderer: Sigma, mode: Mode): Promise<Blob> {
  return toBlob(renderer, {
    format: "png",
    backgroundColor: "#ffffff",
    ...(mode === "map" ? { withTempRenderer: (temporary: Sigma) => void attachMap(temporary) } : {}),
  });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
