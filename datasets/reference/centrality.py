#!/usr/bin/python3
"""Reference centralities of a dataset's organisation network, computed with NetworkX and igraph.

Usage: /usr/bin/python3 datasets/reference/centrality.py datasets/<name> [--skip-weighted-paths]
(run counts.py and projection.py first). Writes <dataset>/reference/centrality.json.gz.

Graph: nodes = every organisation id of organisations.csv (strings, in file order); a link joins two
organisations that share at least one project; weight = number of shared projects (full counting,
bipartite.weighted_projected_graph, as in datasets/reference/projection.py; built by
datasets/reference/alliance.py). Checked edge for edge against projection.csv.gz.

Weighted path-based measures (closeness, harmonic, betweenness) need a length per edge, not a
strength: each edge gets distance = 1 / weight (1 shared project -> length 1, 2 -> 0.5, ...).
Weighted degree (strength), eigenvector, PageRank and clustering use the weight itself.

--skip-weighted-paths leaves out the weighted path measures (closeness, harmonic, betweenness with
distance = 1/weight, NetworkX and igraph) and weightedPathTies, which take NetworkX about half an
hour on a network of 4,000 organisations; the output then lists them under `skipped`.

Writes <dataset>/reference/centrality.json.gz: gzip with mtime 0 and no file name, JSON with sorted
keys, floats written by repr (round-trip exact). Layout:
  networkx.unweighted.<measure>[id], networkx.weighted.<measure>[id], networkx.graph
  igraph.unweighted.<measure>[id],   igraph.weighted.<measure>[id],   igraph.graph
  comparison.<measure>  (max |NetworkX - igraph| after bringing both to the same normalisation)
  weightedPathTies      (floating-point near-ties of weighted shortest paths; exact-tie betweenness)
  versions
See README-centrality.md for one line per number.

The script re-runs itself with PYTHONHASHSEED=0 (and one BLAS thread): NetworkX iterates over sets
of string nodes in places (e.g. clustering), and the order of float summation must not change
between runs.
"""
import json
import math
import platform
import random
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder, first on sys.path)

# One BLAS thread as well, so that ARPACK/LAPACK results (eigenvector, the PageRank check) cannot
# depend on how work is split between threads.
alliance.pin_environment(PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                         MKL_NUM_THREADS="1")

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from scipy.sparse.csgraph import dijkstra  # noqa: E402

NEAR_TIE = 1e-12
WEIGHTED_PATH_MEASURES = ["networkx.weighted.closeness", "networkx.weighted.harmonic",
                          "networkx.weighted.betweenness", "igraph.weighted.closeness",
                          "igraph.weighted.harmonic", "igraph.weighted.betweenness",
                          "igraph.weighted.betweennessNormalized", "weightedPathTies"]


def build(data):
    """NetworkX graph (nodes in file order, edges sorted as strings, checked against
    projection.csv.gz), node ids, edges; every edge gets distance = 1 / weight."""
    G, ids, edges, _ = alliance.organisation_graph(data)
    for _, _, d in G.edges(data=True):
        d["distance"] = 1 / d["weight"]
    return G, ids, edges


def to_igraph(ids, edges):
    g = alliance.to_igraph(ids, edges)
    g.es["distance"] = [1 / w for _, _, w in edges]
    return g


def networkx_measures(G, weighted_paths):
    n = G.number_of_nodes()
    pr = dict(alpha=0.85, tol=1e-13, max_iter=10000)
    unweighted = {
        "degree": dict(G.degree()),
        "degreeCentrality": nx.degree_centrality(G),
        "closeness": nx.closeness_centrality(G),
        "harmonic": nx.harmonic_centrality(G),
        "eigenvector": nx.eigenvector_centrality_numpy(G),
        "pagerank": nx.pagerank(G, weight=None, **pr),
        "betweenness": nx.betweenness_centrality(G, normalized=True),
        "clustering": nx.clustering(G),
    }
    weighted = {
        "strength": dict(G.degree(weight="weight")),
        "eigenvector": nx.eigenvector_centrality_numpy(G, weight="weight"),
        "pagerank": nx.pagerank(G, weight="weight", **pr),
        "clustering": nx.clustering(G, weight="weight"),
    }
    if weighted_paths:
        weighted["closeness"] = nx.closeness_centrality(G, distance="distance")
        weighted["harmonic"] = nx.harmonic_centrality(G, distance="distance")
        weighted["betweenness"] = nx.betweenness_centrality(G, normalized=True, weight="distance")
    graph = {
        "nodes": n,
        "edges": G.number_of_edges(),
        "totalWeight": sum(w for _, _, w in G.edges(data="weight")),
        "connectedComponents": nx.number_connected_components(G),
        "isolated": nx.number_of_isolates(G),
        "transitivity": nx.transitivity(G),
        "averageClustering": nx.average_clustering(G),
        "averageClusteringWeighted": nx.average_clustering(G, weight="weight"),
    }
    return {"unweighted": unweighted, "weighted": weighted, "graph": graph}


