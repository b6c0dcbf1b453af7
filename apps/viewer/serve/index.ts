/**
 * Serving the viewer (Node only): the built app, its bundled datasets and a user's own files, on
 * 127.0.0.1 at a free port. `linkscale view` calls this; so do the browser tests. The user's files
 * are served read-only, each at a URL of its own listed in data/index.json, and nothing else from
 * the disk: no path from a request ever reaches the file system.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { DATA_INDEX, type DataIndex } from "./datasets.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DEFAULT_DIST = fileURLToPath(new URL("../dist", import.meta.url));

export interface ViewerServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built app (default: apps/viewer/dist, built first if missing or older than the sources). */
  dist?: string;
  /** A dataset of the user's files, opened first: its name and the files' paths. */
  dataset?: { name: string; paths: string[] };
  port?: number;
  onProgress?: (message: string) => void;
}

/** Builds the app with Vite into `outDir`; returns it. */
export async function buildViewer(outDir: string = DEFAULT_DIST): Promise<string> {
  const { build } = await import("vite");
  await build({ root: ROOT, configFile: `${ROOT}/vite.config.ts`, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** True when the build is missing or older than any of the app's sources. */
function needsBuild(dist: string): boolean {
  const built = `${dist}/index.html`;
  if (!existsSync(built)) return true;
  const time = statSync(built).mtimeMs;
  const newer = (path: string): boolean =>
    statSync(path).isDirectory() ? readdirSync(path).some((name) => newer(join(path, name))) : statSync(path).mtimeMs > time;
  return ["src", "index.html", "vite.config.ts"].some((name) => newer(join(ROOT, name)));
}

export async function serveViewer(options: ServeOptions = {}): Promise<ViewerServer> {
  const dist = options.dist ?? DEFAULT_DIST;
  if (options.dist === undefined && needsBuild(dist)) {
    options.onProgress?.(`building the viewer into ${dist}…`);
    await buildViewer(dist);
  }
  const bundled = JSON.parse(readFileSync(`${dist}/${DATA_INDEX}`, "utf8")) as DataIndex;
  const userFiles = (options.dataset?.paths ?? []).map((path, i) => ({ path, url: `data/user/${i}/${encodeURIComponent(basename(path))}` }));
  const index: DataIndex = {
    datasets: [
      ...(options.dataset === undefined ? [] : [{ name: options.dataset.name, files: userFiles.map(({ path, url }) => ({ name: path, url })) }]),
      ...bundled.datasets,
    ],
  };
  const byUrl = new Map(userFiles.map(({ path, url }) => [`/${url}`, path]));
  const assets = sirv(dist, { dev: false, etag: true });

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "text/plain", "read only");
    if (path === `/${DATA_INDEX}`) return send(response, 200, "application/json", JSON.stringify(index));
    const file = byUrl.get(path);
    if (file !== undefined) {
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": statSync(file).size, "cache-control": "no-store" });
      createReadStream(file).pipe(response);
      return;
    }
    assets(request, response, () => send(response, 404, "text/plain", "not found"));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}
