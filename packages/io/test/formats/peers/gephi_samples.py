"""What NetworkX and python-igraph read from Gephi's own sample files (gephi/), for gexf.test.ts and
gml.test.ts to hold linkscale's reading against.

Run with Debian's NetworkX and python-igraph (2.8.8 and 0.10.2 when the file was made):
    /usr/bin/python3 packages/io/test/formats/peers/gephi_samples.py
It writes gephi/expected.json.

- Power Grid.gml (Gephi's sample, Mark Newman's GML of Watts and Strogatz's western US power
  grid): read with nx.read_gml (ids as node names) and igraph.Graph.Read_GML; both must agree on
  the counts and on every node's degree.
- Les Miserables.gexf (Gephi 0.9.3's GEXF 1.3, Gephi Lite's sample): NetworkX 2.8 reads GEXF up
  to 1.2 only ("No <graph> element"), so the file's 1.3 namespace is read as 1.2draft's, in memory;
  nothing else in the file changes. Each node's label, modularity class and viz (size, position,
  colour) and each edge's weight (GEXF's default 1 where none is given) are as NetworkX reads them.
"""
import json
from pathlib import Path

import igraph as ig
import networkx as nx

HERE = Path(__file__).parent / "gephi"

power = nx.read_gml(HERE / "Power Grid.gml", label="id")
power_igraph = ig.Graph.Read_GML(str(HERE / "Power Grid.gml"))
degrees = {str(node): degree for node, degree in power.degree()}
degrees_igraph = {str(int(v["id"])): v.degree() for v in power_igraph.vs}
assert degrees == degrees_igraph, "NetworkX and igraph read Power Grid.gml differently"
assert (power.number_of_edges(), power.is_directed()) == (power_igraph.ecount(), power_igraph.is_directed())

gexf = (HERE / "Les Miserables.gexf").read_text(encoding="utf-8").replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft")
tmp = Path("/tmp/les-miserables-as-1.2draft.gexf")
tmp.write_text(gexf, encoding="utf-8")
lesmis = nx.read_gexf(tmp)
nodes = {}
for node, data in lesmis.nodes(data=True):
    viz = data["viz"]
    nodes[node] = {
        "label": data["label"],
        "modularity_class": data["Modularity Class"],  # NetworkX names it by its title
        "size": viz["size"],
        "x": viz["position"]["x"],
        "y": viz["position"]["y"],
        "color": [viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]],
    }
edges = sorted([min(u, v), max(u, v), data.get("weight", 1.0)] for u, v, data in lesmis.edges(data=True))

expected = {
    "made by": f"peers/gephi_samples.py: NetworkX {nx.__version__}, python-igraph {ig.__version__}",
    "Power Grid.gml": {"nodes": power.number_of_nodes(), "edges": power.number_of_edges(), "directed": power.is_directed(), "degrees": degrees},
    "Les Miserables.gexf": {"nodes": nodes, "edges": edges, "directed": lesmis.is_directed()},
}
(HERE / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print("Power Grid:", power.number_of_nodes(), "nodes,", power.number_of_edges(), "edges (NetworkX and igraph agree)")
print("Les Miserables:", lesmis.number_of_nodes(), "nodes,", lesmis.number_of_edges(), "edges, total weight", sum(w for _, _, w in edges))
