#!/usr/bin/python3
"""Reference community partitions and modularities of a dataset's network (igraph, NetworkX).

Usage: /usr/bin/python3 datasets/reference/communities.py datasets/<name>
(run counts.py and projection.py first). Writes <dataset>/reference/communities.json.

Graph as in centrality.py: nodes = organisation ids of organisations.csv (in file order), a link per
pair of organisations sharing at least one project, weight = number of shared projects (checked
against projection.csv.gz).

igraph (python-igraph) draws its random numbers from Python's `random` module (its default; made
explicit with igraph.set_random_number_generator(random)), so `random.seed(seed)` right before each
call makes every run reproducible; the script asserts that by running seed 0 twice.
  louvain: Graph.community_multilevel(weights=..., resolution=1)
  leiden:  Graph.community_leiden(objective_function="modularity", weights=...,
           resolution[_parameter]=1, n_iterations=-1)   (beta 0.01, the default)
  each for seeds 0..9, weighted (weights="weight") and unweighted (weights=None); the modularity of
  a weighted run is G.modularity(membership, weights="weight"), of an unweighted run
  G.modularity(membership) (both resolution 1).
NetworkX check: networkx.community.modularity(G, communities, weight="weight" | None,
resolution=0.5 | 1 | 2) for the best weighted Leiden partition and three partitions by attribute
(country, type, first character of the id), next to igraph's modularity of the same. NB: in
python-igraph 0.10.2 Graph.modularity(membership, weights, resolution) silently ignores
`resolution` (it forwards only membership and weights), so the check calls
igraph.GraphBase.modularity(g, membership, weights=..., resolution=...) directly.

Writes <dataset>/reference/communities.json (sorted keys, floats by repr). Memberships are lists
aligned with "nodes" (organisation ids in file order); checkPartitions map id -> label.
The script re-runs itself with PYTHONHASHSEED=0: NetworkX's modularity iterates over sets of string
nodes, and the order of float summation must not change between runs.
"""
import inspect
import json
import platform
import random
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder, first on sys.path)

alliance.pin_environment(PYTHONHASHSEED="0")

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402

SEEDS = range(10)
RESOLUTIONS = (0.5, 1, 2.0)


def build(data):
    """NetworkX and igraph graphs of the network (datasets/reference/alliance.py), organisation rows."""
    G, ids, edges, orgs = alliance.organisation_graph(data)
    return G, alliance.to_igraph(ids, edges), orgs


# python-igraph 0.10.2 calls Leiden's resolution `resolution_parameter`; later versions `resolution`.
LEIDEN_RES = ("resolution" if "resolution" in inspect.signature(ig.Graph.community_leiden).parameters
              else "resolution_parameter")


def run(g, algorithm, weights, seed):
    random.seed(seed)
    if algorithm == "louvain":
        c = g.community_multilevel(weights=weights, resolution=1)
    else:
        c = g.community_leiden(objective_function="modularity", weights=weights,
                               n_iterations=-1, **{LEIDEN_RES: 1})
    return list(c.membership)


def runs(g):
    assert run(g, "leiden", "weight", 0) == run(g, "leiden", "weight", 0), "not reproducible"
    assert run(g, "louvain", "weight", 0) == run(g, "louvain", "weight", 0), "not reproducible"
    out = {}
    for algorithm in ("louvain", "leiden"):
        for weighting, weights in (("weighted", "weight"), ("unweighted", None)):
            per_seed = {}
            for seed in SEEDS:
                m = run(g, algorithm, weights, seed)
                per_seed[str(seed)] = {
                    "modularity": g.modularity(m, weights=weights),
                    "communities": max(m) + 1,
                    "membership": m,
                }
            best_q = max(r["modularity"] for r in per_seed.values())
            best_seeds = [int(s) for s, r in per_seed.items() if r["modularity"] == best_q]
            distinct = {tuple(r["membership"]) for r in per_seed.values()}
            out.setdefault(algorithm, {})[weighting] = {
                "seeds": per_seed,
                "bestModularity": best_q,
                "bestSeed": best_seeds[0],
                "seedsWithBestModularity": best_seeds,
                "bestCommunities": per_seed[str(best_seeds[0])]["communities"],
                "distinctPartitions": len(distinct),
            }
    return out


