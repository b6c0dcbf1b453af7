import { describe, expect, it } from "vitest";
import { readLinksCsv, readOrganisationsCsv, readParticipationsCsv } from "../src/csv/read.ts";
import { assembleDataset, DatasetError } from "../src/dataset.ts";
import { messages } from "../src/problems.ts";

const organisations = () => readOrganisationsCsv("id,name\nA,Alpha\nB,Beta\nA,Alpha again\nC,Gamma\n", { file: "orgs.csv" });

describe("assembleDataset", () => {
  it("rejects a duplicated organisation id, naming the first row", () => {
    const { tables } = assembleDataset({ organisations: [organisations()] });
    expect(tables[0]?.rejected).toEqual([
      { file: "orgs.csv", row: 4, problems: [{ column: "id", message: messages.duplicateOrganisation("A", "orgs.csv:2"), repeats: "orgs.csv:2" }] },
    ]);
    expect(tables[0]?.rowsRead).toBe(4);
    expect(tables[0]?.accepted).toHaveLength(3);
  });

  it("rejects links to unknown organisations, to themselves and given twice", () => {
    const links = readLinksCsv("source,target,weight\nA,B,2\nA,Z,1\nC,C,1\nB,A,3\nB,C,1\n", { file: "links.csv" });
    const { graph, tables } = assembleDataset({ organisations: [organisations()], links: [links] });
    expect(tables[1]?.rejected).toEqual([
      { file: "links.csv", row: 3, problems: [{ column: "target", message: messages.unknownOrganisation("Z") }] },
      { file: "links.csv", row: 4, problems: [{ column: "target", message: messages.selfLink("C") }] },
      { file: "links.csv", row: 5, problems: [{ column: "target", message: messages.duplicateLink("B", "A", "links.csv:2"), repeats: "links.csv:2" }] },
    ]);
    expect(graph.order).toBe(3);
    expect(graph.edges().map((e) => graph.extremities(e).join("–"))).toEqual(["A–B", "B–C"]);
    expect(graph.getEdgeAttribute("A", "B", "weight")).toBe(2);
  });

  it("projects participations, rejecting an organisation twice in one project and unknown organisations", () => {
    const participations = readParticipationsCsv("project,org,year\nP1,A,2015\nP1,B,2015\nP1,A,2015\nP2,Z,2016\nP3,C,2017\n", { file: "p.csv" });
    const { graph, tables, projects } = assembleDataset({ organisations: [organisations()], participations: [participations] });
    expect(tables[1]?.rejected).toEqual([
      { file: "p.csv", row: 4, problems: [{ column: "org", message: messages.duplicateParticipation("A", "P1", "p.csv:2"), repeats: "p.csv:2" }] },
      { file: "p.csv", row: 5, problems: [{ column: "org", message: messages.unknownOrganisation("Z") }] },
    ]);
    expect(projects).toBe(2);
    expect(graph.size).toBe(1);
    expect(graph.degree("C")).toBe(0); // alone in P3: kept, isolated
  });

  it("derives organisations from participation rows that describe them, keeping the first description", () => {
    const participations = readParticipationsCsv("project,org,name,type\nP1,A,Alpha,firm\nP2,A,ALPHA,firm\nP2,B,Beta,research\n", { file: "p.csv" });
    const { graph, notes } = assembleDataset({ participations: [participations] });
    expect(graph.getNodeAttributes("A")).toEqual({ name: "Alpha", type: "firm" });
    expect(notes).toEqual(['p.csv:3: organisation A has name "ALPHA", kept "Alpha" from p.csv:2']);
  });

  it("refuses links and participations together", () => {
    const links = readLinksCsv("source,target\nA,B\n", { file: "links.csv" });
    const participations = readParticipationsCsv("project,org\nP,A\n", { file: "p.csv" });
    expect(() => assembleDataset({ links: [links], participations: [participations] })).toThrow(DatasetError);
  });
});
