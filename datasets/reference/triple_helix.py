#!/usr/bin/python3
"""Reference triple-helix mutual information (Leydesdorff 2003) and type mixing of a dataset's
organisation network.

Usage: /usr/bin/python3 datasets/reference/triple_helix.py datasets/<name>
(run counts.py and projection.py first). Writes <dataset>/reference/triple-helix.json.

Triple helix (Leydesdorff, L. 2003. The mutual information of university-industry-government
relations: an indicator of the Triple Helix dynamics. Scientometrics 58(2), 445-467):
  helix of an organisation type: university, research -> U; firm -> I; government -> G;
  other (and intermediary, absent here) -> no helix.
  Each project of participations.csv (every row, whatever the role) is one observation with three
  binary variables u, i, g = 1 if at least one participant belongs to that helix.
  p(.) = project counts / number of projects; H = -sum p log2 p (0 log 0 = 0), in bits;
  T(XY) = H(X) + H(Y) - H(XY);
  T(UIG) = H(U) + H(I) + H(G) - H(UI) - H(UG) - H(IG) + H(UIG).
Mixing (undirected network: nodes = organisations, link = at least one shared project, weight =
number of shared projects; checked against projection.csv.gz):
  counted[a][b]  = number of links between an organisation of type a and one of type b; symmetric,
                   each link counted once in cell (a, b) and once in (b, a) when a != b, once on the
                   diagonal when a == b (so the upper triangle with the diagonal sums to the links).
  weighted[a][b] = the same with the link weights summed.
  networkxAttributeMixingMatrix = nx.attribute_mixing_matrix(G, "type", normalized=False): every
                   link in both directions (off-diagonal = counted, diagonal = 2 x counted).
  assortativity.networkx = nx.attribute_assortativity_coefficient(G, "type"); it takes no weight
                   argument and counts every link once per direction (checked in NetworkX 2.8.8).
Also a small hand-worked example (semiconductor-ev/reference/README-brokerage.md) whose closed-form
values are asserted here.

Writes <dataset>/reference/triple-helix.json (sorted keys, floats by repr). Re-runs itself with
PYTHONHASHSEED=0: NetworkX orders the mixing-matrix rows by iterating a set of strings.
"""
import json
import math
import platform
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder, first on sys.path)

alliance.pin_environment(PYTHONHASHSEED="0")

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

HELIX = {"university": "U", "research": "U", "firm": "I", "government": "G",
         "other": None, "intermediary": None}
TYPES = ["firm", "university", "research", "government", "other"]
CELLS = [f"{u}{i}{g}" for u in "01" for i in "01" for g in "01"]   # key "uig"
DIMS = {"U": (0,), "I": (1,), "G": (2,), "UI": (0, 1), "UG": (0, 2), "IG": (1, 2),
        "UIG": (0, 1, 2)}


def entropy(counts):
    """Shannon entropy in bits of a list of counts (zeros skipped), summed with math.fsum."""
    n = sum(counts)
    return math.fsum(-(c / n) * math.log2(c / n) for c in counts if c)


def margins(cells):
    """Counts of every sub-table, keyed by the digits of its variables (e.g. UI -> "10")."""
    out = {}
    for name, axes in DIMS.items():
        m = {}
        for key, c in cells.items():
            k = "".join(key[a] for a in axes)
            m[k] = m.get(k, 0) + c
        out[name] = {k: m[k] for k in sorted(m)}
    return out


def triple_helix(cells):
    marg = margins(cells)
    H = {name: entropy(list(m.values())) for name, m in marg.items()}
    T = {
        "UI": H["U"] + H["I"] - H["UI"],
        "UG": H["U"] + H["G"] - H["UG"],
        "IG": H["I"] + H["G"] - H["IG"],
        "UIG": H["U"] + H["I"] + H["G"] - H["UI"] - H["UG"] - H["IG"] + H["UIG"],
    }
    # Check: T(UIG) = sum p(uig) log2[p(ui) p(ug) p(ig) / (p(u) p(i) p(g) p(uig))]
    n = sum(cells.values())
    direct = math.fsum(
        (c / n) * math.log2(marg["UI"][k[0] + k[1]] * marg["UG"][k[0] + k[2]] * marg["IG"][k[1:]]
                            * n / (marg["U"][k[0]] * marg["I"][k[1]] * marg["G"][k[2]] * c))
        for k, c in cells.items() if c)
    assert abs(direct - T["UIG"]) < 1e-12, (direct, T["UIG"])
    return {"projects": n, "counts": dict(cells), "margins": marg, "entropy": H,
            "transmission": T, "checks": {"transmissionUIGDirect": direct,
                                          "absDiff": abs(direct - T["UIG"])}}


def self_tests():
    # XOR: pairwise independent, jointly determined -> T(UIG) = -1 bit
    xor = dict.fromkeys(CELLS, 0) | {"000": 1, "011": 1, "101": 1, "110": 1}
    r = triple_helix(xor)["transmission"]
    assert r["UI"] == r["UG"] == r["IG"] == 0 and r["UIG"] == -1.0, r
    # three copies of one fair bit -> every T = +1 bit
    same = dict.fromkeys(CELLS, 0) | {"000": 2, "111": 2}
    r = triple_helix(same)["transmission"]
    assert all(v == 1.0 for v in r.values()), r


