/**
 * Exports of what is on screen: the view as PNG (@sigma/export-image, with the map beneath in map
 * mode) and the filtered network as GEXF (@linkscale/io's writer: the organisations and links
 * shown, with their data and their positions in the view).
 */
import { createAllianceGraph, type AllianceGraph } from "@linkscale/core";
import { writeGexf } from "@linkscale/io";
import { toBlob } from "@sigma/export-image";
import type Sigma from "sigma";
import type { Visibility } from "./filters.ts";
import { placeRendererLabels } from "./label-placement.ts";
import { attachMap } from "./map.ts";
import type { Network } from "./network.ts";

/**
 * The organisations and links shown, with their data and each link's scale and the rule that
 * decided it, as classified in the view; each organisation's x and y are where the view has it
 * (the layout, or the map), so Gephi opens the file as it looks here.
 */
export function filteredGraph(network: Network, visibility: Visibility, position: (node: string) => { x: number; y: number }): AllianceGraph {
  const { graph } = network;
  const copy = createAllianceGraph();
  graph.forEachNode((node, attributes) => {
    if (visibility.node(node)) copy.addNode(node, { ...attributes, ...position(node) });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (visibility.link(edge, attributes, source, target)) copy.addEdge(source, target, { ...attributes, scale: network.scaleOf(edge), rule: network.ruleOf(edge) });
  });
  return copy;
}

export function gexfOf(network: Network, visibility: Visibility, position: (node: string) => { x: number; y: number }): Blob {
  return new Blob([writeGexf(filteredGraph(network, visibility, position))], { type: "application/xml" });
}

/** `onMap`: the view has the map beneath it. */
export function pngOf(renderer: Sigma, onMap: boolean): Promise<Blob> {
  return toBlob(renderer, {
    format: "png",
    backgroundColor: "#ffffff",
    // The copy draws its labels placed as the view does, once its first frame (drawn as it was
    // made, with the view's settings) is drawn again; the placement draws at the end of the frame.
    withTempRenderer: async (temporary: Sigma) => {
      if (onMap) attachMap(temporary);
      placeRendererLabels(temporary);
      temporary.refresh();
      await Promise.resolve();
    },
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
