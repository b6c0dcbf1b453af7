#!/usr/bin/python3
"""Reference one-mode organisation projection computed with NetworkX.

full       = bipartite.weighted_projected_graph (number of shared projects)
fractional = bipartite.collaboration_weighted_projected_graph (Newman 2001:
             each project with n participants adds 1/(n-1))
Writes projection.csv.gz (source,target,full,fractional; source < target as
strings; sorted) next to this script and checks the edge count against
counts.json "links" (run counts.py first).
"""
import csv
import gzip
import io
import json
import os
import sys
from pathlib import Path

# NetworkX sums each fractional weight over a set of string nodes, whose order
# depends on string hashing; pin the hash seed so the last bit is reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import networkx as nx  # noqa: E402
from networkx.algorithms import bipartite  # noqa: E402

HERE = Path(__file__).resolve().parent
DATA = HERE.parent


def main():
    with open(DATA / "participations.csv", encoding="utf-8", newline="") as f:
        parts = list(csv.DictReader(f))
    with open(DATA / "organisations.csv", encoding="utf-8", newline="") as f:
        org_ids = sorted(o["id"] for o in csv.DictReader(f))

    B = nx.Graph()
    orgs = ["o:" + o for o in org_ids]
    B.add_nodes_from(sorted({"p:" + p["project"] for p in parts}), bipartite=0)
    B.add_nodes_from(orgs, bipartite=1)
    B.add_edges_from(("p:" + p["project"], "o:" + p["org"]) for p in parts)

    full = bipartite.weighted_projected_graph(B, orgs)
    frac = bipartite.collaboration_weighted_projected_graph(B, orgs)
    assert set(map(frozenset, full.edges)) == set(map(frozenset, frac.edges))

    rows = []
    for u, v, w in full.edges(data="weight"):
        s, t = sorted((u[2:], v[2:]))
        rows.append((s, t, str(w), repr(frac[u][v]["weight"])))
    rows.sort()

    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source", "target", "full", "fractional"])
    w.writerows(rows)
    with open(HERE / "projection.csv.gz", "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(buf.getvalue().encode("utf-8"))

    links = json.loads((HERE / "counts.json").read_text(encoding="utf-8"))["links"]
    isolated = sum(1 for n in full if full.degree(n) == 0)
    print(f"nodes {full.number_of_nodes()}, edges {full.number_of_edges()}, "
          f"counts.json links {links}, isolated {isolated}")
    assert full.number_of_edges() == links, "edge count differs from counts.json links"


if __name__ == "__main__":
    main()
