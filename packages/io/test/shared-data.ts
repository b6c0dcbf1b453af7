/** Paths into ../shared/data beside the checkout (or $LINKSCALE_SHARED), where CI has it. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = process.env["LINKSCALE_SHARED"] ?? fileURLToPath(new URL("../../../../shared/data/", import.meta.url));

export function sharedText(path: string): string {
  const bytes = readFileSync(`${root}/${path}`);
  return (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}
