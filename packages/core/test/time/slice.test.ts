import { describe, expect, it } from "vitest";
import { createAllianceGraph, isActiveIn, timeSlice } from "../../src/index.ts";

// Hand-made: four links, their years chosen to sit on each side of the window 2016–2017.
function network() {
  const graph = createAllianceGraph();
  for (const id of ["a", "b", "c", "d", "e"]) graph.addNode(id, { name: id.toUpperCase() });
  graph.addEdge("a", "b", { weight: 1, firstYear: 2014, lastYear: 2015 }); // ends before the window
  graph.addEdge("b", "c", { weight: 2, firstYear: 2015, lastYear: 2016 }); // overlaps its first year
  graph.addEdge("c", "d", { weight: 3, firstYear: 2017 }); // one year, the window's last
  graph.addEdge("d", "e", { weight: 4 }); // no years: in no window
  return graph;
}

describe("timeSlice", () => {
  it("keeps the links whose years overlap the window, and every organisation", () => {
    const slice = timeSlice(network(), { from: 2016, to: 2017 });
    expect(slice.order).toBe(5);
    expect(slice.edges().map((e) => slice.extremities(e).join("-"))).toEqual(["b-c", "c-d"]);
    expect(slice.getEdgeAttribute("c", "d", "weight")).toBe(3);
    expect(slice.getNodeAttribute("a", "name")).toBe("A");
  });

  it("leaves out links without years, whatever the window", () => {
    expect(timeSlice(network(), { from: -1e9, to: 1e9 }).size).toBe(3);
  });

  it("reads a bounds-inclusive overlap", () => {
    expect(isActiveIn({ firstYear: 2015, lastYear: 2016 }, { from: 2016, to: 2016 })).toBe(true);
    expect(isActiveIn({ firstYear: 2015, lastYear: 2016 }, { from: 2017, to: 2020 })).toBe(false);
    expect(isActiveIn({ firstYear: 2018 }, { from: 2016, to: 2017 })).toBe(false);
    expect(isActiveIn({}, { from: 2016, to: 2017 })).toBe(false);
  });

  it("leaves the graph it slices unchanged", () => {
    const graph = network();
    timeSlice(graph, { from: 2016, to: 2016 });
    expect(graph.size).toBe(4);
  });
});
