#!/usr/bin/python3
"""Reference Burt structural-hole measures of the organisation network, computed with NetworkX.

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
on every call, which makes constraint cubic in the degree (hours on this graph). The module function
networkx.algorithms.structuralholes.normalized_mutual_weight is therefore wrapped in a memo keyed on
its arguments. It is a pure function of a fixed graph, so every call still returns the very float
NetworkX computes; the script checks this bit for bit against the unpatched functions on a sample of
nodes and links before it runs the full computation.

Writes structural-holes.json.gz next to this script: gzip with mtime 0 and no file name, JSON with
sorted keys, floats by repr (round-trip exact). Besides the three maps per variant it stores `graph`
(sizes), `checks` (the memo check and a numpy re-computation from the weight matrix, max |diff|) and
`versions`. See README-brokerage.md.

The script re-runs itself with PYTHONHASHSEED=0 and one BLAS thread: NetworkX sums over sets of string
nodes (order depends on string hashing), and the numpy check must not depend on threading.
"""
import gzip
import io
import json
import os
import platform
import sys
from pathlib import Path

PINNED = {"PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
          "MKL_NUM_THREADS": "1"}
if any(os.environ.get(k) != v for k, v in PINNED.items()):
    os.environ.update(PINNED)
    os.execv(sys.executable, [sys.executable, *sys.argv])

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "reference"))
import alliance  # noqa: E402
import networkx as nx  # noqa: E402
import networkx.algorithms.structuralholes as sh  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

HERE = Path(__file__).resolve().parent
DATA = HERE.parent


def build():
    G, ids, edges, _orgs = alliance.organisation_graph(DATA)
    return G, ids, edges


ORIGINAL_NMW = sh.normalized_mutual_weight


def install_memo():
    cache = {}

    def nmw(G, u, v, norm=sum, weight=None):
        key = (u, v, norm, weight)
        try:
            return cache[key]
        except KeyError:
            value = cache[key] = ORIGINAL_NMW(G, u, v, norm=norm, weight=weight)
            return value

    sh.normalized_mutual_weight = nmw
    return cache


def uninstall_memo():
    sh.normalized_mutual_weight = ORIGINAL_NMW


def measures(G, edges, weight):
    constraint = nx.constraint(G, weight=weight)
    effective = nx.effective_size(G, weight=weight)
    local = {}
    for u, v, _ in edges:
        local[f"{u}|{v}"] = nx.local_constraint(G, u, v, weight=weight)
        local[f"{v}|{u}"] = nx.local_constraint(G, v, u, weight=weight)
    return {"constraint": constraint, "effectiveSize": effective, "localConstraint": local}


def memo_check(G, edges):
    """Unpatched NetworkX on a sample must equal the memoised run bit for bit."""
    by_degree = sorted(G, key=lambda n: (G.degree(n), n))
    sample = by_degree[:: len(by_degree) // 12][:12]          # spread over the degree range,
    sample = [n for n in sample if G.degree(n) <= 150]         # skipping the slowest hubs
    links = edges[:: len(edges) // 20][:20]
    out = {}
    for weight in (None, "weight"):
        install_memo()
        memo = (nx.constraint(G, nodes=sample, weight=weight),
                nx.effective_size(G, nodes=sample, weight=weight),
                [nx.local_constraint(G, u, v, weight=weight) for u, v, _ in links])
        uninstall_memo()
        plain = (nx.constraint(G, nodes=sample, weight=weight),
                 nx.effective_size(G, nodes=sample, weight=weight),
                 [nx.local_constraint(G, u, v, weight=weight) for u, v, _ in links])
        assert memo == plain, "memoised normalized_mutual_weight changed a result"
        out["unweighted" if weight is None else "weighted"] = {
            "nodes": len(sample), "links": len(links), "identical": memo == plain}
    return out


def numpy_check(G, ids, result, weight):
    """Burt's formulas from the dense weight matrix; returns max |numpy - NetworkX|."""
    index = {v: i for i, v in enumerate(ids)}
    W = nx.to_numpy_array(G, nodelist=ids, weight=weight if weight else None)
    M = W + W.T                                   # mutual weights
    P = M / M.sum(axis=1, keepdims=True)          # p_uv
    local = (P + P @ P) ** 2                      # l(u, v)
    A = M > 0
    constraint = (local * A).sum(axis=1)
    R = P @ (M / M.max(axis=1, keepdims=True)).T  # sum_w p_uw m_vw
    effective = ((1 - R) * A).sum(axis=1)
    diffs = {
        "constraint": max(abs(constraint[index[v]] - x) for v, x in result["constraint"].items()),
        "effectiveSize": max(abs(effective[index[v]] - x)
                             for v, x in result["effectiveSize"].items()),
        "localConstraint": max(abs(local[index[k.split("|")[0]], index[k.split("|")[1]]] - x)
                               for k, x in result["localConstraint"].items()),
    }
    return {k: float(v) for k, v in diffs.items()}


def main():
    G, ids, edges = build()
    checks = {"memo": memo_check(G, edges)}

    install_memo()
    out = {"unweighted": measures(G, edges, None), "weighted": measures(G, edges, "weight")}
    uninstall_memo()

    checks["numpyMaxAbsDiff"] = {k: numpy_check(G, ids, out[k], w)
                                 for k, w in (("unweighted", None), ("weighted", "weight"))}
    checks["localConstraintSumsToConstraint"] = {}
    for k in ("unweighted", "weighted"):
        sums = {}
        for key, x in out[k]["localConstraint"].items():
            u = key.split("|")[0]
            sums[u] = sums.get(u, 0.0) + x
        checks["localConstraintSumsToConstraint"][k] = max(
            abs(sums[v] - out[k]["constraint"][v]) for v in ids)

    out["graph"] = {"nodes": G.number_of_nodes(), "links": G.number_of_edges(),
                    "totalWeight": sum(w for _, _, w in edges),
                    "localConstraintEntries": 2 * len(edges)}
    out["checks"] = checks
    out["versions"] = {"python": platform.python_version(), "networkx": nx.__version__,
                       "numpy": np.__version__, "pandas": pd.__version__}

    text = json.dumps(out, sort_keys=True, allow_nan=True, separators=(",", ":"))
    with open(HERE / "structural-holes.json.gz", "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(text.encode("utf-8"))

    print(json.dumps({"graph": out["graph"], "checks": checks, "versions": out["versions"]},
                     indent=1, sort_keys=True))
    for k in ("unweighted", "weighted"):
        c = out[k]["constraint"]
        e = out[k]["effectiveSize"]
        low = sorted(ids, key=lambda v: (c[v], v))[:3]
        print(k, "lowest constraint:", [(v, c[v], e[v], G.degree(v)) for v in low])


if __name__ == "__main__":
    main()
