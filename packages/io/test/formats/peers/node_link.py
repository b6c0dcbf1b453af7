"""NetworkX's side of the node-link JSON round trips (node-link-json.test.ts).

Run with Debian's NetworkX (2.8.8 when the fixtures were made):
    /usr/bin/python3 packages/io/test/formats/peers/node_link.py

1. Reads what linkscale writes for the format fixture (../out/fixture.node-link.json) with
   nx.node_link_graph, prints its counts, and writes it back with nx.node_link_data:
   fixture-via-networkx.json (linkscale -> NetworkX -> linkscale).
2. Builds a small network in NetworkX, with integer node ids, attributes of each JSON type and a
   list, and writes it both ways NetworkX names the links: from-networkx.json ("links", the
   default before 3.6) and from-networkx-edges.json ("edges", the default from 3.6)
   (NetworkX -> linkscale).
"""
import json
from pathlib import Path

import networkx as nx

HERE = Path(__file__).parent


def write(name, data):
    (HERE / name).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


fixture = nx.node_link_graph(json.loads((HERE.parent / "out" / "fixture.node-link.json").read_text(encoding="utf-8")))
print("fixture read by NetworkX", nx.__version__, ":", fixture.number_of_nodes(), "nodes,", fixture.number_of_edges(), "edges, directed:", fixture.is_directed())
write("fixture-via-networkx.json", nx.node_link_data(fixture))

graph = nx.Graph()
graph.add_node(1, name="Fraunhofer", type="research", country="DE", lat=48.1, lon=11.6, employees=28000)
graph.add_node(2, name="KU Leuven", type="university", country="BE")
graph.add_node(3, name="Philips", type="firm", country="NL", listed=True)
graph.add_node(4)
graph.add_edge(1, 2, weight=2.5, projects=["P1", "P2"], firstYear=2015, lastYear=2018)
graph.add_edge(2, 3, weight=1)
graph.add_edge(3, 1, weight=0.5, kind="project")
graph.add_edge(3, 4)
write("from-networkx.json", nx.node_link_data(graph))
write("from-networkx-edges.json", nx.node_link_data(graph, link="edges"))
print("written:", graph.number_of_nodes(), "nodes,", graph.number_of_edges(), "edges")
