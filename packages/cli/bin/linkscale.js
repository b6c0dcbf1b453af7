#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=131072 node
// The linkscale command. It runs the compiled bundle (../dist, built by `npm ci`'s prepare step)
// when the bundle is newer than every workspace source, so it starts without compiling anything;
// otherwise (sources edited since, or no bundle) it runs the TypeScript sources through tsx, whose
// loader is registered before the first .ts module is imported. An error thrown after `main` has
// returned (in `view`'s server, say) is reported as `main` reports its own: one line, exit 70 for
// a bug, never a stack trace without --debug.
//
// The shebang fixes glibc malloc's mmap threshold at its default of 128 KiB (mallopt(3)). Left to
// itself, glibc raises that threshold to the size of each large block freed, so once a phase of
// `analyze` has freed its typed arrays, the next phase's arrays of up to 32 MB go into malloc's
// heap among the holes, which never shrinks back: 310-319 MB peak on the full Horizon 2020 network
// against 269-272 MB with the threshold fixed (same machine, runs taken in turn, no CPU cost).
// Other C libraries ignore the variable; `node bin/linkscale.js` runs without it.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const bundle = fileURLToPath(new URL("../dist/linkscale.js", import.meta.url));
const SOURCES = ["packages/cli/src", "packages/cli/package.json", "packages/core/src", "packages/io/src", "apps/viewer/serve"];

function modifiedAfter(path, time) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return false;
  if (!stats.isDirectory()) return stats.mtimeMs > time;
  return readdirSync(path).some((name) => modifiedAfter(`${path}/${name}`, time));
}

function bundleIsCurrent() {
  const built = statSync(bundle, { throwIfNoEntry: false });
  return built !== undefined && !SOURCES.some((source) => modifiedAfter(`${repo}${source}`, built.mtimeMs));
}

const debug = process.argv.includes("--debug");
if (debug) process.setSourceMapsEnabled(true);
let cli;
if (bundleIsCurrent()) {
  cli = await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../src/main.ts");
}
const { main, reportError, wantsDebug } = cli;
const crashed = (error) => process.exit(reportError(error, wantsDebug(process.argv)));
process.on("uncaughtException", crashed);
process.on("unhandledRejection", crashed);
process.exitCode = await main(process.argv);