def label_key(x):
    return (isinstance(x, str), x)


def check(G, g, partitions):
    """NetworkX modularity (and igraph's, same partition) for each partition id -> label."""
    ids = g.vs["name"]
    out = {}
    for name, part in partitions.items():
        labels = sorted(set(part.values()), key=label_key)
        communities = [{v for v in ids if part[v] == lab} for lab in labels]
        number = {lab: i for i, lab in enumerate(labels)}
        membership = [number[part[v]] for v in ids]
        res = {"partition": part, "communities": len(labels)}
        for weighting, w in (("weighted", "weight"), ("unweighted", None)):
            for r in RESOLUTIONS:
                q_nx = nx.community.modularity(G, communities, weight=w, resolution=r)
                # Graph.modularity of python-igraph 0.10.2 drops `resolution` (it calls
                # GraphBase.modularity(self, membership, weights)); call the C binding directly.
                q_ig = ig.GraphBase.modularity(g, membership, weights=w, resolution=r)
                res.setdefault("networkx", {}).setdefault(weighting, {})[repr(r)] = q_nx
                res.setdefault("igraph", {}).setdefault(weighting, {})[repr(r)] = q_ig
                d = res.setdefault("absDiff", {}).setdefault(weighting, {})
                d[repr(r)] = abs(q_nx - q_ig)
        out[name] = res
    return out


def main():
    data = alliance.dataset_argument(__doc__.splitlines()[0])
    ig.set_random_number_generator(random)  # igraph's default; made explicit
    t0 = time.perf_counter()
    G, g, orgs = build(data)
    results = runs(g)
    t1 = time.perf_counter()

    best = results["leiden"]["weighted"]
    best_membership = best["seeds"][str(best["bestSeed"])]["membership"]
    ids = g.vs["name"]
    partitions = {
        "bestLeidenWeighted": dict(zip(ids, best_membership)),
        "country": {o["id"]: o["country"] for o in orgs},
        "type": {o["id"]: o["type"] for o in orgs},
        "idFirstCharacter": {o["id"]: o["id"][0] for o in orgs},
    }
    checks = check(G, g, partitions)
    t2 = time.perf_counter()

    out = {
        "nodes": ids,
        "graph": {"nodes": g.vcount(), "edges": g.ecount(),
                  "totalWeight": sum(g.es["weight"]),
                  "connectedComponents": len(g.connected_components())},
        "igraph": results,
        "checkPartitions": checks,
        "settings": {"seeds": list(SEEDS), "resolution": 1, "leidenResolutionArgument": LEIDEN_RES,
                     "leidenIterations": -1, "leidenBeta": 0.01,
                     "rng": "Python random module via igraph.set_random_number_generator(random); "
                            "random.seed(seed) before each run",
                     "checkResolutions": [repr(r) for r in RESOLUTIONS]},
        "versions": {"python": platform.python_version(), "networkx": nx.__version__,
                     "python-igraph": ig.__version__,
                     "igraph C core": ig._igraph.__igraph_version__},
    }
    with open(data / "reference" / "communities.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(out, f, sort_keys=True, allow_nan=False, separators=(",", ":"))
        f.write("\n")

    for algorithm, by_w in results.items():
        for weighting, r in by_w.items():
            qs = " ".join(f"{r['seeds'][str(s)]['modularity']:.6f}/{r['seeds'][str(s)]['communities']}"
                          for s in SEEDS)
            print(f"{algorithm} {weighting}: best {r['bestModularity']!r} seed {r['bestSeed']} "
                  f"({r['bestCommunities']} communities; seeds {r['seedsWithBestModularity']}; "
                  f"{r['distinctPartitions']} distinct partitions)\n   {qs}")
    for name, r in checks.items():
        print(name, r["communities"], "communities;", "networkx", r["networkx"],
              "max |nx - igraph|", max(max(d.values()) for d in r["absDiff"].values()))
    print(f"time: runs {t1 - t0:.1f}s, checks {t2 - t1:.1f}s, total {t2 - t0:.1f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