def eigen(g, weights):
    """igraph's eigenvector centrality starts ARPACK from a random vector (n draws from igraph's RNG,
    which is Python's random module); seed it so the last bits are the same on every run."""
    random.seed(0)
    return g.eigenvector_centrality(scale=True, weights=weights)


def igraph_measures(g, weighted_paths):
    n = g.vcount()
    names = g.vs["name"]

    def by_id(values):
        # igraph's closeness of an isolated vertex is NaN (no other vertex reachable): None in JSON
        return {k: None if isinstance(v, float) and math.isnan(v) else v
                for k, v in zip(names, values)}

    bscale = 2 / ((n - 1) * (n - 2))
    b = g.betweenness()
    unweighted = {
        "degree": by_id(g.degree()),
        "closeness": by_id(g.closeness(normalized=True)),
        "harmonic": by_id(g.harmonic_centrality(normalized=True)),
        "eigenvector": by_id(eigen(g, None)),
        "pagerank": by_id(g.pagerank(damping=0.85)),
        "betweenness": by_id(b),
        "betweennessNormalized": by_id([x * bscale for x in b]),
        "clustering": by_id(g.transitivity_local_undirected(mode="zero")),
    }
    weighted = {
        "strength": by_id(g.strength(weights="weight")),
        "eigenvector": by_id(eigen(g, "weight")),
        "pagerank": by_id(g.pagerank(damping=0.85, weights="weight")),
        "clusteringBarrat": by_id(g.transitivity_local_undirected(mode="zero", weights="weight")),
    }
    if weighted_paths:
        bw = g.betweenness(weights="distance")
        weighted["closeness"] = by_id(g.closeness(weights="distance", normalized=True))
        weighted["harmonic"] = by_id(g.harmonic_centrality(weights="distance", normalized=True))
        weighted["betweenness"] = by_id(bw)
        weighted["betweennessNormalized"] = by_id([x * bscale for x in bw])
    graph = {
        "nodes": n,
        "edges": g.ecount(),
        "connectedComponents": len(g.connected_components()),
        "transitivity": g.transitivity_undirected(),
    }
    return {"unweighted": unweighted, "weighted": weighted, "graph": graph}


def max_diff(a, b, note=None):
    """Max |a - b| over the ids of a, the id where it first occurs (None if 0), max relative diff.
    Ids where either value is None (igraph's NaN) are left out and counted in `undefined`."""
    worst, where, rel, undefined = 0.0, None, 0.0, 0
    for k in sorted(a):
        if a[k] is None or b[k] is None:
            undefined += 1
            continue
        d = abs(a[k] - b[k])
        if d > worst:
            worst, where = d, k
        if d:
            rel = max(rel, d / max(abs(a[k]), abs(b[k])))
    out = {"maxAbsDiff": float(worst), "at": where, "maxRelDiff": rel}
    if undefined:
        out["undefined"] = undefined
    if note:
        out["note"] = note
    return out


def barrat(G):
    """Barrat et al. (2004) weighted clustering from its matrix form: (W A^2)_ii / (s_i (k_i - 1))."""
    nodes = list(G)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
    W = nx.to_numpy_array(G, nodelist=nodes, weight="weight")
    num = np.einsum("ij,ji->i", W, A @ A)
    k, s = A.sum(1), W.sum(1)
    return {v: float(num[i] / (s[i] * (k[i] - 1))) if k[i] > 1 else 0.0
            for i, v in enumerate(nodes)}


