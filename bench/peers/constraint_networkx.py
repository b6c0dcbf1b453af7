"""Peer timings for bench/brokerage.ts: Burt's weighted constraint and effective size in NetworkX,
on the very graph (or sample of it) linkscale measures.

The graph comes from the TypeScript bench (writeEdgeList in bench/brokerage.ts, the format of
bench/centrality.ts): gzip TSV, first line `n<TAB>NUMBER_OF_NODES`, then one line per edge
`i<TAB>j<TAB>weight` with 0-based indices i < j; isolated nodes exist only through n.

Measures, each timed on its own with time.perf_counter(), graph loading excluded and reported as
loadSeconds:
  constraint     nx.constraint(G, weight="weight")
  effectiveSize  nx.effective_size(G, weight="weight")
as datasets/reference/structural_holes.py calls them. That script wraps
normalized_mutual_weight in a memo so that the reference finishes; with --memo this script does the
same (every call still returns the very float NetworkX computes); without it, NetworkX runs as
shipped. The bench times both.

Usage:
  /usr/bin/python3 bench/peers/constraint_networkx.py GRAPH.tsv.gz [--memo] [--values VALUES.json]

Prints one JSON object on stdout: {"tool", "version", "nodes", "edges", "loadSeconds",
"seconds": {"constraint", "effectiveSize"}, "peakMB"}; peakMB is the process's max RSS. With --values, the
results (one number per node index, null where NetworkX gives NaN: isolated nodes) are written
there as {"constraint": [...], "effectiveSize": [...]}, so the bench can check agreement.
Progress goes to stderr. Standard library + networkx only.
"""
import argparse
import json
import math
import resource
import sys
import time

import networkx as nx
import networkx.algorithms.structuralholes as sh

from edges_tsv import read_edges


def log(message):
    print(f"constraint_networkx: {message}", file=sys.stderr, flush=True)


def read_graph(path):
    n, edges, weights = read_edges(path)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((i, j, w) for (i, j), w in zip(edges, weights))
    return G


def install_memo():
    """As structural_holes.py: normalized_mutual_weight memoised on its arguments."""
    original = sh.normalized_mutual_weight
    cache = {}

    def nmw(G, u, v, norm=sum, weight=None):
        key = (u, v, norm, weight)
        try:
            return cache[key]
        except KeyError:
            value = cache[key] = original(G, u, v, norm=norm, weight=weight)
            return value

    sh.normalized_mutual_weight = nmw


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", help="gzip TSV written by bench/brokerage.ts")
    parser.add_argument("--memo", action="store_true", help="memoise normalized_mutual_weight, as structural_holes.py")
    parser.add_argument("--values", help="write the per-node results here (JSON)")
    args = parser.parse_args()

    start = time.perf_counter()
    G = read_graph(args.graph)
    load_seconds = time.perf_counter() - start
    log(f"networkx {nx.__version__}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges loaded in {load_seconds:.3g} s")
    if args.memo:
        install_memo()

    seconds, values = {}, {}
    for name, run in (("constraint", nx.constraint), ("effectiveSize", nx.effective_size)):
        log(f"{name}…")
        start = time.perf_counter()
        result = run(G, weight="weight")
        seconds[name] = time.perf_counter() - start
        log(f"{name}: {seconds[name]:.3g} s")
        values[name] = [None if math.isnan(result[v]) else result[v] for v in range(G.number_of_nodes())]

    if args.values:
        with open(args.values, "w", encoding="utf-8") as f:
            json.dump(values, f)
    print(json.dumps({
        "tool": "networkx",
        "version": nx.__version__,
        "memo": args.memo,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "loadSeconds": load_seconds,
        "seconds": seconds,
        "peakMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
