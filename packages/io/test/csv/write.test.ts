import { createAllianceGraph } from "@linkscale/core/model";
import { describe, expect, it } from "vitest";
import { LINK_FIELDS, ORGANISATION_FIELDS } from "../../src/csv/fields.ts";
import { readLinksCsv, readOrganisationsCsv } from "../../src/csv/read.ts";
import { writeLinksCsv, writeOrganisationsCsv } from "../../src/csv/write.ts";
import { detectTableKind, readHeader } from "../../src/detect.ts";
import { loadFiles } from "../../src/load-files.ts";

describe("writeLinksCsv and writeOrganisationsCsv", () => {
  it("write a network with no links as a links table the readers recognise (issue 22, point 10)", () => {
    // Expected: every model column of fields.ts, since an empty table has no other to show; it
    // used to be "source" alone, which no reader recognised.
    const graph = createAllianceGraph();
    graph.addNode("a", { name: "Alpha" });
    graph.addNode("b", { name: "Beta" });
    const links = writeLinksCsv(graph);
    expect(links).toBe(LINK_FIELDS.map(({ field }) => field).join(",") + "\n");
    expect(detectTableKind(readHeader(links) ?? [])).toBe("links");
    const read = readLinksCsv(links, { file: "links.csv" });
    expect(read.error).toBeUndefined();
    expect([read.rowsRead, read.rejected.length]).toEqual([0, 0]);

    const loaded = loadFiles([
      { name: "links.csv", text: links },
      { name: "organisations.csv", text: writeOrganisationsCsv(graph) },
    ]);
    if (loaded.form !== "tables") throw new Error("expected tables");
    expect([loaded.dataset.graph.order, loaded.dataset.graph.size]).toEqual([2, 0]);
    expect(loaded.files).toEqual(["links.csv", "organisations.csv"]);
  });

  it("write an empty network's organisations with every model column, and read it back", () => {
    const organisations = writeOrganisationsCsv(createAllianceGraph());
    expect(organisations).toBe(ORGANISATION_FIELDS.map(({ field }) => field).join(",") + "\n");
    expect(readOrganisationsCsv(organisations, { file: "organisations.csv" }).error).toBeUndefined();
  });

  it("always write the required columns, and otherwise only those some row has", () => {
    // Hand-made: one link with a weight, no other model attribute.
    const graph = createAllianceGraph();
    graph.addNode("a");
    graph.addNode("b");
    graph.addEdge("a", "b", { weight: 2 });
    expect(writeLinksCsv(graph)).toBe("source,target,weight\na,b,2\n");
    expect(writeOrganisationsCsv(graph)).toBe("id\na\nb\n");
  });
});
