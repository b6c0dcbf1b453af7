/**
 * The viewer's map mode in a real browser (the harness in browser.ts): organisations at their
 * projected positions, places gathering co-located organisations, and the unplaced listed by name.
 */
import { join } from "node:path";
import { geoEqualEarth } from "d3-geo";
import type Sigma from "sigma";
import { describe, expect, it } from "vitest";
import { count, open, reference, SCREENSHOTS, useBrowser } from "./browser.ts";

useBrowser();

describe("the viewer's map mode", () => {
  it("places an organisation at its projected position in map mode, over the country outlines", async () => {
    const { page } = await open();
    await page.click("[data-testid=mode-map]");
    const graph = reference();
    const node = "891270824"; // SIEMENS INDUSTRY SOFTWARE NETHERLANDS BV, Eindhoven
    const { lat, lon } = graph.getNodeAttributes(node) as { lat: number; lon: number };
    // Only organisations with coordinates are on the map; the others are listed, not dropped.
    const placed = graph.filterNodes((_n, a) => typeof a.lat === "number" && typeof a.lon === "number").length;
    expect(await count(page, "organisations")).toBe(placed);
    if (placed < graph.order) expect(await page.locator("[data-testid=unplaced] li").count()).toBe(graph.order - placed);
    // The Equal Earth projection of its coordinates, computed here with d3-geo, taken to the
    // screen by sigma's camera, against where sigma drew the node.
    const [x, y] = geoEqualEarth().scale(1000).translate([0, 0])([lon, lat]) as [number, number];
    const { expected, drawn } = await page.evaluate(
      ({ node, x, y }) => {
        const renderer = (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer;
        const display = renderer.getNodeDisplayData(node) as { x: number; y: number };
        return { expected: renderer.graphToViewport({ x, y: -y }), drawn: renderer.framedGraphToViewport(display) };
      },
      { node, x, y },
    );
    expect(Math.hypot(expected.x - drawn.x, expected.y - drawn.y)).toBeLessThan(3);
    await page.screenshot({ path: join(SCREENSHOTS, "map.png") });
    expect(new URL(page.url()).searchParams.get("mode")).toBe("map");
    // A drag that moves the drawn picture lands the organisation where the pointer took it, still
    // at its projected position under the new camera.
    type Probe = { linkscale: { renderer: Sigma; gestures: { frameBudgetMs: number; active: boolean } } };
    await page.evaluate(() => ((window as unknown as Probe).linkscale.gestures.frameBudgetMs = 0));
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 + 50, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => !(window as unknown as Probe).linkscale.gestures.active);
    const moved = await page.evaluate(
      ({ node, x, y }) => {
        const renderer = (window as unknown as Probe).linkscale.renderer;
        const display = renderer.getNodeDisplayData(node) as { x: number; y: number };
        return { expected: renderer.graphToViewport({ x, y: -y }), drawn: renderer.framedGraphToViewport(display) };
      },
      { node, x, y },
    );
    expect(moved.drawn.x - drawn.x).toBeCloseTo(100, 0);
    expect(moved.drawn.y - drawn.y).toBeCloseTo(50, 0);
    expect(Math.hypot(moved.expected.x - moved.drawn.x, moved.expected.y - moved.drawn.y)).toBeLessThan(3);
    await page.close();
  });

  it("gathers the organisations at one place into a bubble sized by its members, lists them by name, and opens on where they are", async () => {
    // Expected, from the core's graph in Node by the rules restated: organisations are at one place
    // when their coordinates are equal rounded to 0.001° (places.ts); a place is named by the city
    // its members share (compared without case), else by its members' mean coordinates.
    const graph = reference();
    const coordinates = (node: string) => graph.getNodeAttributes(node) as { lat: number; lon: number; city?: string; name?: string };
    const placed = graph.filterNodes((_n, a) => typeof a.lat === "number" && typeof a.lon === "number");
    const placeOf = new Map(placed.map((node) => [node, `${Math.round(coordinates(node).lat * 1000)},${Math.round(coordinates(node).lon * 1000)}`]));
    const byPlace = new Map<string, string[]>();
    for (const [node, place] of placeOf) byPlace.set(place, [...(byPlace.get(place) ?? []), node]);
    const shared = [...byPlace.values()].filter((members) => members.length > 1);
    const inBubbles = new Set(shared.flat());
    const sharedCity = (members: string[]) => {
      const cities = new Set(members.map((node) => coordinates(node).city?.trim().toLowerCase()));
      const city = coordinates(members[0] as string).city?.trim();
      return cities.size === 1 && city !== undefined && city !== "" ? city : undefined;
    };
    const nameOf = (members: string[]) => {
      const city = sharedCity(members);
      if (city !== undefined) return city;
      const mean = (key: "lat" | "lon") => members.reduce((sum, node) => sum + coordinates(node)[key], 0) / members.length;
      const [lat, lon] = [mean("lat"), mean("lon")];
      return `${Math.abs(lat).toFixed(3)}° ${lat < 0 ? "S" : "N"}, ${Math.abs(lon).toFixed(3)}° ${lon < 0 ? "W" : "E"}`;
    };
    const links = graph.filterEdges((_edge, _attributes, source, target) => placeOf.has(source) && placeOf.has(target));
    const within = links.filter((edge) => placeOf.get(graph.source(edge)) === placeOf.get(graph.target(edge))).length;
    expect(shared.length).toBeGreaterThan(10);

    const { page, errors } = await open("?mode=map");
    type Probe = { linkscale: { renderer: Sigma } };
    // The header counts organisations and links, not bubbles and lines.
    expect(await count(page, "organisations")).toBe(placed.length);
    expect(await count(page, "links")).toBe(links.length);
    expect(await page.isVisible("[data-testid=legend-places]")).toBe(true);
    const drawn = await page.evaluate(() => {
      const { renderer } = (window as unknown as Probe).linkscale;
      const display = renderer.getGraph();
      const bubbles = display
        .filterNodes((_node, attributes) => attributes["place"] === true)
        .map((node) => {
          const shown = renderer.getNodeDisplayData(node) as { size: number; label: string; hidden: boolean; x: number; y: number };
          return { node, members: display.getNodeAttribute(node, "members") as number, size: shown.size, label: shown.label, hidden: shown.hidden, at: renderer.framedGraphToViewport(shown) };
        });
      const dots = display.filterNodes((node, attributes) => attributes["place"] !== true && renderer.getNodeDisplayData(node)?.hidden !== true);
      const lines = display.reduceEdges((sum, _edge, attributes) => sum + ((attributes["links"] as number | undefined) ?? 1), 0);
      return { bubbles, dots, lines };
    });
    // One bubble per place of two or more, labelled with its name and members; every other
    // organisation its own dot; area proportional to members.
    const descending = (values: number[]) => values.sort((a, b) => b - a);
    expect(descending(drawn.bubbles.map(({ members }) => members))).toEqual(descending(shared.map((members) => members.length)));
    expect(drawn.bubbles.every(({ hidden }) => !hidden)).toBe(true);
    expect(drawn.bubbles.map(({ label }) => label).sort()).toEqual(shared.map((members) => `${nameOf(members)} · ${members.length}`).sort());
    expect(new Set(drawn.dots)).toEqual(new Set(placed.filter((node) => !inBubbles.has(node))));
    const [first] = drawn.bubbles;
    for (const { size, members } of drawn.bubbles) expect(size ** 2 / members).toBeCloseTo((first?.size ?? 0) ** 2 / (first?.members ?? 1), 6);
    // Every link shown is on a line between places, but those within one.
    expect(drawn.lines).toBe(links.length - within);

    // The first view: the organisations within the 1st–99th percentile box of projected x and y,
    // widened by half its size each side (map-extent.ts), are on screen and fill most of it; the
    // far-off ones (here a Vienna firm geocoded in Melbourne) are not, until the fit button.
    const project = geoEqualEarth().scale(1000).translate([0, 0]);
    const projected = placed.map((node) => {
      const [x, y] = project([coordinates(node).lon, coordinates(node).lat]) as [number, number];
      return { node, x, y: -y };
    });
    const range = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) => {
        const i = q * (sorted.length - 1);
        const below = Math.floor(i);
        return (sorted[below] as number) + ((sorted[Math.min(below + 1, sorted.length - 1)] as number) - (sorted[below] as number)) * (i - below);
      };
      const [low, high] = [at(0.01), at(0.99)];
      return [low - (high - low) / 2, high + (high - low) / 2] as const;
    };
    const [xs, ys] = [range(projected.map(({ x }) => x)), range(projected.map(({ y }) => y))];
    const far = projected.filter(({ x, y }) => x < xs[0] || x > xs[1] || y < ys[0] || y > ys[1]).map(({ node }) => node);
    expect(far).toContain("898498391");
    expect(far.length).toBeLessThan(placed.length * 0.05);
    // Under the camera's state: sigma's own transform is the last frame's, and a frame may be late.
    const onScreen = () =>
      page.evaluate((points) => {
        const { renderer } = (window as unknown as Probe).linkscale;
        const { width, height } = renderer.getDimensions();
        const cameraState = renderer.getCamera().getState();
        return { width, height, points: points.map(({ node, x, y }) => ({ node, ...renderer.graphToViewport({ x, y }, { cameraState }) })) };
      }, projected);
    const view = await onScreen();
    const inside = ({ x, y }: { x: number; y: number }) => x >= 0 && y >= 0 && x <= view.width && y <= view.height;
    const farSet = new Set(far);
    const fitted = view.points.filter(({ node }) => !farSet.has(node));
    expect(fitted.filter((point) => !inside(point)).map(({ node }) => node)).toEqual([]);
    const span = (key: "x" | "y") => Math.max(...fitted.map((point) => point[key])) - Math.min(...fitted.map((point) => point[key]));
    expect(Math.max(span("x") / view.width, span("y") / view.height)).toBeGreaterThan(0.75);
    expect(inside(view.points.find(({ node }) => node === "898498391") as { x: number; y: number })).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, "map-places.png") });

    // The largest place: its members listed by name while the pointer is on it, kept by a click;
    // a click on a name opens that organisation's panel.
    const largest = [...drawn.bubbles].sort((a, b) => b.members - a.members || (a.label < b.label ? -1 : 1))[0] as (typeof drawn.bubbles)[number];
    // Its node is named after its place's key ("\u0000place lat,lon" in thousandths of a degree).
    const members = byPlace.get(largest.node.slice("\u0000place ".length)) as string[];
    expect(largest.label).toBe(`${nameOf(members)} · ${members.length}`);
    const name = (node: string) => String(coordinates(node).name ?? node);
    const sameCity = sharedCity(members) !== undefined;
    const sorted = [...members].sort((a, b) => name(a).localeCompare(name(b)));
    // Named by its coordinates, the place lists each member's own city.
    const listed = sorted.map((node) => (sameCity || coordinates(node).city === undefined ? name(node) : `${name(node)} · ${coordinates(node).city}`));
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number };
    // A point of the bubble that no smaller dot drawn above it covers.
    const free = await page.evaluate((bubble) => {
      const { renderer } = (window as unknown as Probe).linkscale;
      const shown = renderer.getNodeDisplayData(bubble) as { x: number; y: number; size: number };
      const [centre, radius] = [renderer.framedGraphToViewport(shown), renderer.scaleSize(shown.size)];
      const others = renderer
        .getGraph()
        .filterNodes((node) => node !== bubble && renderer.getNodeDisplayData(node)?.hidden === false)
        .map((node) => {
          const data = renderer.getNodeDisplayData(node) as { x: number; y: number; size: number };
          return { ...renderer.framedGraphToViewport(data), radius: renderer.scaleSize(data.size) };
        });
      for (const share of [0, 0.3, 0.6, 0.85])
        for (let angle = 0; angle < 360; angle += 30) {
          const at = { x: centre.x + share * radius * Math.cos((angle * Math.PI) / 180), y: centre.y + share * radius * Math.sin((angle * Math.PI) / 180) };
          if (others.every((other) => Math.hypot(other.x - at.x, other.y - at.y) > other.radius + 1)) return at;
        }
      return undefined;
    }, largest.node);
    expect(free).toBeDefined();
    const at = free as { x: number; y: number };
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.waitForSelector("[data-testid=place-list]:not([hidden])", { timeout: 30_000 }); // a hover answered on a timer, late on a loaded machine
    expect(await page.textContent("[data-testid=place-list-name]")).toBe(nameOf(members));
    expect(await page.locator("[data-testid=place-list] li").allTextContents()).toEqual(listed);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.mouse.move(box.x + 5, box.y + 5);
    expect(await page.isVisible("[data-testid=place-list]")).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "map-place-list.png") });
    const member = sorted[0] as string;
    await page.click(`[data-testid=place-list] li button[data-id="${member}"]`);
    expect(await page.textContent("[data-testid=panel-name]")).toBe(name(member));
    expect(new URL(page.url()).searchParams.get("selected")).toBe(member);

    // The organisations without coordinates are listed by name (every one has a name here).
    const unplaced = graph.filterNodes((node) => !placeOf.has(node));
    expect(await page.locator("[data-testid=unplaced] li").allTextContents()).toEqual(unplaced.map((node) => String(coordinates(node).name ?? node)));

    // The fit button shows every organisation placed, the far-off ones too.
    await page.click("[data-testid=zoom-fit]");
    await page.waitForFunction(() => {
      const camera = (window as unknown as Probe).linkscale.renderer.getCamera();
      return !camera.isAnimated() && camera.getState().ratio === 1;
    });
    expect((await onScreen()).points.filter((point) => !inside(point)).map(({ node }) => node)).toEqual([]);

    // Back to the graph: no bubble, no line between places, every organisation and link as before.
    await page.click("[data-testid=mode-graph]");
    const back = await page.evaluate(() => {
      const display = (window as unknown as Probe).linkscale.renderer.getGraph();
      return { bubbles: display.filterNodes((_node, attributes) => attributes["place"] === true).length, multi: display.multi, order: display.order, size: display.size };
    });
    expect(back).toEqual({ bubbles: 0, multi: false, order: graph.order, size: graph.size });
    expect(await page.locator("[data-testid=legend-places]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
