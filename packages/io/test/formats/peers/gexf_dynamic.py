"""NetworkX's side of the dynamic GEXF tests (gexf-dynamic.test.ts).

Run with Debian's NetworkX (2.8.8 when the fixtures were made):
    /usr/bin/python3 packages/io/test/formats/peers/gexf_dynamic.py

NetworkX writes a dynamic GEXF 1.2 file when nodes or edges have `start`/`end` attributes or
`spells`, and gives its timeformat from the first time's Python type: "long" for int, "date" for
str. It cannot write a weight over time (it writes the edge's `weight` as one XML attribute), so
its files give the weights as static ones.

1. from-networkx-dynamic.gexf: years as ints (timeformat "long"): an edge with start and end, an
   edge with spells and a gap between them, an edge starting in 2004 with no end (the graph gives
   none), an edge without time; a node with start and end; node values over time, one that
   changes (staff) and one that does not (type).
2. from-networkx-dynamic-dates.gexf: dates as text (timeformat "date"): an edge with start and
   end, an edge with spells.
3. from-networkx-dynamic.expected.json: for each edge of both files, as NetworkX's read_gexf reads
   them back: the year of its earliest start and of its latest end (None where there is none),
   whether its spells leave a gap, and its weight; for each node, whether it has times and the
   values over time NetworkX gives back. The tests compare linkscale's reading with these.
"""
import json
from pathlib import Path

import networkx as nx

HERE = Path(__file__).parent

years = nx.Graph()
years.add_node("FhG", name="Fraunhofer", type=[("research", 2001, 2005), ("research", 2006, 2010)], start=2001, end=2010)
years.add_node("KUL", name="KU Leuven", staff=[(100, 2001, 2004), (120, 2005, 2010)])
years.add_node("PHI", name="Philips")
years.add_node("ASM", name="ASML")
years.add_edge("FhG", "KUL", start=2003, end=2005, weight=2.5, projectCount=3)
years.add_edge("KUL", "PHI", spells=[(2001, 2002), (2006, 2008)], weight=4)
years.add_edge("FhG", "PHI", start=2004)
years.add_edge("PHI", "ASM", weight=1)
nx.write_gexf(years, HERE / "from-networkx-dynamic.gexf")

dates = nx.Graph()
dates.add_node("FhG")
dates.add_node("KUL")
dates.add_node("PHI")
dates.add_edge("FhG", "KUL", start="2005-03-01", end="2007-12-31")
dates.add_edge("KUL", "PHI", spells=[("2009-01-15", "2009-06-30"), ("2010-02-01", "2011-01-31")])
nx.write_gexf(dates, HERE / "from-networkx-dynamic-dates.gexf")


def year(time):
    """The year of a time as NetworkX reads it back: an int, or text starting with the year."""
    return time if isinstance(time, int) else int(str(time)[:4])


def expected_edges(graph):
    edges = {}
    for source, target, data in graph.edges(data=True):
        intervals = list(data.get("spells", []))
        if "start" in data or "end" in data:
            intervals.append((data.get("start"), data.get("end")))
        starts = [year(start) for start, _ in intervals if start is not None]
        ends = [year(end) for _, end in intervals if end is not None]
        open_ended = any(end is None for _, end in intervals)
        spans = sorted((year(start), year(end)) for start, end in intervals if start is not None and end is not None)
        gaps = any(later[0] > earlier[1] + 1 for earlier, later in zip(spans, spans[1:]))
        edges[f"{source}–{target}"] = {
            "firstYear": min(starts) if starts else None,
            "lastYear": None if open_ended or not ends else max(ends),
            "gaps": gaps,
            "weight": data.get("weight"),
        }
    return edges


def expected_nodes(graph):
    nodes = {}
    for node, data in graph.nodes(data=True):
        over_time = {name: [value for value, _, _ in values] for name, values in data.items() if isinstance(values, list)}
        nodes[node] = {"timed": "start" in data or "end" in data or "spells" in data, "valuesOverTime": over_time}
    return nodes


expected = {}
for name in ["from-networkx-dynamic.gexf", "from-networkx-dynamic-dates.gexf"]:
    back = nx.read_gexf(HERE / name)
    print(name, "read back by NetworkX", nx.__version__, ":", back.number_of_nodes(), "nodes,", back.number_of_edges(), "edges")
    expected[name] = {"nodes": expected_nodes(back), "edges": expected_edges(back)}
(HERE / "from-networkx-dynamic.expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")
print("written: from-networkx-dynamic.gexf, from-networkx-dynamic-dates.gexf, from-networkx-dynamic.expected.json")
