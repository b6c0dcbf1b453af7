"""One peer read of a GraphML or GEXF file, for the formats bench: prints the node and edge counts
as one JSON line. Run under peak_rss.py, in a process of its own, so time and peak memory are
the read's (the interpreter's start and the import included, as linkscale's CLI includes Node's).

    /usr/bin/python3 bench/peers/formats_peers.py igraph|networkx <file.graphml|file.gexf>
"""
import json
import sys

tool, path = sys.argv[1], sys.argv[2]
if tool == "igraph":
    import igraph as ig

    graph = ig.Graph.Read_GraphML(path)
    counts = (graph.vcount(), graph.ecount())
else:
    import networkx as nx

    graph = nx.read_graphml(path) if path.endswith(".graphml") else nx.read_gexf(path)
    counts = (graph.number_of_nodes(), graph.number_of_edges())
print(json.dumps({"nodes": counts[0], "links": counts[1]}))
