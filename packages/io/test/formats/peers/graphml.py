"""NetworkX's and python-igraph's side of the GraphML round trips (graphml.test.ts).

Run with Debian's NetworkX and python-igraph (2.8.8 and 0.10.2 when the fixtures were made):
    /usr/bin/python3 packages/io/test/formats/peers/graphml.py

1. Reads what linkscale writes for the format fixture (../out/fixture.graphml) with
   nx.read_graphml and igraph.Graph.Read_GraphML, prints their counts, and writes each back with
   its own writer: fixture-via-networkx.graphml, fixture-via-igraph.graphml
   (linkscale -> peer -> linkscale).
2. Builds a small network in each and writes it (peer -> linkscale): from-networkx.graphml (text
   outside ASCII, numbers and text), from-igraph-names.graphml (vertex names, igraph's
   identifier), from-igraph-ids.graphml (an "id" attribute and display names).
"""
from pathlib import Path

import igraph as ig
import networkx as nx

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "out" / "fixture.graphml"

via_networkx = nx.read_graphml(FIXTURE)
print("NetworkX", nx.__version__, "read the fixture:", via_networkx.number_of_nodes(), "nodes,", via_networkx.number_of_edges(), "edges")
nx.write_graphml(via_networkx, HERE / "fixture-via-networkx.graphml")

via_igraph = ig.Graph.Read_GraphML(str(FIXTURE))
print("igraph", ig.__version__, "read the fixture:", via_igraph.vcount(), "vertices,", via_igraph.ecount(), "edges")
via_igraph.write_graphml(str(HERE / "fixture-via-igraph.graphml"))

graph = nx.Graph()
graph.add_node("FhG", name="Fraunhofer & Co", type="research", country="DE", lat=48.1, lon=11.6)
graph.add_node("KUL", name="KU Leuven", type="university", country="BE")
graph.add_node("PHI", name="Müller ☃", type="firm", country="NL")
graph.add_edge("FhG", "KUL", weight=2.5, firstYear=2015, lastYear=2018)
graph.add_edge("KUL", "PHI", weight=1.0)
nx.write_graphml(graph, HERE / "from-networkx.graphml")

g = ig.Graph()
g.add_vertices(3)
g.vs["name"] = ["FhG", "KUL", "PHI"]
g.vs["type"] = ["research", "university", "firm"]
g.add_edges([(1, 0), (2, 1)])
g.es["weight"] = [2.5, 1.0]
g.write_graphml(str(HERE / "from-igraph-names.graphml"))

g = ig.Graph()
g.add_vertices(3)
g.vs["id"] = ["FhG", "KUL", "PHI"]
g.vs["name"] = ["Fraunhofer & Co", "KU Leuven", "Müller ☃"]
g.add_edges([(0, 1), (1, 2)])
g.es["weight"] = [2.5, 1.0]
g.write_graphml(str(HERE / "from-igraph-ids.graphml"))
print("written: from-networkx.graphml, from-igraph-names.graphml, from-igraph-ids.graphml")