def hand_example():
    """8 projects worked by hand in README-brokerage.md; L = log2 3."""
    cells = dict.fromkeys(CELLS, 0) | {"111": 2, "110": 1, "101": 1, "100": 2, "011": 1, "000": 1}
    res = triple_helix(cells)
    L = math.log2(3)
    closed = {"H": {"U": 2 - 0.75 * L, "I": 1.0, "G": 1.0, "UI": 3 - 0.75 * L, "UG": 3 - 0.75 * L,
                    "IG": 3 - 0.75 * L, "UIG": 2.5},
              "T": {"UI": 0.0, "UG": 0.0, "IG": 0.75 * L - 1, "UIG": 1.5 * L - 2.5}}
    for k, v in closed["H"].items():
        assert abs(res["entropy"][k] - v) < 1e-14, (k, res["entropy"][k], v)
    for k, v in closed["T"].items():
        assert abs(res["transmission"][k] - v) < 1e-14, (k, res["transmission"][k], v)
    res["closedForm"] = {"note": "L = log2 3; values asserted equal within 1e-14",
                         "entropy": closed["H"], "transmission": closed["T"]}
    return res


def build(data):
    G, ids, edges, orgs = alliance.organisation_graph(data)
    type_of = {o["id"]: o["type"] for o in orgs}
    assert set(type_of.values()) <= set(TYPES), set(type_of.values())
    nx.set_node_attributes(G, type_of, "type")
    members = {}
    for p in alliance.read(data, "participations.csv"):
        members.setdefault(p["project"], set()).add(p["org"])
    return G, ids, type_of, members, edges


def newman_r(sym):
    """Newman (2003) r from a symmetric matrix of link totals (each link once per cell)."""
    e = np.array(sym, dtype=float)
    e = e + np.diag(np.diag(e))          # both directions: diagonal counted twice
    e = e / e.sum()
    a = e.sum(axis=1)
    s = float(a @ a)
    return (float(np.trace(e)) - s) / (1 - s)


def main():
    data = alliance.dataset_argument(__doc__.splitlines()[0])
    self_tests()
    G, ids, type_of, members, edges = build(data)

    presence = {}
    cells = dict.fromkeys(CELLS, 0)
    for p in sorted(members):
        helices = {HELIX[type_of[o]] for o in members[p]}
        key = "".join("1" if h in helices else "0" for h in "UIG")
        presence[p] = key
        cells[key] += 1
    th = triple_helix(cells)
    th["projectCell"] = presence

    idx = {t: k for k, t in enumerate(TYPES)}
    counted = [[0] * len(TYPES) for _ in TYPES]
    weighted = [[0] * len(TYPES) for _ in TYPES]
    for a, b, w in edges:
        x, y = idx[type_of[a]], idx[type_of[b]]
        counted[x][y] += 1
        weighted[x][y] += w
        if x != y:
            counted[y][x] += 1
            weighted[y][x] += w
    assert sum(counted[x][y] for x in range(5) for y in range(x, 5)) == len(edges)
    assert sum(weighted[x][y] for x in range(5) for y in range(x, 5)) == sum(w for *_, w in edges)

    nxm = nx.attribute_mixing_matrix(G, "type", mapping=idx, normalized=False)
    assert np.array_equal(nxm, np.array(counted) + np.diag(np.diag(counted))), nxm
    r_nx = nx.attribute_assortativity_coefficient(G, "type")
    r_counted = newman_r(counted)
    assert abs(r_nx - r_counted) < 1e-14, (r_nx, r_counted)
    # NetworkX ignores edge weights: the call has no weight parameter, so setting every weight to 1
    # (or anything else) cannot change it; check that it matches the unweighted matrix only.
    uses_weights = "weight" in nx.attribute_assortativity_coefficient.__code__.co_varnames

    out = {
        "helixOfType": HELIX,
        "tripleHelix": th,
        "handExample": hand_example(),
        "mixing": {
            "types": TYPES,
            "organisationsPerType": {t: sum(1 for v in ids if type_of[v] == t) for t in TYPES},
            "counted": counted,
            "weighted": weighted,
            "networkxAttributeMixingMatrix": nxm.astype(int).tolist(),
            "links": len(edges),
            "totalWeight": sum(w for *_, w in edges),
        },
        "assortativity": {
            "networkx": r_nx,
            "networkxUsesWeights": uses_weights,
            "recomputedFromCounted": r_counted,
            "weightedNewmanOwnComputation": newman_r(weighted),
        },
        "versions": {"python": platform.python_version(), "networkx": nx.__version__,
                     "numpy": np.__version__, "pandas": pd.__version__},
    }
    text = json.dumps(out, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    (data / "reference" / "triple-helix.json").write_text(text, encoding="utf-8", newline="\n")

    print(json.dumps({k: th[k] for k in ("projects", "counts", "entropy", "transmission")},
                     indent=1, sort_keys=True))
    print(json.dumps(out["assortativity"], indent=1, sort_keys=True))
    print("counted", counted)
    print("weighted", weighted)


if __name__ == "__main__":
    main()
