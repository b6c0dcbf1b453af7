import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { BUNDLED_DATASETS, DATA_INDEX } from "./serve/datasets.ts";

const DATASETS = fileURLToPath(new URL("../../datasets/", import.meta.url));

/**
 * The bundled datasets go into the build as data/<name>/<file>, listed in data/index.json, the
 * same shape `linkscale view` serves a user's files in: the app fetches them from its own origin.
 */
function bundledDatasets(): Plugin {
  let outDir = "";
  return {
    name: "linkscale-bundled-datasets",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const index = BUNDLED_DATASETS.map((name) => {
        const folder = join(outDir, "data", name);
        mkdirSync(folder, { recursive: true });
        const files = readdirSync(join(DATASETS, name)).filter((file) => /^(organisations|participations|links)\.csv$/.test(file));
        for (const file of files) copyFileSync(join(DATASETS, name, file), join(folder, file));
        return { name, files: files.map((file) => ({ name: `${name}/${file}`, url: `data/${name}/${file}` })) };
      });
      writeFileSync(join(outDir, DATA_INDEX), JSON.stringify({ datasets: index }, null, 2) + "\n");
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [bundledDatasets()],
  resolve: {
    // The CSV library's own browser builds: its Node builds use Buffer, which a page lacks.
    alias: [
      { find: /^csv-parse\/sync$/, replacement: "csv-parse/browser/esm/sync" },
      { find: /^csv-stringify\/sync$/, replacement: "csv-stringify/browser/esm/sync" },
    ],
  },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  worker: { format: "es" },
});
