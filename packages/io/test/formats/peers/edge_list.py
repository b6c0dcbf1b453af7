"""NetworkX's and igraph's side of the edge list round trips (edge-list.test.ts).

Run with Debian's NetworkX and python-igraph (2.8.8 and 0.10.2 when the fixtures were made):
    /usr/bin/python3 packages/io/test/formats/peers/edge_list.py

1. Reads what linkscale writes for the format fixture (../out/fixture.edgelist) with
   nx.read_weighted_edgelist and igraph.Graph.Read_Ncol (weights on), prints their counts, and
   writes each back: fixture-via-networkx.edgelist, fixture-via-igraph.ncol.
2. Writes a small network of each: from-networkx.edgelist (nx.write_weighted_edgelist),
   from-igraph.ncol (write_ncol), and from-networkx-data.edgelist (nx.write_edgelist with its
   default data=True, which linkscale rejects line by line, saying why).
"""
from pathlib import Path

import igraph as ig
import networkx as nx

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "out" / "fixture.edgelist"

via_networkx = nx.read_weighted_edgelist(FIXTURE)
print("NetworkX", nx.__version__, "read the fixture:", via_networkx.number_of_nodes(), "nodes,", via_networkx.number_of_edges(), "edges")
nx.write_weighted_edgelist(via_networkx, HERE / "fixture-via-networkx.edgelist")

via_igraph = ig.Graph.Read_Ncol(str(FIXTURE), names=True, weights=True, directed=False)
print("igraph", ig.__version__, "read the fixture:", via_igraph.vcount(), "vertices,", via_igraph.ecount(), "edges")
via_igraph.write_ncol(str(HERE / "fixture-via-igraph.ncol"))

graph = nx.Graph()
graph.add_edge("FhG", "KUL", weight=2.5, firstYear=2015)
graph.add_edge("KUL", "PHI", weight=1)
nx.write_weighted_edgelist(graph, HERE / "from-networkx.edgelist")
nx.write_edgelist(graph, HERE / "from-networkx-data.edgelist")

g = ig.Graph()
g.add_vertices(3)
g.vs["name"] = ["FhG", "KUL", "PHI"]
g.add_edges([(1, 0), (2, 1)])
g.es["weight"] = [2.5, 1.0]
g.write_ncol(str(HERE / "from-igraph.ncol"))
print("written: from-networkx.edgelist, from-networkx-data.edgelist, from-igraph.ncol")
