#!/usr/bin/python3
"""Reference Burt structural-hole measures of a dataset's organisation network, computed with NetworkX.

Usage: /usr/bin/python3 datasets/reference/structural_holes.py datasets/<name>
           [--skip weighted] [--skip localConstraint]
(run counts.py and projection.py first). Writes <dataset>/reference/structural-holes.json.gz.

Graph: nodes = every organisation id of organisations.csv (strings, file order); a link joins two
organisations that share at least one project; weight = number of shared projects (as in
projection.py / centrality.py). Checked edge for edge against projection.csv.gz.

For weight=None ("unweighted") and weight="weight" ("weighted"):
  constraint       nx.constraint(G, weight=...)                     per node
  effectiveSize    nx.effective_size(G, weight=...)                 per node
  localConstraint  nx.local_constraint(G, u, v, weight=...)         per link, both directions,
                                                                    key "u|v" (constraint on u from v)
NetworkX 2.8.8 has no efficiency or hierarchy; they are deliberately not computed here.

Speed: NetworkX recomputes the normaliser of p_uw = mutual weight / sum (or max) of u's mutual weights
on every call, which makes constraint cubic in the degree (hours on these graphs). The module function
networkx.algorithms.structuralholes.normalized_mutual_weight is therefore replaced by one that keeps
each node's normaliser in a memo: the normaliser is computed by NetworkX's own expression,
norm(mutual_weight(G, u, w, weight) for w in set(nx.all_neighbors(G, u))), the first time u needs
it, and every call still returns mutual_weight(G, u, v, weight) / normaliser, i.e. the very float
NetworkX computes. Likewise the unweighted effective size calls
nx.ego_graph(G, v, center=False, undirected=True), which copies the whole graph
(G.to_undirected()) for every node; on an undirected graph that copy has the same adjacency, so
while the patch is installed ego_graph is called with undirected=False there (same ego network, same
count n - 2t/n). The script checks both patches bit for bit against the unpatched functions on a
sample of nodes and links before it runs the full computation.

--skip weighted leaves out the weight="weight" variant, --skip localConstraint the per-link local
constraints (each about a quarter of the run time); the output then lists them under `skipped`.

Writes <dataset>/reference/structural-holes.json.gz: gzip with mtime 0 and no file name, JSON with
sorted keys, floats by repr (round-trip exact). Besides the three maps per variant it stores `graph`
(sizes), `checks` (the memo check and a numpy re-computation from the weight matrix, max |diff|) and
`versions`. See semiconductor-ev/reference/README-brokerage.md.

The script re-runs itself with PYTHONHASHSEED=0 and one BLAS thread: NetworkX sums over sets of string
nodes (order depends on string hashing), and the numpy check must not depend on threading.
"""
import json
import platform
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder, first on sys.path)

alliance.pin_environment(PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                         MKL_NUM_THREADS="1")

import networkx as nx  # noqa: E402
import networkx.algorithms.structuralholes as sh  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

VARIANTS = {"unweighted": None, "weighted": "weight"}


def build(data):
    G, ids, edges, _orgs = alliance.organisation_graph(data)
    return G, ids, edges


ORIGINAL_NMW = sh.normalized_mutual_weight
ORIGINAL_EGO_GRAPH = nx.ego_graph


def install_memo():
    """normalized_mutual_weight with each node's normaliser computed once, as NetworkX computes it
    (a memo of (G, u, v) -> value instead would hold one entry per pair at distance <= 2: tens of
    millions on a network of 4,000 organisations, each still paying the normaliser once)."""
    cache = {}

    def nmw(G, u, v, norm=sum, weight=None):
        key = (u, norm, weight)
        try:
            scale = cache[key]
        except KeyError:
            scale = cache[key] = norm(sh.mutual_weight(G, u, w, weight)
                                      for w in set(nx.all_neighbors(G, u)))
        return 0 if scale == 0 else sh.mutual_weight(G, u, v, weight) / scale

    def ego_graph(G, n, radius=1, center=True, undirected=False, distance=None):
        if undirected and not G.is_directed():
            undirected = False  # G.to_undirected() would only copy G
        return ORIGINAL_EGO_GRAPH(G, n, radius=radius, center=center, undirected=undirected,
                                  distance=distance)

    sh.normalized_mutual_weight = nmw
    nx.ego_graph = ego_graph  # effective_size looks it up as nx.ego_graph on every call
    return cache


def uninstall_memo():
    sh.normalized_mutual_weight = ORIGINAL_NMW
    nx.ego_graph = ORIGINAL_EGO_GRAPH


def measures(G, edges, weight, local_constraint):
    constraint = nx.constraint(G, weight=weight)
    effective = nx.effective_size(G, weight=weight)
    out = {"constraint": constraint, "effectiveSize": effective}
    if local_constraint:
        local = {}
        for u, v, _ in edges:
            local[f"{u}|{v}"] = nx.local_constraint(G, u, v, weight=weight)
            local[f"{v}|{u}"] = nx.local_constraint(G, v, u, weight=weight)
        out["localConstraint"] = local
    return out


