/**
 * @linkscale/io: the formats alliance networks come in. Strings in, strings out; no file system,
 * so it runs in a browser as in Node.
 */
export { readOrganisationsCsv, readLinksCsv, readParticipationsCsv, readParticipationRow } from "./csv/read.ts";
export type { ParticipationRow } from "./csv/read.ts";
export { readRows, resolveColumns } from "./csv/read-table.ts";
export type { CsvReadOptions, Translate } from "./csv/read-table.ts";
export { writeOrganisationsCsv, writeLinksCsv } from "./csv/write.ts";
export { parseCsv, sniffDelimiter, DELIMITERS } from "./csv/parse-csv.ts";
export { ORGANISATION_FIELDS, ORGANISATION_ATTRIBUTE_FIELDS, LINK_FIELDS, PARTICIPATION_FIELDS, LIST_SEPARATOR } from "./csv/fields.ts";
export {
  readCordisParticipationsCsv,
  readCordisOrganisationsCsv,
  readCordisOrganisationsJson,
  readCordisProjectYears,
  CORDIS_PARTICIPATIONS_DIALECT,
  CORDIS_ORGANISATIONS_DIALECT,
} from "./cordis/read-cordis.ts";
export type { CordisReadOptions } from "./cordis/read-cordis.ts";
export { CORDIS_ACTIVITY_TYPES, CORDIS_COUNTRY_CODES } from "./cordis/codes.ts";
export { ReadAsTally, mergeReadAs, TYPE_NAMES } from "./vocabulary.ts";
export type { ReadAs } from "./vocabulary.ts";
export { assembleDataset, DatasetError } from "./dataset.ts";
export type { Dataset, DatasetTables } from "./dataset.ts";
export { detectTableKind, detectVosviewerFile, readHeader } from "./detect.ts";
export type { TableKind } from "./detect.ts";
export { at, formatRejectedRow, messages, emptyLoad } from "./problems.ts";
export type { Accepted, Problem, RejectedRow, TableLoad } from "./problems.ts";
export { toAllianceGraph, graphMessages, arcMergeRule, ARC_MERGES } from "./formats/graph-load.ts";
export type { ArcMerge, GraphLoad, GraphReadOptions } from "./formats/graph-load.ts";
export { readGraphologyJson, writeGraphologyJson, jsonMessages } from "./formats/graphology-json.ts";
export { readNodeLinkJson, writeNodeLinkJson, nodeLinkMessages } from "./formats/node-link-json.ts";
export { readJsonGraph } from "./formats/json-graph.ts";
export { jsonValueMessages } from "./formats/json-values.ts";
export { readGexf, writeGexf, writeGexfStream } from "./formats/gexf.ts";
export { readGraphml, writeGraphml, writeGraphmlStream } from "./formats/graphml.ts";
export { readGml, writeGml, gmlMessages, gmlIdentifiers } from "./formats/gml.ts";
export { readPajek, writePajek, pajekMessages } from "./formats/pajek.ts";
export { readEdgeList, writeEdgeList, edgeListMessages } from "./formats/edge-list.ts";
export { readUcinetDl, ucinetDlMessages } from "./formats/ucinet-dl.ts";
export {
  readVosviewerFiles,
  readVosviewerMap,
  readVosviewerNetwork,
  writeVosviewerMap,
  writeVosviewerNetwork,
  vosviewerFileMessages,
} from "./formats/vosviewer-files.ts";
export { readVosviewerJson, writeVosviewerJson, vosviewerJsonMessages } from "./formats/vosviewer-json.ts";
export { vosviewerMessages, vosviewerRules } from "./formats/vosviewer-items.ts";
export { xmlMessages, type StreamedGraph } from "./formats/xml.ts";
export { UnwritableGraphError } from "./formats/errors.ts";
export { loadFiles, loadMessages, InputError, DATA_EXTENSIONS, dataExtension } from "./load-files.ts";
export type { InputText, LoadOptions, LoadedFiles } from "./load-files.ts";
