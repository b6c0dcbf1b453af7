/**
 * Graph file formats: graphology JSON, NetworkX node-link JSON, GEXF, GraphML, GML, Pajek, edge
 * lists and VOSviewer's (map and network files, VOSviewer Online's JSON), each read into a
 * checked alliance graph (`GraphLoad`) and written from any graphology graph.
 */
export { toAllianceGraph, loadGraphItems, displayLabel, failedGraphLoad, graphMessages, arcMergeRule, ARC_MERGES } from "./graph-load.ts";
export type { ArcMerge, GraphLoad, GraphReadOptions, GraphItems, NodeItem, EdgeItem, ItemCheckOptions, AttributeMap } from "./graph-load.ts";
export { readGraphologyJson, writeGraphologyJson, jsonMessages } from "./graphology-json.ts";
export { readNodeLinkJson, writeNodeLinkJson, nodeLinkMessages } from "./node-link-json.ts";
export { readJsonGraph } from "./json-graph.ts";
export { readGexf, writeGexf } from "./gexf.ts";
export { readGraphml, writeGraphml } from "./graphml.ts";
export { readGml, writeGml, gmlMessages, gmlIdentifiers } from "./gml.ts";
export { readPajek, writePajek, pajekMessages } from "./pajek.ts";
export { readEdgeList, writeEdgeList, edgeListMessages } from "./edge-list.ts";
export { readUcinetDl, ucinetDlMessages } from "./ucinet-dl.ts";
export {
  readVosviewerFiles,
  readVosviewerMap,
  readVosviewerNetwork,
  writeVosviewerMap,
  writeVosviewerNetwork,
  isVosviewerMap,
  looksLikeVosviewerNetwork,
  vosviewerFileMessages,
} from "./vosviewer-files.ts";
export { readVosviewerJson, writeVosviewerJson, vosviewerJsonMessages } from "./vosviewer-json.ts";
export { vosviewerMessages, vosviewerRules } from "./vosviewer-items.ts";
export { xmlMessages } from "./xml.ts";
export { UnwritableGraphError } from "./errors.ts";
