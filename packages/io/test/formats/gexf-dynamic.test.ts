/**
 * Dynamic GEXF: times read into each link's years, weights over time into its weight, or the link
 * (or the file) refused, naming where; never read as static. Files in NetworkX's form come from
 * peers/gexf_dynamic.py (NetworkX 2.8.8), with the years NetworkX reads back from them in
 * peers/from-networkx-dynamic.expected.json; files in Gephi's forms are written here by hand, and
 * each expected number is worked out beside them.
 */
import { describe, expect, it } from "vitest";
import { readGexf } from "../../src/formats/gexf.ts";
import { gexfDynamicsMessages, gexfDynamicsRules } from "../../src/formats/gexf-dynamics.ts";
import { elementAt, gexfTimeMessages } from "../../src/formats/gexf-time.ts";
import type { GraphLoad } from "../../src/formats/graph-load.ts";
import { contents, peerFile } from "./fixture.ts";
import { positionIn } from "./xml-positions.ts";

const file = "dynamic.gexf";

/** A GEXF document: `graph` holds the `<graph>` element's attributes and `content` what is inside it. */
function gexf(graph: string, content: string, version: "1.1" | "1.2" | "1.3" = "1.3"): string {
  const namespace = { "1.1": "http://www.gexf.net/1.1draft", "1.2": "http://www.gexf.net/1.2draft", "1.3": "http://gexf.net/1.3" }[version];
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="${namespace}" version="${version}">
  <graph defaultedgetype="undirected" ${graph}>
${content}
  </graph>
</gexf>
`;
}

/** Each link as "source–target" with its years (and weight), in file order. */
function linkYears(load: GraphLoad): Record<string, [number | undefined, number | undefined, number]> {
  const links: Record<string, [number | undefined, number | undefined, number]> = {};
  load.graph.forEachEdge((_edge, { firstYear, lastYear, weight }, source, target) => {
    links[`${source}–${target}`] = [firstYear, lastYear, weight];
  });
  return links;
}

/** Every node and edge of the file is in the graph or rejected (graph-load.ts's banner). */
function expectAllAccountedFor(load: GraphLoad): void {
  expect(load.error).toBeUndefined();
  expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
}

interface NetworkxExpectation {
  nodes: Record<string, { timed: boolean; valuesOverTime: Record<string, unknown[]> }>;
  edges: Record<string, { firstYear: number | null; lastYear: number | null; gaps: boolean; weight: number | null }>;
}
const networkx = JSON.parse(peerFile("from-networkx-dynamic.expected.json")) as Record<string, NetworkxExpectation>;

describe("dynamic GEXF as NetworkX writes it", () => {
  it("reads each link's years from its start and end or its spells, and rejects one with no end", () => {
    // Expected: the years and weights NetworkX reads back (from-networkx-dynamic.expected.json);
    // FhG–PHI starts in 2004 with no end and the graph gives none, so it is rejected; KUL–PHI's
    // spells leave a gap (2003–2005), which the rules name; FhG's own times are counted, not read;
    // KUL's staff changes (100, then 120) and is left out, FhG's type stays "research" and is kept.
    const text = peerFile("from-networkx-dynamic.gexf");
    const expected = networkx["from-networkx-dynamic.gexf"] as NetworkxExpectation;
    const load = readGexf(text, { file });
    expectAllAccountedFor(load);

    const accepted = Object.entries(expected.edges).filter(([, edge]) => !(edge.firstYear !== null && edge.lastYear === null));
    expect(linkYears(load)).toEqual(
      Object.fromEntries(accepted.map(([ends, edge]) => [ends, [edge.firstYear ?? undefined, edge.lastYear ?? undefined, edge.weight ?? 1]])),
    );
    expect(load.rejected).toEqual([
      {
        file,
        ...positionIn(text, '<edge source="FhG" target="PHI"'),
        problems: [{ column: "edges[1].lastYear", message: gexfDynamicsMessages.openEnded("end") }],
      },
    ]);
    expect(load.graph.getEdgeAttribute("FhG", "KUL", "projectCount")).toBe(3);

    expect(expected.nodes["FhG"]?.valuesOverTime["type"]).toEqual(["research", "research"]);
    expect(expected.nodes["KUL"]?.valuesOverTime["staff"]).toEqual([100, 120]);
    expect(contents(load.graph).nodes).toStrictEqual([
      ["FhG", { name: "Fraunhofer", type: "research" }],
      ["KUL", { name: "KU Leuven" }],
      ["PHI", { name: "Philips" }],
      ["ASM", { name: "ASML" }],
    ]);
    const timedNodes = Object.values(expected.nodes).filter((node) => node.timed).length;
    const gaps = Object.values(expected.edges).filter((edge) => edge.gaps).length;
    expect([timedNodes, gaps]).toEqual([1, 1]);
    expect(load.rules).toEqual([
      gexfDynamicsRules.years(2, "long"),
      gexfDynamicsRules.gaps(gaps),
      gexfDynamicsRules.organisationTimes(timedNodes),
      gexfDynamicsRules.changingValues("node", "staff", 1),
    ]);
  });

  it("reads dates as their years", () => {
    // Expected: from-networkx-dynamic.expected.json: 2005-03-01 to 2007-12-31 is 2005–2007; the
    // spells 2009-01-15…2009-06-30 and 2010-02-01…2011-01-31 are 2009–2011, with no year between.
    const load = readGexf(peerFile("from-networkx-dynamic-dates.gexf"), { file });
    expectAllAccountedFor(load);
    const { edges } = networkx["from-networkx-dynamic-dates.gexf"] as NetworkxExpectation;
    expect(linkYears(load)).toEqual(
      Object.fromEntries(Object.entries(edges).map(([ends, edge]) => [ends, [edge.firstYear, edge.lastYear, 1]])),
    );
    expect(load.rules).toEqual([gexfDynamicsRules.years(2, "date")]);
  });
});

describe("dynamic GEXF as Gephi writes it", () => {
  it("sums a link's weights over time, and takes its years from its interval, its spells or its weights", () => {
    // Expected, by hand from the file (a GEXF 1.3 file as Gephi 0.10 exports one: a dynamic
    // weight declared with id "weight" and given per interval, no static weight beside it):
    // a–b: 2000.0 to 2002.0 is 2000–2002, its weight 1 + 2 + 3 = 6;
    // b–c: spells 2003.0–2004.0 and 2004.0–2006.5 are 2003–2006 (2006.5 is in 2006), no weight: 1;
    // a–c: no time of its own, its weights' 2005.0–2006.0 and 2007.0–2008.0 give 2005–2008, and
    //      its weight is 2.5 + 0.5 = 3;
    // a's score changes (1.0, then 2.0) and is left out; a and b have times of their own.
    const text = gexf(
      'timeformat="double" timerepresentation="interval" mode="dynamic"',
      `    <attributes class="node" mode="static"><attribute id="country" title="country" type="string"/></attributes>
    <attributes class="node" mode="dynamic"><attribute id="score" title="score" type="double"/></attributes>
    <attributes class="edge" mode="dynamic"><attribute id="weight" title="Weight" type="double"/></attributes>
    <nodes>
      <node id="a" label="Alpha" start="2000.0" end="2010.0">
        <attvalues>
          <attvalue for="country" value="DE"/>
          <attvalue for="score" value="1.0" start="2000.0" end="2004.0"/>
          <attvalue for="score" value="2.0" start="2005.0" end="2010.0"/>
        </attvalues>
      </node>
      <node id="b" label="Beta"><spells><spell start="2000.0" end="2003.0"/><spell start="2006.0" end="2010.0"/></spells></node>
      <node id="c" label="Gamma"/>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b" start="2000.0" end="2002.0">
        <attvalues>
          <attvalue for="weight" value="1.0" start="2000.0" end="2000.0"/>
          <attvalue for="weight" value="2.0" start="2001.0" end="2001.0"/>
          <attvalue for="weight" value="3.0" start="2002.0" end="2002.0"/>
        </attvalues>
      </edge>
      <edge id="1" source="b" target="c">
        <spells><spell start="2003.0" end="2004.0"/><spell start="2004.0" end="2006.5"/></spells>
      </edge>
      <edge id="2" source="a" target="c">
        <attvalues>
          <attvalue for="weight" value="2.5" start="2005.0" end="2006.0"/>
          <attvalue for="weight" value="0.5" start="2007.0" end="2008.0"/>
        </attvalues>
      </edge>
    </edges>`,
    );
    const load = readGexf(text, { file });
    expectAllAccountedFor(load);
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["a", { name: "Alpha", country: "DE" }],
        ["b", { name: "Beta" }],
        ["c", { name: "Gamma" }],
      ],
      edges: [
        ["a", "b", { weight: 6, firstYear: 2000, lastYear: 2002 }],
        ["b", "c", { weight: 1, firstYear: 2003, lastYear: 2006 }],
        ["a", "c", { weight: 3, firstYear: 2005, lastYear: 2008 }],
      ],
    });
    expect(load.rules).toEqual([
      gexfDynamicsRules.years(3, "double"),
      gexfDynamicsRules.timedWeights(2),
      gexfDynamicsRules.yearsFromWeights(1),
      gexfDynamicsRules.organisationTimes(2),
      gexfDynamicsRules.changingValues("node", "score", 1),
    ]);
  });

  it("reads GEXF 1.3's timestamps: on the element, in spells, as lists, and on weights", () => {
    // Expected, by hand: a–b at 2004 is 2004–2004; b–c at 2001 and 2003 is 2001–2003 (a gap,
    // 2002), its weight 2 + 3 = 5; c–d's timestamps 2005 and 2007 are 2005–2007 (a gap, 2006);
    // a–d's intervals 2001–2002 and 2004–2005 are 2001–2005 (a gap, 2003).
    const text = gexf(
      'timeformat="integer" timerepresentation="timestamp" mode="dynamic"',
      `    <attributes class="edge" mode="dynamic"><attribute id="weight" title="Weight" type="double"/></attributes>
    <nodes><node id="a"/><node id="b"/><node id="c"/><node id="d"/></nodes>
    <edges>
      <edge id="0" source="a" target="b" timestamp="2004"/>
      <edge id="1" source="b" target="c">
        <spells><spell timestamp="2001"/><spell timestamp="2003"/></spells>
        <attvalues><attvalue for="weight" value="2" timestamp="2001"/><attvalue for="weight" value="3" timestamp="2003"/></attvalues>
      </edge>
      <edge id="2" source="c" target="d" timestamps="&lt;[2005, 2007]&gt;"/>
      <edge id="3" source="a" target="d" intervals="[2001, 2002]; [2004, 2005]"/>
    </edges>`,
    );
    const load = readGexf(text, { file });
    expectAllAccountedFor(load);
    expect(linkYears(load)).toEqual({ "a–b": [2004, 2004, 1], "b–c": [2001, 2003, 5], "c–d": [2005, 2007, 1], "a–d": [2001, 2005, 1] });
    expect(load.rules).toEqual([gexfDynamicsRules.years(4, "integer"), gexfDynamicsRules.gaps(3), gexfDynamicsRules.timedWeights(1)]);
  });

  it("leaves out an exclusive bound's own time, by the rule of each time format", () => {
    // Expected, by hand from gexf-time.ts's rules: integers (2005, 2010) hold 2006–2009; doubles
    // (2005.0, 2010.0) hold 2005–2009 (just after 2005.0 is still 2005, just before 2010.0 is
    // 2009), [2004.5, 2010.5) 2004–2010; dates [2005-01-01, 2008-01-01) 2005–2007 and
    // (2004-12-31, 2006-06-30] 2005–2006; dateTimes (2004-12-31T23:00, 2009-01-01T00:00) 2004–2008.
    const edges = (...times: string[]) =>
      `    <nodes><node id="a"/><node id="b"/><node id="c"/></nodes>
    <edges>
${times.map((time, i) => `      <edge id="${i}" source="${["a", "b"][i]}" target="${["b", "c"][i]}" ${time}/>`).join("\n")}
    </edges>`;
    const years = (graph: string, content: string) => linkYears(readGexf(gexf(graph, content, "1.2"), { file }));
    expect(years('mode="dynamic" timeformat="integer"', edges('startopen="2005" endopen="2010"'))).toEqual({ "a–b": [2006, 2009, 1] });
    expect(years('mode="dynamic" timeformat="double"', edges('startopen="2005.0" endopen="2010.0"', 'start="2004.5" endopen="2010.5"'))).toEqual({
      "a–b": [2005, 2009, 1],
      "b–c": [2004, 2010, 1],
    });
    expect(years('mode="dynamic" timeformat="date"', edges('start="2005-01-01" endopen="2008-01-01"', 'startopen="2004-12-31" end="2006-06-30"'))).toEqual({
      "a–b": [2005, 2007, 1],
      "b–c": [2005, 2006, 1],
    });
    expect(years('mode="dynamic" timeformat="dateTime"', edges('startopen="2004-12-31T23:00:00" endopen="2009-01-01T00:00:00Z"'))).toEqual({
      "a–b": [2004, 2008, 1],
    });
  });

  it("reads GEXF 1.1's slices and timetype", () => {
    // Expected: the slice 2001.0–2003.0 is 2001–2003 ("float", 1.1's name for double).
    const text = gexf(
      'mode="dynamic" timetype="float"',
      `    <nodes><node id="a"/><node id="b"/></nodes>
    <edges><edge id="0" source="a" target="b"><slices><slice start="2001.0" end="2003.0"/></slices></edge></edges>`,
      "1.1",
    );
    const load = readGexf(text, { file });
    expect(linkYears(load)).toEqual({ "a–b": [2001, 2003, 1] });
    expect(load.rules).toEqual([gexfDynamicsRules.years(1, "float")]);
  });

  it("closes an open bound with the graph's own start or end, and gives a slice's links its time", () => {
    // Expected, by hand: the graph runs 2000–2010, so "from 2004" is 2004–2010, "until 2003"
    // 2000–2003 and a spell from 2008 2008–2010; a slice at 2007-06-30 is 2007 for every link.
    const dynamic = readGexf(
      gexf(
        'mode="dynamic" timeformat="integer" start="2000" end="2010"',
        `    <nodes><node id="a"/><node id="b"/><node id="c"/><node id="d"/></nodes>
    <edges>
      <edge id="0" source="a" target="b" start="2004"/>
      <edge id="1" source="b" target="c" end="2003"/>
      <edge id="2" source="c" target="d"><spells><spell start="2008"/></spells></edge>
    </edges>`,
      ),
      { file },
    );
    expect(linkYears(dynamic)).toEqual({ "a–b": [2004, 2010, 1], "b–c": [2000, 2003, 1], "c–d": [2008, 2010, 1] });
    expect(dynamic.rules).toEqual([gexfDynamicsRules.years(3, "integer"), gexfDynamicsRules.closedByGraph(3)]);

    const slice = readGexf(
      gexf('mode="slice" timeformat="date" timestamp="2007-06-30"', `    <nodes><node id="a"/><node id="b"/></nodes>\n    <edges><edge id="0" source="a" target="b"/></edges>`),
      { file },
    );
    expect(linkYears(slice)).toEqual({ "a–b": [2007, 2007, 1] });
    expect(slice.rules).toEqual([gexfDynamicsRules.years(1, "date"), gexfDynamicsRules.slice(1)]);
  });
});

describe("dynamic GEXF that cannot be read into years", () => {
  it("refuses a file whose time format cannot be read as years, naming its <graph>", () => {
    // Expected: the message of gexf-time.ts, at the line and column of <graph> in the text.
    const text = gexf('mode="dynamic" timeformat="ticks"', `    <nodes><node id="a"/><node id="b"/></nodes>\n    <edges><edge id="0" source="a" target="b" start="3"/></edges>`);
    const { row, character } = positionIn(text, "<graph");
    expect(readGexf(text, { file }).error).toBe(gexfTimeMessages.unreadableFormat("ticks", elementAt("graph", row, character)));
  });

  it("reads a file whose only times are organisations', which are not read, whatever their format", () => {
    const text = gexf('mode="dynamic" timeformat="ticks"', `    <nodes><node id="a" start="3"/><node id="b"/></nodes>\n    <edges><edge id="0" source="a" target="b"/></edges>`);
    const load = readGexf(text, { file });
    expectAllAccountedFor(load);
    expect(linkYears(load)).toEqual({ "a–b": [undefined, undefined, 1] });
    expect(load.rules).toEqual([gexfDynamicsRules.organisationTimes(1)]);
  });

  it("rejects each link whose times or weights cannot be read, naming the element where they are", () => {
    // Expected: one problem per link, each naming the element (and its line and column in the
    // text) that holds the faulty time or weight; the other links are read.
    const integers = gexf(
      'mode="dynamic" timeformat="double"',
      `    <attributes class="edge" mode="static"><attribute id="0" title="firstYear" type="integer"/></attributes>
    <nodes><node id="a"/><node id="b"/><node id="c"/><node id="d"/><node id="e"/><node id="f"/></nodes>
    <edges>
      <edge id="0" source="a" target="b" start="3.0" end="5.0"/>
      <edge id="1" source="b" target="c"><spells><spell startopen="2005.0" endopen="2005.0"/></spells></edge>
      <edge id="2" source="c" target="d">
        <attvalues><attvalue for="weight" value="heavy" start="2001.0" end="2001.0"/></attvalues>
      </edge>
      <edge id="3" source="d" target="e" weight="2">
        <attvalues><attvalue for="weight" value="1" start="2001.0" end="2001.0"/><attvalue for="weight" value="2" start="2002.0" end="2002.0"/></attvalues>
      </edge>
      <edge id="4" source="e" target="f" start="2001.0" end="2002.0"><attvalues><attvalue for="0" value="1999"/></attvalues></edge>
      <edge id="5" source="a" target="f" start="2001.0" end="2002.0"/>
    </edges>`,
    );
    const load = readGexf(integers, { file });
    expectAllAccountedFor(load);
    const at = (start: string) => positionIn(integers, start);
    const where = (name: string, start: string) => elementAt(name, at(start).row, at(start).character);
    expect(load.rejected).toEqual([
      { file, ...at('<edge id="0"'), problems: [{ column: "edges[0].firstYear", message: gexfTimeMessages.notAYear("start", "3.0", where("edge", '<edge id="0"')) }] },
      { file, ...at('<edge id="1"'), problems: [{ column: "edges[1].lastYear", message: gexfTimeMessages.noYear(where("spell", "<spell startopen")) }] },
      {
        file,
        ...at('<edge id="2"'),
        problems: [{ column: "edges[2].weight", message: gexfDynamicsMessages.weightNotANumber("heavy", where("attvalue", '<attvalue for="weight" value="heavy"')) }],
      },
      { file, ...at('<edge id="3"'), problems: [{ column: "edges[3].weight", message: gexfDynamicsMessages.staticAndTimedWeights(2, 3, 2) }] },
      { file, ...at('<edge id="4"'), problems: [{ column: "edges[4].firstYear", message: gexfDynamicsMessages.conflictingYear("firstYear", 1999, 2001) }] },
    ]);
    expect(linkYears(load)).toEqual({ "a–f": [2001, 2002, 1] });

    const dates = gexf(
      'mode="dynamic" timeformat="date"',
      `    <nodes><node id="a"/><node id="b"/><node id="c"/></nodes>
    <edges>
      <edge id="0" source="a" target="b" start="2005-01-01" end="2005-13-01"/>
      <edge id="1" source="b" target="c" startopen="2005" end="2007"/>
    </edges>`,
    );
    const datesAt = (start: string) => positionIn(dates, start);
    const dateWhere = (start: string) => elementAt("edge", datesAt(start).row, datesAt(start).character);
    expect(readGexf(dates, { file }).rejected).toEqual([
      { file, ...datesAt('<edge id="0"'), problems: [{ column: "edges[0].lastYear", message: gexfTimeMessages.notATime("end", "2005-13-01", "date", dateWhere('<edge id="0"')) }] },
      {
        file,
        ...datesAt('<edge id="1"'),
        problems: [{ column: "edges[1].firstYear", message: gexfTimeMessages.openBoundOnPartialDate("startopen", "2005", dateWhere('<edge id="1"')) }],
      },
    ]);
  });
});
