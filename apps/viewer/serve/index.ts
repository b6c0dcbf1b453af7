/**
 * Serving the viewer (Node only): the built app, its bundled datasets and a user's own files, on
 * 127.0.0.1 at a free port. `linkscale view` calls this; so do the browser tests. The user's files
 * are served read-only, each at a URL of its own listed in data/index.json, and nothing else from
 * the disk: no path from a request ever reaches the file system unchecked.
 *
 * Three guards, each against a way a page or the disk could turn the server against its user:
 * - the Host header must name this server (127.0.0.1, localhost or [::1] with its port), so a page
 *   on another origin cannot read the files through DNS rebinding (421 otherwise);
 * - every file is opened by its real path, symlinks resolved, and only inside the real path of a
 *   served root (the app's build, or what the user named), so a link out of them is a 404;
 * - every I/O error is an answer (404 for a file that is gone, 500 otherwise), never a crash.
 */
import { constants, existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { DATA_INDEX, type DataIndex } from "./datasets.ts";

// Found by package name rather than from this file, which the compiled `linkscale` bundle moves.
const ROOT = dirname(createRequire(import.meta.url).resolve("@linkscale/viewer/package.json"));
export const DEFAULT_DIST = join(ROOT, "dist");

export interface ViewerServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built app (default: apps/viewer/dist, built first if missing or older than the sources). */
  dist?: string;
  /**
   * A dataset of the user's files, opened first: its name, the files' paths and the roots they
   * may be read from (what the user named: files and folders; default: the files themselves). A
   * file whose real path is outside every root's real path (a symlink out of a named folder) is
   * listed but answered 404.
   */
  dataset?: { name: string; paths: string[]; roots?: string[] };
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

/** The body of the answer to a request whose Host is not this server's. */
export function foreignHostMessage(host: string | undefined, port: number): string {
  return `misdirected request: Host ${host === undefined ? "missing" : JSON.stringify(host)}; this server answers to 127.0.0.1:${port}, localhost:${port} and [::1]:${port} only\n`;
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
  const indexBody = JSON.stringify(index);
  const byUrl = new Map(userFiles.map(({ path, url }) => [`/${url}`, path]));
  // The roots' real paths, taken once: a root that moves later does not widen what is served.
  const distRoot = realpathSync(dist);
  const userRoots = (options.dataset?.roots ?? options.dataset?.paths ?? []).flatMap((root) => {
    try {
      return [realpathSync(root)];
    } catch {
      return [];
    }
  });

  let port = 0;
  let allowedHosts = new Set<string>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => fail(response, error));
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host;
    if (host === undefined || !allowedHosts.has(host.toLowerCase())) return send(response, 421, "text/plain; charset=utf-8", foreignHostMessage(host, port));
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "text/plain", "read only");
    let path: string;
    try {
      path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    } catch {
      return send(response, 400, "text/plain", "bad request");
    }
    if (path === `/${DATA_INDEX}`) return send(response, 200, "application/json", indexBody);
    const file = byUrl.get(path);
    if (file !== undefined) return sendFile(request, response, file, userRoots, () => "application/octet-stream", "no-store");
    const segments = appSegments(path);
    if (segments === undefined) return send(response, 404, "text/plain", "not found");
    const asset = join(distRoot, ...segments);
    return sendFile(request, response, asset, [distRoot], contentType, "no-cache");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  port = (server.address() as AddressInfo).port;
  // A browser leaves out the default port.
  allowedHosts = new Set(["127.0.0.1", "localhost", "[::1]"].flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The app's path as file-name segments, or undefined for one no file of the build can have. */
function appSegments(path: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of path.split("/").filter((segment) => segment !== "")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // No dot-files, `.` or `..`, and no separator or NUL smuggled in by percent-encoding.
    if (segment.startsWith(".") || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

function isInside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`));
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** NOFOLLOW where the platform has it: the path opened is already real, so a link there now was swapped in. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Sends a file found by its real path inside one of `roots` (a folder: its index.html), or 404;
 * a path that is gone or unreadable rejects, and the caller answers it.
 * The size and validator come from the opened file, not from an earlier look at the path.
 */
async function sendFile(request: IncomingMessage, response: ServerResponse, path: string, roots: readonly string[], typeOf: (real: string) => string, cache: string): Promise<void> {
  let real = await realpath(path);
  if ((await stat(real)).isDirectory()) real = await realpath(join(real, "index.html"));
  if (!isInside(real, roots)) return send(response, 404, "text/plain", "not found");
  const handle = await open(real, OPEN_FLAGS);
  let streaming = false;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return send(response, 404, "text/plain", "not found");
    const etag = `W/"${stats.size}-${stats.mtimeMs}"`;
    const headers = { "content-type": typeOf(real), "cache-control": cache, etag, "last-modified": stats.mtime.toUTCString() };
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, "content-length": stats.size });
    if (request.method === "HEAD" || stats.size === 0) {
      response.end();
      return;
    }
    // From here the stream owns the handle (it closes it at the end or on an error), and
    // pipeline destroys both sides on any error: a read error or a client gone midway.
    streaming = true;
    await pipeline(handle.createReadStream({ start: 0, end: stats.size - 1 }), response).catch(() => response.destroy());
  } finally {
    if (!streaming) await handle.close().catch(() => undefined);
  }
}

/** An error while answering: 404 for a file gone (or never there), 500 for anything else. */
function fail(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const missing = code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP" || code === "EISDIR";
  send(response, missing ? 404 : 500, "text/plain", missing ? "not found" : "could not read the file");
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}
