/**
 * A `.json` network, read as what its content is: VOSviewer Online's JSON (a `network` object
 * holding `items` or `links`), NetworkX's node-link JSON (items named by `id`, links under
 * `links` or `edges`) or graphology's export (items named by `key`). Parsed once.
 */
import type { AllianceGraph } from "@linkscale/core/model";
import { failedGraphLoad, type GraphLoad, type GraphReadOptions, type AnyAllianceGraph } from "./graph-load.ts";
import { graphologyLoad } from "./graphology-json.ts";
import { parseJson } from "./json-values.ts";
import { isNodeLink, nodeLinkLoad } from "./node-link-json.ts";
import { isVosviewerJson, vosviewerJsonLoad } from "./vosviewer-json.ts";

export function readJsonGraph<G extends AnyAllianceGraph = AllianceGraph>(text: string, options: GraphReadOptions<G>): GraphLoad<G> {
  const { file, build } = options;
  const parsed = parseJson(text);
  if ("error" in parsed) return failedGraphLoad(file, parsed.error, build);
  if (isVosviewerJson(parsed.data)) return vosviewerJsonLoad(parsed.data, options);
  return isNodeLink(parsed.data) ? nodeLinkLoad(parsed.data, options) : graphologyLoad(parsed.data, options);
}