def memo_check(G, edges, variants):
    """Unpatched NetworkX on a sample must equal the memoised run bit for bit."""
    by_degree = sorted(G, key=lambda n: (G.degree(n), n))
    sample = by_degree[:: len(by_degree) // 12][:12]          # spread over the degree range,
    sample = [n for n in sample if G.degree(n) <= 150]         # skipping the slowest hubs
    links = edges[:: len(edges) // 20][:20]
    out = {}
    for name in variants:
        weight = VARIANTS[name]
        install_memo()
        memo = (nx.constraint(G, nodes=sample, weight=weight),
                nx.effective_size(G, nodes=sample, weight=weight),
                [nx.local_constraint(G, u, v, weight=weight) for u, v, _ in links])
        uninstall_memo()
        plain = (nx.constraint(G, nodes=sample, weight=weight),
                 nx.effective_size(G, nodes=sample, weight=weight),
                 [nx.local_constraint(G, u, v, weight=weight) for u, v, _ in links])
        # repr: bit for bit, and NaN (an isolated node) equals NaN
        identical = repr(memo) == repr(plain)
        assert identical, "memoised normalized_mutual_weight changed a result"
        out[name] = {
            "nodes": len(sample), "links": len(links), "identical": identical}
    return out


def numpy_check(G, ids, result, weight):
    """Burt's formulas from the dense weight matrix; returns max |numpy - NetworkX|."""
    index = {v: i for i, v in enumerate(ids)}
    W = nx.to_numpy_array(G, nodelist=ids, weight=weight if weight else None)
    M = W + W.T                                   # mutual weights

    def rows_over(d):  # M / d row by row; 0 for an isolated node's row (d = 0) instead of 0/0
        return np.divide(M, d, out=np.zeros_like(M), where=d > 0)

    P = rows_over(M.sum(axis=1, keepdims=True))   # p_uv
    local = (P + P @ P) ** 2                      # l(u, v)
    A = M > 0
    constraint = (local * A).sum(axis=1)
    R = P @ rows_over(M.max(axis=1, keepdims=True)).T  # sum_w p_uw m_vw
    effective = ((1 - R) * A).sum(axis=1)
    # NetworkX gives NaN for an isolated node (no contacts): such nodes are not compared.
    diffs = {
        "constraint": max(abs(constraint[index[v]] - x) for v, x in result["constraint"].items()
                          if x == x),
        "effectiveSize": max(abs(effective[index[v]] - x)
                             for v, x in result["effectiveSize"].items() if x == x),
    }
    if "localConstraint" in result:
        diffs["localConstraint"] = max(
            abs(local[index[k.split("|")[0]], index[k.split("|")[1]]] - x)
            for k, x in result["localConstraint"].items())
    return {k: float(v) for k, v in diffs.items()}


def main():
    args = alliance.arguments(__doc__.splitlines()[0], lambda parser: parser.add_argument(
        "--skip", action="append", default=[], choices=["weighted", "localConstraint"],
        help="leave out the weighted variant or the per-link local constraints"))
    variants = [k for k in VARIANTS if k not in args.skip]
    local_constraint = "localConstraint" not in args.skip
    t0 = time.perf_counter()
    G, ids, edges = build(args.dataset)
    checks = {"memo": memo_check(G, edges, variants)}
    t1 = time.perf_counter()

    install_memo()
    out = {k: measures(G, edges, VARIANTS[k], local_constraint) for k in variants}
    uninstall_memo()
    t2 = time.perf_counter()

    checks["numpyMaxAbsDiff"] = {k: numpy_check(G, ids, out[k], VARIANTS[k]) for k in variants}
    if local_constraint:
        checks["localConstraintSumsToConstraint"] = {}
        for k in variants:
            sums = {}
            for key, x in out[k]["localConstraint"].items():
                u = key.split("|")[0]
                sums[u] = sums.get(u, 0.0) + x
            checks["localConstraintSumsToConstraint"][k] = max(
                abs(sums[v] - out[k]["constraint"][v]) for v in ids if v in sums)

    out["graph"] = {"nodes": G.number_of_nodes(), "links": G.number_of_edges(),
                    "totalWeight": sum(w for _, _, w in edges)}
    if local_constraint:
        out["graph"]["localConstraintEntries"] = 2 * len(edges)
    if args.skip:
        out["skipped"] = sorted(set(args.skip))
    out["checks"] = checks
    out["versions"] = {"python": platform.python_version(), "networkx": nx.__version__,
                       "numpy": np.__version__, "pandas": pd.__version__}

    text = json.dumps(out, sort_keys=True, allow_nan=True, separators=(",", ":"))
    alliance.write_gzip(args.dataset / "reference" / "structural-holes.json.gz", text)

    print(json.dumps({"graph": out["graph"], "checks": checks, "versions": out["versions"]},
                     indent=1, sort_keys=True))
    for k in variants:
        c = out[k]["constraint"]
        e = out[k]["effectiveSize"]
        low = sorted((v for v in ids if c[v] == c[v]), key=lambda v: (c[v], v))[:3]
        print(k, "lowest constraint:", [(v, c[v], e[v], G.degree(v)) for v in low])
    t3 = time.perf_counter()
    print(f"time: build+memo check {t1 - t0:.1f}s, measures {t2 - t1:.1f}s, "
          f"checks {t3 - t2:.1f}s, total {t3 - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
