"""The scale bench's peers: load a participation table and project it onto organisations, as
`linkscale validate` does, in python-igraph or NetworkX. Reads CORDIS's h2020.csv (rcn, pic;
gzip) or linkscale's own participation CSV (project, org). Full counting: a link's weight is
the number of projects shared. Prints one JSON line with the counts; run under peak_rss.py.

    /usr/bin/python3 bench/peers/scale_peers.py igraph|networkx <participations.csv[.gz]>
"""
import csv
import gzip
import json
import sys


def rows(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        project, org = ("rcn", "pic") if "rcn" in reader.fieldnames else ("project", "org")
        for row in reader:
            yield row[project], row[org]


def with_igraph(path):
    import igraph as ig

    ids = {}
    edges = []
    for project, org in rows(path):
        p = ids.setdefault(("p", project), len(ids))
        o = ids.setdefault(("o", org), len(ids))
        edges.append((o, p))
    types = [kind == "p" for kind, _ in ids]
    graph = ig.Graph.Bipartite(types, edges)
    graph.simplify()  # the same organisation twice in a project counts once, as linkscale rejects the second row
    organisations = graph.bipartite_projection(types=types, multiplicity=True, which=0)
    return organisations.vcount(), organisations.ecount()


def with_networkx(path):
    import networkx as nx
    from networkx.algorithms import bipartite

    graph = nx.Graph()
    orgs = set()
    for project, org in rows(path):
        graph.add_edge("o" + org, "p" + project)
        orgs.add("o" + org)
    projected = bipartite.weighted_projected_graph(graph, orgs)
    return projected.number_of_nodes(), projected.number_of_edges()


tool, path = sys.argv[1], sys.argv[2]
nodes, links = (with_igraph if tool == "igraph" else with_networkx)(path)
print(json.dumps({"organisations": nodes, "links": links}))
