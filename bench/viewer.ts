/**
 * The viewer in headless Chromium (Debian's, driven by playwright-core): time to the first frame
 * of a network, from the page's navigation (fetching, parsing, projection and classification in
 * the page included), the time from the first frame to a settled layout (ForceAtlas2 in its
 * worker until the criterion of apps/viewer/src/layout-settle.ts holds, with its iterations; a
 * layout still running after LAYOUT_LIMIT_S is stopped and reported so), the frame rate through a
 * scripted pan and zoom (animation frames in which sigma drew or a gesture moved its picture), and
 * the time the view takes to be drawn once the motion stops. h2020-health, then the FULL Horizon
 * 2020 participations (../shared/data) served by the `linkscale view` server, which opens with
 * the minimum-link-weight control hiding the lightest links.
 *
 * Headless Chromium on this machine has no GPU: WebGL runs on SwiftShader, on the CPU. The figures
 * are what that gives; a desktop with a GPU draws faster.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import type Sigma from "sigma";
import { buildViewer, serveViewer } from "@linkscale/viewer/serve";
import { H2020_PARTICIPATIONS } from "./shared.ts";
import { printTable } from "./table.ts";

const CHROMIUM = process.env["LINKSCALE_CHROMIUM"] ?? "/usr/bin/chromium";
/** Seconds of scripted camera motion: half panning in a circle, half zooming in and out. */
const MOTION_SECONDS = 6;
/** Seconds a layout may run before the bench stops it and reports it unsettled. */
const LAYOUT_LIMIT_S = 300;

interface Probe {
  ready: boolean;
  firstFrameMs: number;
  counts: { organisations: number; links: number };
  layoutRunning: boolean;
  layout?: { phase: string; iterations: number; step: number | undefined; laidOut: number; startedMs: number; settledMs: number };
}

/** Waits for the layout to settle (or stop at its iteration cap), stopping it after LAYOUT_LIMIT_S; what it reached. */
async function settleLayout(page: Page): Promise<{ cell: string; note: string }> {
  await page
    .waitForFunction(() => ["settled", "capped"].includes((window as unknown as { linkscale: Probe }).linkscale.layout?.phase ?? ""), null, { timeout: LAYOUT_LIMIT_S * 1000 })
    .catch(() => undefined);
  const layout = await page.evaluate(() => (window as unknown as { linkscale: Probe }).linkscale.layout);
  if (layout === undefined) return { cell: "", note: "no layout" };
  const reached = `${layout.iterations} iterations over ${layout.laidOut.toLocaleString("en-GB")} organisations with links, relative step ${layout.step?.toExponential(1) ?? "–"}`;
  if (layout.phase === "settled") return { cell: ((layout.settledMs - layout.startedMs) / 1000).toFixed(1), note: reached };
  const elapsedS = (await page.evaluate((started) => performance.now() - started, layout.startedMs)) / 1000;
  if (layout.phase === "running") await page.click("[data-testid=layout]");
  const stopped = layout.phase === "capped" ? "not settled at the iteration cap" : `not settled, stopped after ${LAYOUT_LIMIT_S} s`;
  return { cell: `> ${elapsedS.toFixed(0)}`, note: `${stopped}: ${reached}` };
}

/** Stops the layout (the same as the row before's), for the motion. */
async function stopLayout(page: Page): Promise<{ cell: string; note: string }> {
  if (await page.evaluate(() => (window as unknown as { linkscale: Probe }).linkscale.layoutRunning)) await page.click("[data-testid=layout]");
  return { cell: "", note: "the row above's layout (filters do not change it), stopped" };
}

interface Motion {
  /** Frames in which the view moved: sigma drew, or the moved picture of a gesture did. */
  frames: number;
  seconds: number;
  p95FrameMs: number;
  /** From the last input to the drawn view it leads to reaching the screen. */
  settleMs: number;
}

/**
 * Pans (a circular mouse drag) and zooms (the wheel, in then out) as a user does, for
 * MOTION_SECONDS, through playwright's mouse; counts the animation frames in which the view
 * moved meanwhile, then times the view's settling after the last input.
 */
