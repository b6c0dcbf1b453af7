// Compiles the `linkscale` command into packages/cli/dist (run by `npm ci` and `npm install` as
// the root `prepare` step): one ES module bundle of the workspace's TypeScript, so the command
// starts without compiling anything (issue 22, point 12). Packages from node_modules stay
// imports, resolved by Node from the bundle's folder as from the sources. Tests and type-checks
// still run on the sources; the bin falls back to them while this bundle is older than they are.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${repo}packages/cli/dist`;

/** Workspace packages (their .ts sources) go into the bundle; every other package stays an import. */
const keepPackagesExternal = {
  name: "keep-packages-external",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.startsWith("@linkscale/") || path.endsWith(".json") ? undefined : { path, external: true },
    );
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  // Betweenness runs on worker threads, each loading the worker's module beside the bundle.
  entryPoints: { linkscale: `${repo}packages/cli/src/main.ts`, "betweenness-worker": `${repo}packages/core/src/node/betweenness-worker.ts` },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  plugins: [keepPackagesExternal],
  logLevel: "warning",
});
