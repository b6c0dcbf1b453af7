/**
 * The viewer in a real browser (the harness in browser.ts): opening a dataset, drawing its links,
 * the scale and year filters, playing years and stages, the URL as state, search, pan, zoom and hover.
 */
import { join } from "node:path";
import { classifyLinks, linkWindow, timeSlice } from "@linkscale/core";
import type Sigma from "sigma";
import { describe, expect, it } from "vitest";
import { count, linkPixels, open, reference, SCREENSHOTS, serverUrl, useBrowser } from "./browser.ts";
import { PLAY_STEP_MS } from "../src/controls.ts";

/**
 * How long a test waits for what the page does on a timer (a play step, the highlight of a resting
 * pointer): the order of what it shows is asserted, never how soon, since a loaded machine delays
 * a page's timers by seconds.
 */
const STEP_WAIT_MS = 30_000;

useBrowser();

describe("the viewer", () => {
  it("opens the bundled dataset with every organisation and link, and no request leaves 127.0.0.1", async () => {
    const { page, requests, errors } = await open();
    const graph = reference();
    expect(await count(page, "organisations")).toBe(graph.order);
    expect(await count(page, "links")).toBe(graph.size);
    expect(await page.inputValue("[data-testid=dataset]")).toBe("semiconductor-ev");
    expect(requests.filter((url) => !url.startsWith(serverUrl()) && !url.startsWith("blob:") && !url.startsWith("data:"))).toEqual([]);
    expect(errors).toEqual([]);
    // The first frame is drawn once: a setting changed after the view was made redrew the whole
    // network on the next frame, and the first frame took twice as long where WebGL runs on the CPU.
    await page.waitForFunction(() => (window as unknown as { linkscale: { firstFrameMs: number } }).linkscale.firstFrameMs > 0);
    expect(await page.evaluate(() => (window as unknown as { linkscale: { redrawsBeforeFirstFrame: number } }).linkscale.redrawsBeforeFirstFrame)).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, "graph.png") });
    await page.close();
  });

  it("draws the links: the link layer is not blank, and a filter that hides every link blanks it", async () => {
    const { page } = await open();
    expect(await linkPixels(page)).toBeGreaterThan(0.05);
    await page.fill("[data-testid=min-weight]", "1000");
    await page.dispatchEvent("[data-testid=min-weight]", "change");
    expect(await count(page, "links")).toBe(0);
    expect(await linkPixels(page)).toBe(0);
    await page.close();
  });

  it("shows as many links as the core classifies at the scales left checked", async () => {
    const { page } = await open();
    const national = classifyLinks(reference()).filter(({ scale }) => scale === "national").length;
    expect(national).toBeGreaterThan(0);
    await page.uncheck("[data-testid=scale-transnational]");
    await page.uncheck("[data-testid=scale-local]");
    expect(await count(page, "links")).toBe(national);
    expect(new URL(page.url()).searchParams.get("scales")).toBe("national");
    await page.close();
  });

  it("shows as many links as the core's time slice holds for a year range", async () => {
    const { page } = await open();
    const expected = timeSlice(reference(), { from: 2016, to: 2017 }).size;
    await page.fill("[data-testid=year-from]", "2016");
    await page.fill("[data-testid=year-to]", "2017");
    expect(await page.textContent("[data-testid=years]")).toBe("2016–2017");
    expect(await count(page, "links")).toBe(expected);
    await page.close();
  });

  it("plays the years one by one, showing what the core's time slice holds for each, and pauses", async () => {
    const { page } = await open();
    const graph = reference();
    const first = Number(await page.getAttribute("[data-testid=year-from]", "min"));
    const last = Number(await page.getAttribute("[data-testid=year-from]", "max"));
    // Each year's links (the core's time slice) and organisations (only those with a link in the
    // window, as the core's linkWindow keeps them), computed before the play starts.
    const byYears = new Map<string, { years: string; links: number; organisations: number }>();
    for (let year = first; year <= last; year++) {
      const years = `${year}–${year}`;
      byYears.set(years, { years, links: timeSlice(graph, { from: year, to: year }).size, organisations: linkWindow(graph, { from: year, to: year }).order });
    }
    const [atFirst, atSecond] = [byYears.get(`${first}–${first}`), byYears.get(`${first + 1}–${first + 1}`)];
    // The window and its counts read at once: the play steps on while the test runs.
    const shown = () =>
      page.evaluate(() => {
        const read = (what: string) => Number(document.querySelector(`[data-testid=visible-${what}]`)?.getAttribute("data-count"));
        return { years: document.querySelector("[data-testid=years]")?.textContent ?? "", links: read("links"), organisations: read("organisations") };
      });
    await page.click("[data-testid=year-play]");
    const now = await shown();
    expect([atFirst?.years, atSecond?.years]).toContain(now.years);
    expect(now).toEqual(byYears.get(now.years));
    await page.waitForFunction((years) => document.querySelector("[data-testid=years]")?.textContent === years, atSecond?.years, { timeout: STEP_WAIT_MS });
    const next = await shown();
    expect(next).toEqual(byYears.get(next.years));
    await page.click("[data-testid=year-play]");
    expect(await page.getAttribute("[data-testid=year-play]", "aria-pressed")).toBe("false");
    const paused = await page.textContent("[data-testid=years]");
    await page.waitForTimeout(PLAY_STEP_MS * 1.5);
    expect(await page.textContent("[data-testid=years]")).toBe(paused);
    await page.close();
  });

  it("offers the stages the URL names, and plays through them", async () => {
    const { page } = await open("?stages=start-up:2015-2016,growth:2017-2018");
    const slice = (from: number, to: number) => timeSlice(reference(), { from, to }).size;
    expect(await page.$$eval("[data-testid=stage] option", (options) => options.map((o) => o.textContent))).toEqual(["all years", "start-up (2015–2016)", "growth (2017–2018)"]);
    await page.selectOption("[data-testid=stage]", "0");
    expect(await page.textContent("[data-testid=years]")).toBe("2015–2016");
    expect(await count(page, "links")).toBe(slice(2015, 2016));
    // Play goes on from the stage shown to the next, and stops after the last.
    await page.click("[data-testid=year-play]");
    await page.waitForFunction(() => document.querySelector("[data-testid=years]")?.textContent === "2017–2018", null, { timeout: STEP_WAIT_MS });
    expect(await count(page, "links")).toBe(slice(2017, 2018));
    expect(await page.inputValue("[data-testid=stage]")).toBe("1");
    await page.waitForFunction(() => document.querySelector("[data-testid=year-play]")?.getAttribute("aria-pressed") === "false", null, { timeout: STEP_WAIT_MS });
    await page.close();
  });

  it("keeps the view in the URL: a shared link opens the same filters", async () => {
    const first = await open();
    await first.page.uncheck("[data-testid=type-firm]");
    await first.page.selectOption("[data-testid=colour]", "country");
    const url = first.page.url();
    const counts = [await count(first.page, "organisations"), await count(first.page, "links")];
    await first.page.close();
    const { page } = await open(url.slice(serverUrl().length));
    expect([await count(page, "organisations"), await count(page, "links")]).toEqual(counts);
    expect(await page.inputValue("[data-testid=colour]")).toBe("country");
    expect(await page.isChecked("[data-testid=type-firm]")).toBe(false);
    const graph = reference();
    expect(counts[0]).toBe(graph.filterNodes((_node, { type }) => type !== "firm").length);
    await page.close();
  });

  it("finds an organisation by name and opens its panel, where the page lets the scale shares' WebAssembly pass compile", async () => {
    const { page } = await open();
    await page.fill("[data-testid=search]", "infineon technologies austria");
    await page.click("[data-testid=search-results] button");
    const graph = reference();
    const node = graph.findNode((_node, { name }) => /^INFINEON TECHNOLOGIES AUSTRIA\s+AG$/.test(String(name))) as string;
    expect(await page.textContent("[data-testid=panel-name]")).toBe(graph.getNodeAttribute(node, "name"));
    expect(await page.isVisible("[data-testid=panel]")).toBe(true);
    expect(new URL(page.url()).searchParams.get("selected")).toBe(node);
    const partners = graph.degree(node);
    expect(await page.textContent("[data-testid=panel-partners]")).toBe(`Partners (${partners})`);
    // Its rank among all organisations by degree, as the core counts partners.
    const higher = graph.filterNodes((other) => graph.degree(other) > partners).length;
    const lower = graph.filterNodes((other) => graph.degree(other) < partners).length;
    const degreeRow = page.locator("[data-testid=panel] tr", { hasText: "degree" }).first().locator("td");
    expect(await degreeRow.textContent()).toBe(`${partners} · #${higher + 1} of ${graph.order}, p${Math.floor((100 * lower) / graph.order)}`);
    // The partners follow the filters: universities hidden, the partners that are universities go.
    await page.uncheck("[data-testid=type-university]");
    const left = graph.neighbors(node).filter((other) => graph.getNodeAttribute(other, "type") !== "university").length;
    expect(await page.textContent("[data-testid=panel-partners]")).toBe(`Partners shown (${left} of ${partners})`);
    expect(await page.locator("[data-testid=panel] .partners li").count()).toBe(Math.min(left, 50));
    // Under a policy without 'wasm-unsafe-eval' the shares would fall back to JavaScript, silently.
    const compiles = await page.evaluate(() => {
      try {
        return new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0)) instanceof WebAssembly.Module;
      } catch (error) {
        return String(error);
      }
    });
    expect(compiles).toBe(true);
    await page.close();
  });

  it("pans and zooms a view too slow to redraw by moving its picture, landing where sigma's own pan and zoom land", async () => {
    const { page } = await open();
    await page.waitForFunction(() => !(window as unknown as { linkscale: { layoutRunning: boolean } }).linkscale.layoutRunning, null, { timeout: 60_000 });
    type Probe = { linkscale: { renderer: Sigma; gestures: { frameBudgetMs: number; active: boolean } } };
    const camera = () => page.evaluate(() => (window as unknown as Probe).linkscale.renderer.getCamera().getState());
    const start = await camera();
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number; width: number; height: number };
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const transforms = () => page.evaluate(() => Object.values((window as unknown as Probe).linkscale.renderer.getCanvases()).map((canvas) => canvas.style.transform));
    /** A drag of (120, -80) px, then one wheel notch in at another point; the camera after each. */
    async function gestures(frameBudgetMs: number) {
      await page.evaluate(
        ({ budget, state }) => {
          const { renderer, gestures } = (window as unknown as Probe).linkscale;
          gestures.frameBudgetMs = budget;
          renderer.getCamera().setState(state);
        },
        { budget: frameBudgetMs, state: start },
      );
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 60, y - 40, { steps: 3 });
      await page.mouse.move(x + 120, y - 80, { steps: 3 });
      const moving = await transforms();
      // Still before the release: sigma's inertia, which carries a fast release on, stays out of it.
      await page.waitForTimeout(300);
      await page.mouse.up();
      const settled = async () => {
        await page.waitForFunction(() => {
          const { renderer, gestures } = (window as unknown as Probe).linkscale;
          return !gestures.active && !renderer.getCamera().isAnimated();
        });
        return camera();
      };
      const dragged = await settled();
      await page.mouse.move(x - 200, y + 100);
      await page.mouse.wheel(0, -100);
      const zoomed = await settled();
      return { moving, dragged, zoomed, after: await transforms() };
    }
    const live = await gestures(Infinity);
    const previewed = await gestures(0);
    // Sigma redrew the live gesture at every step; the previewed one moved the picture.
    expect(live.moving.every((transform) => transform === "")).toBe(true);
    expect(previewed.moving.some((transform) => transform.startsWith("translate(120px, -80px)"))).toBe(true);
    expect(previewed.after.every((transform) => transform === "")).toBe(true);
    // The same drag moved the camera, and the same notch zoomed it, equally both ways: to a
    // millionth of the graph's extent (camera x and y are fractions of it), far under a pixel.
    expect(live.dragged.ratio).toBe(start.ratio);
    expect(live.zoomed.ratio).toBeCloseTo(start.ratio / 1.7, 12);
    for (const key of ["x", "y", "ratio"] as const) {
      expect(previewed.dragged[key]).toBeCloseTo(live.dragged[key], 6);
      expect(previewed.zoomed[key]).toBeCloseTo(live.zoomed[key], 6);
    }
    expect(previewed.dragged.x).not.toBeCloseTo(start.x, 3);
    await page.close();
  });

  it("highlights a hovered organisation at once where frames are fast, and once the pointer rests where they are slow", async () => {
    const { page } = await open();
    await page.waitForFunction(() => !(window as unknown as { linkscale: { layoutRunning: boolean } }).linkscale.layoutRunning, null, { timeout: 60_000 });
    type Probe = { linkscale: { renderer: Sigma; gestures: { frameBudgetMs: number } }; renders: number };
    const graph = reference();
    const hub = graph.nodes().reduce((best, node) => (graph.degree(node) > graph.degree(best) ? node : best));
    // Where the best-connected organisation is on screen, and where nothing is.
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number };
    const at = await page.evaluate((node) => {
      const global = window as unknown as Probe;
      global.renders = 0;
      global.linkscale.renderer.on("afterRender", () => global.renders++);
      const { renderer } = global.linkscale;
      return renderer.framedGraphToViewport(renderer.getNodeDisplayData(node) as { x: number; y: number });
    }, hub);
    const highlighted = () => page.evaluate((node) => (window as unknown as Probe).linkscale.renderer.getNodeDisplayData(node)?.highlighted === true, hub);
    const renders = () => page.evaluate(() => (window as unknown as Probe).renders);
    const budget = (ms: number) => page.evaluate((value) => ((window as unknown as Probe).linkscale.gestures.frameBudgetMs = value), ms);
    const sweep = async () => {
      await page.mouse.move(box.x + 5, box.y + 5);
      await page.waitForTimeout(400);
      const before = await renders();
      await page.mouse.move(box.x + at.x, box.y + at.y);
      await page.mouse.move(box.x + 5, box.y + 5);
      await page.waitForTimeout(400);
      return (await renders()) - before;
    };
    // Fast frames: crossing the organisation highlights it and lets it go, a frame each.
    await budget(Infinity);
    expect(await sweep()).toBeGreaterThanOrEqual(2);
    // Slow frames: crossing it draws nothing; resting on it highlights it.
    await budget(0);
    expect(await sweep()).toBe(0);
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.waitForFunction((node) => (window as unknown as Probe).linkscale.renderer.getNodeDisplayData(node)?.highlighted === true, hub, { timeout: STEP_WAIT_MS });
    expect(await highlighted()).toBe(true);
    await page.close();
  });
});