async function moveCamera(page: Page): Promise<Motion> {
  await page.evaluate(() => {
    const global = window as unknown as { linkscale: { renderer: Sigma }; frames: number[] };
    const { renderer } = global.linkscale;
    const nodes = renderer.getCanvases()["nodes"] as HTMLCanvasElement;
    global.frames = [];
    let drawn = false;
    let transform = nodes.style.transform;
    renderer.on("afterRender", () => (drawn = true));
    const tick = (now: number) => {
      if (drawn || nodes.style.transform !== transform) global.frames.push(now);
      drawn = false;
      transform = nodes.style.transform;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number; width: number; height: number };
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const start = await page.evaluate(() => performance.now());
  const elapsed = async () => (await page.evaluate(() => performance.now())) - start;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let step = 0; (await elapsed()) < (MOTION_SECONDS / 2) * 1000; step++) {
    await page.mouse.move(cx + 150 * Math.sin(step / 8), cy + 150 * (1 - Math.cos(step / 8)), { steps: 2 });
  }
  await page.mouse.up();
  for (let step = 0; (await elapsed()) < MOTION_SECONDS * 1000; step++) {
    await page.mouse.wheel(0, step % 20 < 10 ? -60 : 60);
    await page.waitForTimeout(16);
  }
  return page.evaluate(
    (from) =>
      new Promise<Motion>((resolve) => {
        const global = window as unknown as { linkscale: { renderer: Sigma }; frames: number[] };
        const end = performance.now();
        const frames = global.frames.filter((time) => time >= from && time <= end);
        const gaps = frames
          .slice(1)
          .map((time, i) => time - (frames[i] as number))
          .sort((a, b) => a - b);
        const { renderer } = global.linkscale;
        const nodes = renderer.getCanvases()["nodes"] as HTMLCanvasElement;
        const done = () => resolve({ frames: frames.length, seconds: (end - from) / 1000, p95FrameMs: gaps[Math.floor(0.95 * (gaps.length - 1))] ?? NaN, settleMs: performance.now() - end });
        // Once the picture is no longer a moved one, sigma has drawn the view; the animation frame
        // after the next one waits for that drawing to reach the screen.
        const settled = () => requestAnimationFrame(() => (nodes.style.transform === "" ? requestAnimationFrame(() => requestAnimationFrame(done)) : settled()));
        settled();
      }),
    start,
  );
}

export async function benchViewer(): Promise<void> {
  const dist = mkdtempSync(join(tmpdir(), "linkscale-bench-viewer-"));
  process.stderr.write("viewer: building the app…\n");
  await buildViewer(dist);
  const server = await serveViewer({ dist, dataset: { name: "h2020-full", paths: [H2020_PARTICIPATIONS] } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const rows: string[][] = [];
  try {
    // The full network opens with the lightest links hidden; at minimum weight 2 it shows more.
    // The layout runs over the links the view opens with, whatever the filters: the third row's is the second's.
    for (const [dataset, target, query, timeLayout] of [["h2020-health", 3, "", true], ["h2020-full", 10, "", true], ["h2020-full", 10, "&minWeight=2", false]] as const) {
      process.stderr.write(`viewer: ${dataset}${query}…\n`);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      // tsx compiles the functions handed to the page with esbuild's name-keeping helper.
      await page.addInitScript("window.__name = (f) => f");
      await page.goto(`${server.url}?dataset=${dataset}&size=none${query}`);
      await page.waitForFunction(() => ((window as unknown as { linkscale?: Probe }).linkscale?.firstFrameMs ?? 0) > 0, null, { timeout: 300_000 });
      const probe = await page.evaluate(() => {
        const { firstFrameMs, counts } = (window as unknown as { linkscale: Probe }).linkscale;
        const marks = Object.fromEntries(performance.getEntriesByType("mark").map(({ name, startTime }) => [name, Math.round(startTime)]));
        return { firstFrameMs, counts, marks, total: document.querySelector("[data-testid=visible-links]")?.textContent ?? "" };
      });
      process.stderr.write(`viewer: ${dataset}: first frame at ${Math.round(probe.firstFrameMs)} ms; marks ${JSON.stringify(probe.marks)}\n`);
      // The layout runs in its worker from the first frame until it settles; motion is measured without it.
      const layout = timeLayout ? await settleLayout(page) : await stopLayout(page);
      process.stderr.write(`viewer: ${dataset}${query}: layout ${layout.cell} s, ${layout.note}\n`);
      await page.waitForFunction(() => !(window as unknown as { linkscale: Probe }).linkscale.layoutRunning, null, { timeout: 60_000 });
      const motion = await moveCamera(page);
      const fps = motion.frames / motion.seconds;
      rows.push([
        `${dataset}${query.replace("&", " ")}`,
        probe.total,
        (probe.firstFrameMs / 1000).toFixed(2),
        `< ${target}`,
        layout.cell,
        layout.note,
        fps.toFixed(1),
        motion.p95FrameMs.toFixed(1),
        dataset === "h2020-health" ? ">= 30" : "",
        (motion.settleMs / 1000).toFixed(2),
      ]);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  console.log("\nThe viewer in headless Chromium (SwiftShader WebGL, no GPU), 1400 x 900, nodes of one size");
  printTable(["dataset", "links shown", "first frame s", "target s", "layout settled s", "layout", "fps pan+zoom", "p95 frame ms", "target fps", "drawn after motion s"], rows);
  console.log("first frame: from navigation until the GPU has drawn the first frame (a WebGL2 fence), loading and projecting in the page included");
  console.log(`layout settled: from the layout's start (the first frame) until its criterion held (a relative step under 1e-3 for 3 batches of 20 iterations); h2020-health must settle within 30 s`);
  console.log(`fps: animation frames per second in which the view moved, over ${MOTION_SECONDS} s of mouse drag and wheel; where a full frame is slower than 30 fps, a gesture moves the last drawn picture and sigma draws once it rests`);
  console.log("drawn after motion: from the last input to the view it leads to reaching the screen");
}
