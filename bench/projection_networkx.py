"""The same job as projection-linkscale.ts, in NetworkX: read the full H2020 participations
(gzip CSV, NA as missing), build the bipartite graph and project it onto organisations with
full (weighted_projected_graph) or fractional (collaboration_weighted_projected_graph) counting.
Prints one JSON line; run by projection.ts."""
import csv, gzip, json, resource, sys, time

import networkx as nx
from networkx.algorithms import bipartite

path, counting = sys.argv[1], sys.argv[2]
start = time.perf_counter()
B = nx.Graph()
orgs = set()
with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
    participations = 0
    for row in csv.DictReader(f):
        org, project = "o" + row["pic"], "p" + row["rcn"]
        B.add_node(org, bipartite=0, type=row["type"], country=row["country"])
        B.add_edge(org, project, year=None if row["start_year"] == "NA" else int(row["start_year"]))
        orgs.add(org)
        participations += 1
read = time.perf_counter()
project = bipartite.weighted_projected_graph if counting == "full" else bipartite.collaboration_weighted_projected_graph
G = project(B, orgs)
end = time.perf_counter()
print(json.dumps({
    "participations": participations,
    "organisations": G.number_of_nodes(),
    "links": G.number_of_edges(),
    "readSeconds": read - start,
    "projectSeconds": end - read,
    "peakMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