def pagerank_solve(G, weight):
    """PageRank as the solution of (I - 0.85 P^T - 0.85/n 1 d^T) x = 0.15/n by LAPACK, d = the
    dangling (isolated) nodes, whose rank NetworkX spreads uniformly."""
    nodes = list(G)
    W = nx.to_numpy_array(G, nodelist=nodes, weight=weight)
    n = len(nodes)
    s = W.sum(1, keepdims=True)
    dangling = s[:, 0] == 0
    if dangling.any():
        P = np.divide(W, s, out=np.zeros_like(W), where=s > 0)
        M = np.eye(n) - 0.85 * P.T - (0.85 / n) * np.outer(np.ones(n), dangling)
    else:
        P = W / s
        M = np.eye(n) - 0.85 * P.T
    x = np.linalg.solve(M, np.full(n, 0.15 / n))
    x /= x.sum()
    return {v: float(x[i]) for i, v in enumerate(nodes)}


def compare(nxr, igr, G, weighted_paths):
    n = G.number_of_nodes()
    nu, nw, iu, iw = nxr["unweighted"], nxr["weighted"], igr["unweighted"], igr["weighted"]

    def scaled(d, f):
        return {k: v * f for k, v in d.items()}

    def to_max1(d):
        m = max(d.values())
        return {k: v / m for k, v in d.items()}

    pr_u, pr_w = pagerank_solve(G, None), pagerank_solve(G, "weight")
    b_note = "NetworkX normalized=True vs igraph raw pair count * 2/((n-1)(n-2))"
    h_note = "NetworkX sum of 1/d divided by n-1 vs igraph normalized=True"
    e_note = "NetworkX unit Euclidean norm rescaled to max 1 vs igraph scale=True"
    weighted = {}
    if weighted_paths:
        weighted = {
            "closenessWeighted": max_diff(nw["closeness"], iw["closeness"], "both as returned"),
            "harmonicWeighted": max_diff(scaled(nw["harmonic"], 1 / (n - 1)), iw["harmonic"],
                                         h_note),
            "betweennessWeighted": max_diff(nw["betweenness"], iw["betweennessNormalized"],
                                            b_note),
        }
    return weighted | {
        "degree": max_diff(nu["degree"], iu["degree"]),
        "degreeCentrality": max_diff(nu["degreeCentrality"], scaled(iu["degree"], 1 / (n - 1)),
                                     "igraph degree / (n-1)"),
        "strength": max_diff(nw["strength"], iw["strength"]),
        "closeness": max_diff(nu["closeness"], iu["closeness"], "both as returned"),
        "harmonic": max_diff(scaled(nu["harmonic"], 1 / (n - 1)), iu["harmonic"], h_note),
        "eigenvector": max_diff(to_max1(nu["eigenvector"]), iu["eigenvector"], e_note),
        "eigenvectorWeighted": max_diff(to_max1(nw["eigenvector"]), iw["eigenvector"], e_note),
        "pagerank": max_diff(nu["pagerank"], iu["pagerank"], "both as returned"),
        "pagerankWeighted": max_diff(nw["pagerank"], iw["pagerank"], "both as returned"),
        "pagerankNetworkXVsLinearSolve": max_diff(nu["pagerank"], pr_u,
                                                  "NetworkX vs numpy.linalg.solve"),
        "pagerankIgraphVsLinearSolve": max_diff(iu["pagerank"], pr_u,
                                                "igraph PRPACK vs numpy.linalg.solve"),
        "pagerankWeightedNetworkXVsLinearSolve": max_diff(nw["pagerank"], pr_w,
                                                          "NetworkX vs numpy.linalg.solve"),
        "pagerankWeightedIgraphVsLinearSolve": max_diff(iw["pagerank"], pr_w,
                                                        "igraph PRPACK vs numpy.linalg.solve"),
        "betweenness": max_diff(nu["betweenness"], iu["betweennessNormalized"], b_note),
        "clustering": max_diff(nu["clustering"], iu["clustering"],
                               "nx.clustering vs transitivity_local_undirected(mode='zero')"),
        "clusteringBarratCheck": max_diff(iw["clusteringBarrat"], barrat(G),
                                          "igraph weighted local transitivity vs numpy "
                                          "(W A^2)_ii / (s_i (k_i-1)) (Barrat 2004)"),
        "clusteringOnnelaVsBarrat": max_diff(nw["clustering"], iw["clusteringBarrat"],
                                             "different measures, not expected to agree"),
        "transitivity": {"maxAbsDiff": abs(nxr["graph"]["transitivity"]
                                           - igr["graph"]["transitivity"])},
    }


