/**
 * Builds the viewer once for every browser test file of the project (each would otherwise run
 * Vite itself): a fresh build of the sources under test into a temporary folder, never a stale
 * dist/, removed when the run ends. The files get its path through `inject("viewerDist")`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildViewer } from "../serve/index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    viewerDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dist = await buildViewer(mkdtempSync(join(tmpdir(), "linkscale-viewer-")));
  project.provide("viewerDist", dist);
  return () => rmSync(dist, { recursive: true, force: true });
}
