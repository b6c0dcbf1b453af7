#!/usr/bin/python3
"""Reference one-mode organisation projection of a dataset, computed with NetworkX.

Usage: /usr/bin/python3 datasets/reference/projection.py datasets/<name>   (run counts.py first)
full       = bipartite.weighted_projected_graph (number of shared projects)
fractional = bipartite.collaboration_weighted_projected_graph (Newman 2001:
             each project with n participants adds 1/(n-1))
Writes <dataset>/reference/projection.csv.gz (source,target,full,fractional;
source < target as strings; sorted) and checks the edge count against
<dataset>/reference/counts.json "links".
"""
import csv
import io
import json
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder, first on sys.path)

# NetworkX sums each fractional weight over a set of string nodes, whose order
# depends on string hashing; pin the hash seed so the last bit is reproducible.
alliance.pin_environment(PYTHONHASHSEED="0")

from networkx.algorithms import bipartite  # noqa: E402


def main():
    data = alliance.dataset_argument(__doc__.splitlines()[0])
    reference = data / "reference"
    organisations, parts = alliance.load(data)
    org_ids = sorted(o["id"] for o in organisations)

    B, orgs = alliance.bipartite_graph(org_ids, parts)
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
    alliance.write_gzip(reference / "projection.csv.gz", buf.getvalue())

    links = json.loads((reference / "counts.json").read_text(encoding="utf-8"))["links"]
    isolated = sum(1 for n in full if full.degree(n) == 0)
    print(f"nodes {full.number_of_nodes()}, edges {full.number_of_edges()}, "
          f"counts.json links {links}, isolated {isolated}")
    assert full.number_of_edges() == links, "edge count differs from counts.json links"


if __name__ == "__main__":
    main()