def path_ties(G, ids, nx_betweenness, ig_betweenness):
    """Near-ties of weighted shortest paths (distance = 1/weight).

    Exact distances: every 1/w is a multiple of 1/L with L = lcm of the weights, so L/w is an
    integer and sums of those are exact (in float64 too, far below 2^53). Float distances: 1/w
    summed in float64 as NetworkX's Dijkstra does (the float Dijkstra result min_p fl(d(p) + 1/w)
    does not depend on visiting order). For every ordered pair (s, t) and every neighbour p of t,
    the candidate fl(d(s,p) + 1/w(p,t)) is compared with d(s,t):
      nearTie: 0 < |candidate - d(s,t)| < 1e-12 (NetworkX's == then does not count p as a
      predecessor of t, although the two path lengths are mathematically equal or nearly so).
    Each near-tie is also checked against the exact lengths. igraph compares path lengths with a
    relative tolerance (IGRAPH_SHORTEST_PATH_EPSILON = 1e-10), so it finds these ties; NetworkX's
    exact float == does not. betweennessExactTies is the mathematically exact weighted
    betweenness (NetworkX's algorithm run on the integer lengths L/w).
    """
    assert nx.is_connected(G), "path_ties assumes a connected network (use --skip-weighted-paths)"
    n = len(ids)
    index = {v: i for i, v in enumerate(ids)}
    weights = sorted({w for _, _, w in G.edges(data="weight")})
    L = math.lcm(*weights)
    src, dst, wts = [], [], []
    for u, v, w in G.edges(data="weight"):
        for a, b in ((u, v), (v, u)):
            src.append(index[a])
            dst.append(index[b])
            wts.append(w)
    src, dst, wts = np.array(src), np.array(dst), np.array(wts)
    cf = 1.0 / wts                      # float lengths, as NetworkX's "distance"
    ce = (L // wts).astype(np.float64)  # exact integer lengths in units of 1/L
    Mf = csr_matrix((cf, (src, dst)), shape=(n, n))
    Me = csr_matrix((ce, (src, dst)), shape=(n, n))
    Df = dijkstra(Mf, directed=True)
    De = dijkstra(Me, directed=True)
    assert np.all(De < 2**53) and np.all(De == np.round(De))

    # The float distances are NetworkX's (checked on every source against single_source_dijkstra).
    for s in range(n):
        d = nx.single_source_dijkstra_path_length(G, ids[s], weight="distance")
        assert all(d[ids[t]] == Df[s, t] for t in range(n)), "float distances differ"

    near_pairs = set()
    ordered_near = 0
    triples_near = 0
    near_not_exact = 0
    float_tie_not_exact = 0
    exact_tie_missed = 0
    pairs_missed = 0
    pairs_exact_multi = 0
    pairs_float_multi = 0
    for s in range(n):
        cand = Df[s, src] + cf
        target = Df[s, dst]
        eq_float = cand == target
        near = (np.abs(cand - target) < NEAR_TIE) & ~eq_float
        eq_exact = De[s, src] + ce == De[s, dst]
        triples_near += int(near.sum())
        near_not_exact += int((near & ~eq_exact).sum())
        float_tie_not_exact += int((eq_float & ~eq_exact).sum())
        exact_tie_missed += int((eq_exact & ~eq_float).sum())
        tn = np.unique(dst[near])
        ordered_near += len(tn)
        for t in tn:
            near_pairs.add((min(s, t), max(s, t)))
        pairs_missed += len(np.unique(dst[eq_exact != eq_float]))
        pairs_exact_multi += int((np.bincount(dst[eq_exact], minlength=n) > 1).sum())
        pairs_float_multi += int((np.bincount(dst[eq_float], minlength=n) > 1).sum())

    # Betweenness with exact ties: NetworkX's own algorithm on the integer lengths L/w (Python ints,
    # exact sums, so == finds every tie). Same normalisation as the weighted reference.
    for u, v, w in G.edges(data="weight"):
        G[u][v]["exactLength"] = L // w
    exact = nx.betweenness_centrality(G, normalized=True, weight="exactLength")
    for _, _, d in G.edges(data=True):
        del d["exactLength"]

    return {
        "lcmOfWeights": L,
        "nearTieThreshold": NEAR_TIE,
        "orderedPairsWithNearTie": ordered_near,
        "unorderedPairsWithNearTie": len(near_pairs),
        "nearTieTriples": triples_near,
        "nearTiesThatAreNotExactTies": near_not_exact,
        "floatTiesThatAreNotExactTies": float_tie_not_exact,
        "exactTiesMissedByFloatEqualityTriples": exact_tie_missed,
        "orderedPairsWhosePredecessorSetDiffers": pairs_missed,
        "orderedPairsWithSeveralShortestPathPredecessorsExact": pairs_exact_multi,
        "orderedPairsWithSeveralShortestPathPredecessorsFloat": pairs_float_multi,
        "betweennessExactTies": exact,
        "nodesWhereNetworkXBetweennessDiffersFromExactBy>1e-12":
            sum(abs(exact[v] - nx_betweenness[v]) > 1e-12 for v in exact),
        "nodesWhereIgraphBetweennessDiffersFromExactBy>1e-12":
            sum(abs(exact[v] - ig_betweenness[v]) > 1e-12 for v in exact),
        "betweennessExactTiesVsNetworkX": max_diff(exact, nx_betweenness),
        "betweennessExactTiesVsIgraph": max_diff(exact, ig_betweenness),
    }


def main():
    args = alliance.arguments(__doc__.splitlines()[0], lambda parser: parser.add_argument(
        "--skip-weighted-paths", action="store_true",
        help="leave out weighted closeness, harmonic, betweenness and weightedPathTies"))
    weighted_paths = not args.skip_weighted_paths
    ig.set_random_number_generator(random)  # igraph's default; made explicit
    t0 = time.perf_counter()
    G, ids, edges = build(args.dataset)
    g = to_igraph(ids, edges)
    t1 = time.perf_counter()
    nxr = networkx_measures(G, weighted_paths)
    t2 = time.perf_counter()
    igr = igraph_measures(g, weighted_paths)
    t3 = time.perf_counter()
    comparison = compare(nxr, igr, G, weighted_paths)
    ties = None
    if weighted_paths:
        ties = path_ties(G, ids, nxr["weighted"]["betweenness"],
                         igr["weighted"]["betweennessNormalized"])
    t4 = time.perf_counter()

    out = {
        "networkx": nxr,
        "igraph": igr,
        "comparison": comparison,
        "versions": {
            "python": platform.python_version(),
            "networkx": nx.__version__,
            "python-igraph": ig.__version__,
            "igraph C core": ig._igraph.__igraph_version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
    }
    if weighted_paths:
        out["weightedPathTies"] = ties
    else:
        out["skipped"] = WEIGHTED_PATH_MEASURES
    text = json.dumps(out, sort_keys=True, allow_nan=False, indent=1) + "\n"
    alliance.write_gzip(args.dataset / "reference" / "centrality.json.gz", text)

    gr = nxr["graph"]
    print(f"nodes {gr['nodes']}, edges {gr['edges']}, components {gr['connectedComponents']}, "
          f"isolated {gr['isolated']}")
    for k, v in comparison.items():
        print(f"  {k}: {v}")
    if ties is not None:
        print({k: v for k, v in ties.items() if not k.startswith("betweennessExactTies")
               or k.endswith(("NetworkX", "Igraph"))})
    print(f"time: build {t1 - t0:.1f}s, networkx {t2 - t1:.1f}s, igraph {t3 - t2:.1f}s, "
          f"comparison+ties {t4 - t3:.1f}s, total {t4 - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
