/**
 * What the viewer's browser tests share: the app (built once by global-setup.ts) served on
 * 127.0.0.1 by the same server `linkscale view` uses, driven in Debian's Chromium through
 * playwright-core (never a downloaded browser), one browser and one server per test file.
 * Expected values come from @linkscale/core run here in Node on the same files, never from the
 * page. Without Chromium the tests fail and say how to install it. Screenshots of each mode go to
 * test-output/viewer/.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AllianceGraph } from "@linkscale/core";
import { loadFiles } from "@linkscale/io";
import { chromium, type Browser, type Page } from "playwright-core";
import type Sigma from "sigma";
import { afterAll, beforeAll, inject } from "vitest";
import { serveViewer, type ViewerServer } from "../serve/index.ts";

const CHROMIUM = process.env["LINKSCALE_CHROMIUM"] ?? "/usr/bin/chromium";
export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const SCREENSHOTS = join(REPO, "test-output", "viewer");
const DATASETS = join(REPO, "datasets");

let browser: Browser | undefined;
let server: ViewerServer | undefined;

/** Starts the server and the browser before the calling file's tests, and stops them after. */
export function useBrowser(): void {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `the viewer tests need Debian's Chromium at ${CHROMIUM}, which is missing: run \`bash scripts/ensure-chromium.sh\` as root, ` +
          "or set LINKSCALE_CHROMIUM to a Chromium binary. Never `playwright install`.",
      );
    }
    server = await serveViewer({ dist: inject("viewerDist") });
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The served app's address, ending in a slash. */
export function serverUrl(): string {
  if (server === undefined) throw new Error("useBrowser() has not started the server");
  return server.url;
}

export interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** A new page on the app at `query` (the URL's part after the server's address), once it is ready. */
export async function open(query = ""): Promise<Opened> {
  if (browser === undefined) throw new Error("useBrowser() has not started the browser");
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const opened: Opened = { page, requests: [], dialogs: [], errors: [] };
  page.on("request", (request) => opened.requests.push(request.url()));
  page.on("dialog", (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => opened.errors.push(error.message));
  await page.goto(`${serverUrl()}${query}`);
  await ready(page);
  return opened;
}

export const ready = (page: Page) => page.waitForFunction(() => (window as unknown as { linkscale?: { ready: boolean } }).linkscale?.ready === true, null, { timeout: 60_000 });
export const count = async (page: Page, what: "organisations" | "links") => Number(await page.getAttribute(`[data-testid=visible-${what}]`, "data-count"));

/**
 * The share of the link layer's pixels that show as colour over the page's white, read in the
 * task that renders it (a translucent colour that sigma does not premultiply shows as white).
 */
export const linkPixels = (page: Page) =>
  page.evaluate(() => {
    const renderer = (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer;
    renderer.refresh();
    const layer = renderer.getCanvases()["edges"] as HTMLCanvasElement;
    const copy = document.createElement("canvas");
    [copy.width, copy.height] = [layer.width, layer.height];
    const context = copy.getContext("2d") as CanvasRenderingContext2D;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(layer, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.min(data[i] as number, data[i + 1] as number, data[i + 2] as number) < 235) painted++;
    return painted / (copy.width * copy.height);
  });

/** A bundled dataset (the one opened by default unless named), loaded here in Node by the core. */
export function reference(dataset = "semiconductor-ev"): AllianceGraph {
  const texts = ["organisations.csv", "participations.csv"].map((name) => ({ name, text: readFileSync(join(DATASETS, dataset, name), "utf8") }));
  const loaded = loadFiles(texts);
  if (loaded.form !== "tables") throw new Error("expected tables");
  return loaded.dataset.graph;
}
