/**
 * report.html in a real browser: `analyze` writes the page, Debian's Chromium (driven by
 * playwright-core, never a downloaded browser) opens it from disk, and the tests check that no
 * request leaves the page, that every chart is drawn, and that names holding HTML stay text.
 * Without Chromium these tests fail and say how to install it: they never skip.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeText, html } from "../src/analysis/html/markup.ts";
import { histogram } from "../src/analysis/html/histogram.ts";
import { linkscale } from "./run.ts";

const CHROMIUM = process.env["LINKSCALE_CHROMIUM"] ?? "/usr/bin/chromium";
const dir = mkdtempSync(join(tmpdir(), "linkscale-report-html-"));
let browser: Browser | undefined;

/** Chromium, started once; a missing binary fails the browser tests with how to install it. */
async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `the report.html tests need Debian's Chromium at ${CHROMIUM}, which is missing: run \`bash scripts/ensure-chromium.sh\` as root ` +
        "(apt-get install -y chromium fonts-liberation), or set LINKSCALE_CHROMIUM to a Chromium binary. Never `playwright install`.",
    );
  }
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  return browser;
}

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

async function open(file: string): Promise<Opened> {
  const page = await (await launch()).newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(file).href;
  const opened: Opened = { page, url, requests: [], dialogs: [], errors: [] };
  page.on("request", (request) => opened.requests.push(request.url()));
  page.on("dialog", (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => opened.errors.push(error.message));
  // networkidle: requests a page makes late (fonts, lazy images) are recorded too.
  await page.goto(url, { waitUntil: "networkidle" });
  return opened;
}

function analyze(inputs: string[], config: object, out: string): { stdout: string; stderr: string } {
  const configFile = join(dir, `${out}.json`);
  writeFileSync(configFile, JSON.stringify(config));
  const run = linkscale(["analyze", ...inputs, "--config", configFile, "--out", join(dir, out), "-q"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run;
}

/** Every chart the page draws for semiconductor-ev grouped by country and type: id, title, the marks it must hold. */
const CHARTS: Array<[string, string, string[]]> = [
  ["scales-by-year", "Share of links by scale, per year", ["bar"]],
  ["scales-by-country", "Share of links by scale, per country", ["bar"]],
  ["scales-by-type", "Share of links by scale, per type", ["bar"]],
  ["distance-decay", "Distance-decay profile", ["point", "line mark"]],
  ["mixing-country", "Links between groups of country", ["rect mark"]],
  ["mixing-type", "Links between groups of type", ["rect mark"]],
  ...["degree", "strength", "eigenvector", "pagerank", "clustering", "betweenness", "closeness", "harmonic"].map((measure): [string, string, string[]] => [`centrality-${measure}`, measure, ["bar"]]),
  ["sector-mixing", "Links between organisation types, against random types", ["rect mark"]],
  ["clusters-heat-map", "Links between clusters", ["rect mark"]],
  ["clusters-map", "Clusters on the map, with the 150 strongest of", ["circle", "rule mark"]],
];

describe("report.html of datasets/semiconductor-ev, in Chromium", () => {
  const inputs = ["datasets/semiconductor-ev/organisations.csv", "datasets/semiconductor-ev/participations.csv"];
  const config = { permutations: 20 };
  let opened: Opened;
  let page: string;

  beforeAll(async () => {
    analyze(inputs, config, "semiconductor-ev");
    page = readFileSync(join(dir, "semiconductor-ev", "report.html"), "utf8");
    opened = await open(join(dir, "semiconductor-ev", "report.html"));
  });

  it("requests nothing but the file itself, and runs no script", () => {
    expect(opened.requests).toEqual([opened.url]);
    expect(opened.errors).toEqual([]);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(page).not.toMatch(/(src|href)="(?!#)/);
  });

  it("keeps the generator mark that analyze recognises its own files by", () => {
    expect(page).toContain('<meta name="generator" content="linkscale">');
  });

  it("draws every chart, with its title and marks on the screen", async () => {
    const { page: tab } = opened;
    expect(await tab.locator("figure.chart svg").count()).toBe(CHARTS.length);
    for (const [id, title, marks] of CHARTS) {
      const figure = tab.locator(`figure#${id}`);
      expect(await figure.locator("figcaption").textContent(), id).toContain(title);
      const svg = figure.locator('svg[role="graphics-document"]');
      expect(await svg.count(), id).toBe(1);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(150);
      expect(box?.height ?? 0, id).toBeGreaterThan(100);
      for (const mark of marks) {
        const drawn = figure.locator(`[aria-roledescription="${mark}"]`);
        expect(await drawn.count(), `${id}: ${mark}`).toBeGreaterThan(0);
        const first = await drawn.first().boundingBox();
        expect((first?.width ?? 0) + (first?.height ?? 0), `${id}: ${mark} has a size`).toBeGreaterThan(0);
      }
    }
    // One title per chart figure, plus axes: the charts carry text, not just shapes.
    expect(await tab.locator("figure#scales-by-year text").count()).toBeGreaterThan(10);
  });

  it("shows the tables of the same numbers", async () => {
    const { page: tab } = opened;
    // Counts as datasets/semiconductor-ev/reference/counts.json gives them.
    await expect(tab.locator("#network").textContent()).resolves.toMatch(/organisations\s*765/);
    await expect(tab.locator("#network").textContent()).resolves.toMatch(/links\s*38,733/);
    for (const section of ["#scales", "#openness", "#centrality", "#communities", "#brokerage", "#triple-helix", "#clusters"]) {
      expect(await tab.locator(`${section} table`).count(), section).toBeGreaterThan(0);
    }
    // Names, not ids alone: the top organisation by degree is listed by name.
    expect(await tab.locator("#centrality-degree").locator("xpath=..").locator("td .org").count()).toBe(10);
  });

  it("leaves per-organisation data in report.json: the page stays small", () => {
    expect(page.length).toBeLessThan(1_500_000);
  });

  it("takes a screenshot of the whole page", async () => {
    const path = join(dir, "semiconductor-ev", "report.png");
    await opened.page.screenshot({ path, fullPage: true });
    console.info(`report.html screenshot: ${path}`);
    expect(existsSync(path)).toBe(true);
  });
});

describe("report.html of a network whose names hold HTML", () => {
  const name = "<img src=x onerror=alert(1)>";
  const cluster = "<script>alert(2)</script>";
  const quoted = '"><svg onload=alert(3)>';
  const csv = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const organisations = [
    "id,name,type,country,city,lat,lon,cluster",
    `1,${csv(name)},firm,DE,Berlin,52.52,13.40,${csv(cluster)}`,
    `2,Acme & Sons,firm,DE,Munich,48.14,11.58,${csv(cluster)}`,
    `3,Uni Paris,university,FR,Paris,48.86,2.35,${csv(quoted)}`,
    `4,Lab Milano,research,IT,Milan,45.46,9.19,${csv(quoted)}`,
    "5,Agency Madrid,government,ES,Madrid,40.42,-3.70,plain",
    `6,${csv("<b>bold</b>")},firm,NL,Eindhoven,51.44,5.48,plain`,
  ];
  const participations = ["project,org,role,year", "p1,1,coordinator,2018", "p1,2,participant,2018", "p1,3,participant,2018", "p2,1,coordinator,2019", "p2,4,participant,2019", "p2,5,participant,2019", "p3,1,participant,2020", "p3,6,participant,2020", "p3,3,participant,2020", "p4,2,participant,2020", "p4,4,participant,2020"];
  const folder = mkdtempSync(join(dir, "input-"));
  const inputs = [join(folder, "organisations.csv"), join(folder, "participations.csv")];
  const config = { permutations: 20, groupBy: ["country", "cluster"] };
  let opened: Opened;

  beforeAll(async () => {
    writeFileSync(inputs[0] as string, organisations.join("\n") + "\n");
    writeFileSync(inputs[1] as string, participations.join("\n") + "\n");
    analyze(inputs, config, "xss");
    opened = await open(join(dir, "xss", "report.html"));
  });

  it("fires no dialog and runs no script", () => {
    expect(opened.dialogs).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
  });

  it("shows the names as text, never as elements", async () => {
    const { page } = opened;
    expect(await page.locator("img, script, iframe, b, [onload], [onerror]").count()).toBe(0);
    expect(await page.getByText(name).count()).toBeGreaterThan(0);
    expect(await page.getByText("<b>bold</b>").count()).toBeGreaterThan(0);
    expect(await page.locator("td", { hasText: cluster }).count()).toBeGreaterThan(0);
    expect(await page.locator("td", { hasText: quoted }).count()).toBeGreaterThan(0);
    // In the charts too: vega writes the group names as SVG text.
    expect(await page.locator("figure#mixing-cluster svg").count()).toBe(1);
  });

  it("gives the same page, byte for byte, for the same report", () => {
    analyze(inputs, config, "xss-again");
    expect(readFileSync(join(dir, "xss-again", "report.html"), "utf8")).toBe(readFileSync(join(dir, "xss", "report.html"), "utf8"));
  });
});

describe("report.html building blocks", () => {
  it("escapes text interpolated into markup, and only markup passes as is", () => {
    expect(escapeText(`<a href="x">&'</a>\0`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;\uFFFD");
    const name = "<img src=x>";
    expect(html`<td>${name}</td><td>${html`<b>${name}</b>`}</td><td>${[1, "<", null]}</td>`.markup).toBe(
      "<td>&lt;img src=x&gt;</td><td><b>&lt;img src=x&gt;</b></td><td>1&lt;</td>",
    );
  });

  it("bins heavy tails on log bins aligned on powers of ten, and the rest on round linear bins", () => {
    // 301 values evenly spread on a log scale from 1 to 1000, and two zeros: the largest is 700
    // times the 5th percentile (10^0.15), so log bins: 3 decades, 6 bins asked, 2 per decade.
    const heavy = histogram([0, 0, ...Array.from({ length: 301 }, (_, i) => 10 ** (i / 100))], { bins: 6 });
    expect(heavy.log).toBe(true);
    expect(heavy.zeros).toBe(2);
    expect(heavy.bins.map((bin) => bin.count)).toEqual([50, 50, 50, 50, 50, 51]); // 10^(i/100) for i in [0, 50), [50, 100)…; 1000 closes the last
    expect(heavy.bins[1]).toEqual({ from: 10 ** 0.5, to: 10, count: 50 });
    // Clustering in [0, 1], with a tiny outlier that must not turn the axis logarithmic.
    const bounded = histogram([0.0001, ...Array.from({ length: 99 }, (_, i) => 0.5 + i / 200), null], { bins: 10 });
    expect(bounded.log).toBe(false);
    expect(bounded.missing).toBe(1);
    expect(bounded.bins.map((bin) => bin.from)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(bounded.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(100);
  });
});
