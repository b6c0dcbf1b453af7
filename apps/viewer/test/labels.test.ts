/**
 * Names on the canvas, in a real browser (the harness in browser.ts), on semiconductor-ev: the
 * density control, and labels placed so that none overlaps another, runs off the canvas or lies
 * under the zoom buttons or a community's name (label-placement.ts), community names that keep
 * clear of each other (group-labels.ts). The selected organisation's name, read here in
 * Node from the dataset by the core, is shown whatever the density.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Box } from "../src/label-placement.ts";
import { open, reference, useBrowser } from "./browser.ts";

useBrowser();

type Probe = { linkscale: { layout?: { phase: string }; labels: Array<{ text: string; box: Box }>; renderer: { getDimensions(): { width: number; height: number } } } };

/** The labels drawn once the layout has settled and the page has drawn a frame since. */
async function labelsDrawn(page: Page) {
  await page.waitForFunction(() => (window as unknown as Probe).linkscale.layout?.phase === "settled", null, { timeout: 60_000 });
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const { linkscale } = window as unknown as Probe;
    const zoom = (document.querySelector(".zoom") as HTMLElement).getBoundingClientRect();
    const canvas = (document.querySelector("#graph") as HTMLElement).getBoundingClientRect();
    const zoomBox = { left: zoom.left - canvas.left, top: zoom.top - canvas.top, right: zoom.right - canvas.left, bottom: zoom.bottom - canvas.top };
    return { labels: linkscale.labels, size: linkscale.renderer.getDimensions(), zoomBox };
  });
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe("names on the canvas", { timeout: 180_000 }, () => {
  it("are placed apart, inside the canvas and clear of the zoom buttons, as many as the density asks", async () => {
    const { page, errors } = await open("?labels=many");
    const many = await labelsDrawn(page);
    expect(many.labels.length).toBeGreaterThan(10);
    for (const [i, { box }] of many.labels.entries()) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(many.size.width);
      expect(box.bottom).toBeLessThanOrEqual(many.size.height);
      expect(overlaps(box, many.zoomBox)).toBe(false);
      for (const other of many.labels.slice(i + 1)) expect(overlaps(box, other.box)).toBe(false);
    }

    // Fewer with "few", none with "none"; the URL keeps the choice.
    await page.selectOption("[data-testid=labels]", "few");
    const few = await labelsDrawn(page);
    expect(few.labels.length).toBeGreaterThan(0);
    expect(few.labels.length).toBeLessThan(many.labels.length);
    expect(new URL(page.url()).searchParams.get("labels")).toBe("few");
    await page.selectOption("[data-testid=labels]", "none");
    expect((await labelsDrawn(page)).labels).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keep clear of the community names, which keep clear of each other", async () => {
    const { page, errors } = await open("?labels=many&colour=community");
    const { labels } = await labelsDrawn(page);
    const communities = await page.evaluate(() => {
      const canvas = (document.querySelector("#graph") as HTMLElement).getBoundingClientRect();
      const shown = [...document.querySelectorAll<HTMLElement>(".group-label")].filter((element) => !element.hidden);
      return shown.map((element) => {
        const box = element.getBoundingClientRect();
        return { left: box.left - canvas.left, top: box.top - canvas.top, right: box.right - canvas.left, bottom: box.bottom - canvas.top };
      });
    });
    expect(communities.length).toBeGreaterThan(1);
    for (const [i, box] of communities.entries()) {
      for (const other of communities.slice(i + 1)) expect(overlaps(box, other)).toBe(false);
      for (const label of labels) expect(overlaps(box, label.box)).toBe(false);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("show the selected organisation's name even when none are asked for", async () => {
    const graph = reference();
    // The least connected organisation with a name: its label is never one the grid would choose.
    const named = graph.filterNodes((_node, { name }) => typeof name === "string" && name.trim() !== "");
    const least = named.reduce((a, b) => (graph.degree(b) < graph.degree(a) ? b : a));
    const { page, errors } = await open(`?labels=none&selected=${encodeURIComponent(least)}`);
    const { labels } = await labelsDrawn(page);
    expect(labels.map(({ text }) => text)).toEqual([graph.getNodeAttribute(least, "name")]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
