/**
 * How long `linkscale --version` takes, wall clock, from the process's start to its exit (issue
 * 22, point 12): the bin as installed (the compiled bundle `npm ci` builds), beside the same
 * command run from the TypeScript sources through tsx, as every command ran before the bundle.
 * Medians of 11 runs, after one warm-up run each (the file system cache).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median } from "./shared.ts";
import { printTable } from "./table.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 11;

/** The bin before the bundle: tsx's loader registered, then main run from the sources. */
const FROM_SOURCES = [
  "--input-type=module",
  "-e",
  'import { register } from "tsx/esm/api"; register(); const { main } = await import("./packages/cli/src/main.ts"); process.exitCode = await main(process.argv);',
  "--",
  "linkscale", // process.argv[1], where the bin's own path stands
];

function seconds(args: readonly string[]): number {
  const start = performance.now();
  const { status, stderr } = spawnSync(process.execPath, args, { cwd: REPO, encoding: "utf8" });
  if (status !== 0) throw new Error(`node ${args.join(" ")} exited ${status}: ${stderr}`);
  return (performance.now() - start) / 1000;
}

function medianSeconds(args: readonly string[]): number {
  seconds(args);
  return median(Array.from({ length: RUNS }, () => seconds(args)));
}

export function benchStartup(): void {
  if (!existsSync(`${REPO}packages/cli/dist/linkscale.js`)) throw new Error("no compiled bundle: run `npm ci` (or node scripts/build-cli.mjs) first");
  process.stderr.write("startup: linkscale --version, bundle and sources…\n");
  const rows = [
    ["compiled bundle (the bin)", medianSeconds(["packages/cli/bin/linkscale.js", "--version"])],
    ["TypeScript sources via tsx (before)", medianSeconds([...FROM_SOURCES, "--version"])],
    ["node -e 0 (Node's own start)", medianSeconds(["-e", "0"])],
  ] as const;
  console.log(`\nlinkscale --version, wall clock, median of ${RUNS}`);
  printTable(["run", "seconds"], rows.map(([name, time]) => [name, time.toFixed(3)]));
}
