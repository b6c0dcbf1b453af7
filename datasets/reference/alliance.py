"""Shared helpers for the reference scripts of the bundled datasets (datasets/<name>/).

A dataset folder holds organisations.csv and participations.csv; its reference outputs go to
<dataset>/reference/. Importing this module needs the standard library only; NetworkX and igraph
are imported by the functions that use them, so counts.py stays standard library only.
"""
import argparse
import csv
import gzip
import os
import sys
from pathlib import Path


def pin_environment(**env):
    """Re-run the calling script with these environment variables (e.g. PYTHONHASHSEED="0") unless
    they are already set so. Call it before the script imports NetworkX, numpy or igraph."""
    if any(os.environ.get(k) != v for k, v in env.items()):
        os.environ.update(env)
        os.execv(sys.executable, [sys.executable, *sys.argv])


def arguments(description, configure=None):
    """The command line: the dataset folder (`.dataset`, resolved) and whatever options
    `configure(parser)` adds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("dataset", type=Path,
                        help="dataset folder holding organisations.csv and participations.csv, "
                             "e.g. datasets/semiconductor-ev; outputs go to <dataset>/reference/")
    if configure is not None:
        configure(parser)
    args = parser.parse_args()
    args.dataset = args.dataset.resolve()
    return args


def dataset_argument(description):
    """The dataset folder named on the command line, resolved."""
    return arguments(description).dataset


def read(data, name):
    """Rows of the CSV file `name` of the dataset folder `data`, as dicts of strings."""
    with open(data / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load(data):
    """(organisation rows, participation rows) of the dataset folder `data`, in file order."""
    return read(data, "organisations.csv"), read(data, "participations.csv")


def write_gzip(path, text):
    """Write text as UTF-8 gzip with mtime 0 and no file name (byte-identical from run to run)."""
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(text.encode("utf-8"))


def bipartite_graph(ids, parts):
    """NetworkX project-organisation graph: project nodes "p:<project>" (sorted, bipartite=0), then
    organisation nodes "o:<id>" in the order of `ids` (bipartite=1), one edge per participation.
    Returns (graph, organisation node names in the order of `ids`)."""
    import networkx as nx

    orgs = ["o:" + i for i in ids]
    B = nx.Graph()
    B.add_nodes_from(sorted({"p:" + p["project"] for p in parts}), bipartite=0)
    B.add_nodes_from(orgs, bipartite=1)
    B.add_edges_from(("p:" + p["project"], "o:" + p["org"]) for p in parts)
    return B, orgs


def full_edges(ids, parts):
    """Organisation links with full-counting weights (number of shared projects, NetworkX
    bipartite.weighted_projected_graph): sorted list of (source, target, weight), source < target
    as strings."""
    from networkx.algorithms import bipartite

    B, orgs = bipartite_graph(ids, parts)
    full = bipartite.weighted_projected_graph(B, orgs)
    return sorted((*sorted((u[2:], v[2:])), w) for u, v, w in full.edges(data="weight"))


def check_projection(reference, edges):
    """Assert that `edges` are the links and full weights of <reference>/projection.csv.gz."""
    with gzip.open(reference / "projection.csv.gz", "rt", encoding="utf-8", newline="") as f:
        ref = sorted((r["source"], r["target"], int(r["full"])) for r in csv.DictReader(f))
    assert ref == edges, "graph differs from projection.csv.gz"


def organisation_graph(data):
    """The organisation network of the dataset folder `data`, checked edge for edge against
    <data>/reference/projection.csv.gz.

    Returns (G, ids, edges, orgs): G = NetworkX graph, nodes = every organisation id in file order,
    edges added in sorted order with attribute `weight` (full counting); ids = the organisation
    ids in file order; edges = full_edges(ids, ...); orgs = the organisation rows.
    """
    import networkx as nx

    orgs, parts = load(data)
    ids = [o["id"] for o in orgs]
    edges = full_edges(ids, parts)
    check_projection(data / "reference", edges)
    G = nx.Graph()
    G.add_nodes_from(ids)
    G.add_weighted_edges_from(edges)
    return G, ids, edges, orgs


def to_igraph(ids, edges):
    """igraph Graph of the same network: vertex i = ids[i] (attribute `name`), edges in the order of
    `edges` with attribute `weight`."""
    import igraph as ig

    index = {v: i for i, v in enumerate(ids)}
    g = ig.Graph(n=len(ids), edges=[(index[s], index[t]) for s, t, _ in edges], directed=False)
    g.vs["name"] = ids
    g.es["weight"] = [w for _, _, w in edges]
    return g
