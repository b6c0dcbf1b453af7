"""NetworkX's and igraph's side of the GML round trips (gml.test.ts).

Run with Debian's NetworkX and python-igraph (2.8.8 and 0.10.2 when the fixtures were made):
    /usr/bin/python3 packages/io/test/formats/peers/gml.py

1. Reads what linkscale writes for the format fixture (../out/fixture.gml) with nx.read_gml and
   igraph.Graph.Read_GML, prints their counts, and writes each back with its own writer:
   fixture-via-networkx.gml, fixture-via-igraph.gml (linkscale -> peer -> linkscale).
2. Builds a small network in each and writes it: from-networkx.gml (node names as labels, a list
   attribute, text outside ASCII), from-igraph.gml (vertex names, no labels) (peer -> linkscale).
"""
from pathlib import Path

import igraph as ig
import networkx as nx

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "out" / "fixture.gml"

via_networkx = nx.read_gml(FIXTURE)
print("NetworkX", nx.__version__, "read the fixture:", via_networkx.number_of_nodes(), "nodes,", via_networkx.number_of_edges(), "edges")
nx.write_gml(via_networkx, HERE / "fixture-via-networkx.gml")

via_igraph = ig.Graph.Read_GML(str(FIXTURE))
print("igraph", ig.__version__, "read the fixture:", via_igraph.vcount(), "vertices,", via_igraph.ecount(), "edges")
via_igraph.write_gml(str(HERE / "fixture-via-igraph.gml"), creator="linkscale peers/gml.py")

graph = nx.Graph()
graph.add_node("FhG", name="Fraunhofer & Co", type="research", country="DE", lat=48.1, lon=11.6, tags=["a", "b"])
graph.add_node("KUL", name="KU Leuven", type="university", country="BE")
graph.add_node("PHI", name="Müller ☃", type="firm", country="NL")
graph.add_edge("FhG", "KUL", weight=2.5, firstYear=2015, lastYear=2018)
graph.add_edge("KUL", "PHI", weight=1)
nx.write_gml(graph, HERE / "from-networkx.gml")

g = ig.Graph()
g.add_vertices(3)
g.vs["name"] = ["FhG", "KUL", "PHI"]
g.vs["type"] = ["research", "university", "firm"]
g.add_edges([(1, 0), (2, 1)])
g.es["weight"] = [2.5, 1.0]
g.write_gml(str(HERE / "from-igraph.gml"), creator="linkscale peers/gml.py")
print("written: from-networkx.gml, from-igraph.gml")
