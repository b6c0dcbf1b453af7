"""The peer of bench/stages.ts: yearly windows over participations, measured with NetworkX.

Usage: /usr/bin/python3 stages_networkx.py PARTICIPATIONS SEED
PARTICIPATIONS: 'project<TAB>org<TAB>year' per line (year empty when unknown), as bench/stages.ts
writes them from linkscale's reading of the data. Prints one JSON line.

The rules are linkscale's stages (datasets/reference/stages.py states them for the small
datasets), with Louvain communities for continuity:
- a project's year is the smallest year on its rows; a project without one is in no window;
  the span runs from the first to the last project year, one window per year;
- a window's network: nodes are the participants of its projects, links join two that share one
  of them, weighted by the number they share (full counting);
- per window: organisations, links, weight, density, components, largest component share,
  transitivity, Louvain communities (networkx louvain_communities, weighted, resolution 1,
  seeded) and their modularity, degree, strength and PageRank (alpha 0.85, weighted, tolerance
  1e-10 per node as linkscale's);
- from each window to the next: turnover of organisations and of links, persistence (Jaccard of
  the link sets), Spearman (scipy) of degree, strength and PageRank over the organisations in
  both (sorted ids; null with fewer than 2 or when scipy gives nan), and continuity of the
  Louvain partitions over them: NMI (scikit-learn, arithmetic), matched, new, ended, splits,
  merges (a community's predecessor holds most of its shared members, ties the smallest member id).

Timings: `compute` from the rows in memory to the last result, `withRead` with reading the file;
imports are outside both (bench/stages.ts times the whole process).
"""
import itertools
import json
import math
import resource
import sys
import time
import warnings
from collections import Counter

import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity
from scipy.stats import spearmanr
from sklearn.metrics import normalized_mutual_info_score


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            project, org, year = line.rstrip("\n").split("\t")
            rows.append((project, org, int(year) if year else None))
    return rows


def window_graph(projects, members):
    weights = Counter()
    nodes = set()
    for p in projects:
        group = sorted(members[p])
        nodes.update(group)
        weights.update(itertools.combinations(group, 2))
    G = nx.Graph()
    G.add_nodes_from(sorted(nodes))
    G.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    return G


def measure(G, seed):
    n = G.number_of_nodes()
    components = list(nx.connected_components(G))
    communities = louvain_communities(G, weight="weight", resolution=1, seed=seed) if n else []
    label = {v: min(c) for c in communities for v in c}
    summary = {
        "organisations": n,
        "links": G.number_of_edges(),
        "weight": int(sum(w for _, _, w in G.edges(data="weight"))),
        "density": nx.density(G) if n > 1 else None,
        "components": len(components),
        "largestComponentShare": max(map(len, components)) / n if n else None,
        "transitivity": float(nx.transitivity(G)),
        "communities": len(communities),
        "modularity": modularity(G, communities, weight="weight") if G.number_of_edges() else None,
    }
    ranked = {
        "degree": dict(G.degree()),
        "strength": dict(G.degree(weight="weight")),
        "pagerank": nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-10, max_iter=1000) if n else {},
    }
    return summary, ranked, label


def spearman(x, y):
    if len(x) < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a constant side: nan, written null
        rho = float(spearmanr(x, y)[0])
    return None if math.isnan(rho) else rho


def turnover(a, b):
    return {"entered": len(b - a), "stayed": len(a & b), "left": len(a - b)}


def continuity(before, after, shared):
    shared_set = set(shared)

    def parts(label):
        out = {}
        for v, c in label.items():
            out.setdefault(c, set()).add(v)
        return out

    def best(members, label):
        counts = Counter(label[v] for v in members)
        return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]

    parts_a, parts_b = parts(before), parts(after)
    predecessor = {c: best(m & shared_set, before) for c, m in parts_b.items() if m & shared_set}
    successor = {c: best(m & shared_set, after) for c, m in parts_a.items() if m & shared_set}
    return {
        "organisations": len(shared),
        "nmi": float(normalized_mutual_info_score([before[v] for v in shared], [after[v] for v in shared])) if len(shared) >= 2 else None,
        "matched": len(predecessor),
        "new": len(parts_b) - len(predecessor),
        "ended": len(parts_a) - len(successor),
        "splits": sum(1 for k in Counter(predecessor.values()).values() if k >= 2),
        "merges": sum(1 for k in Counter(successor.values()).values() if k >= 2),
    }


def change(A, B, ranked_a, ranked_b, label_a, label_b):
    na, nb = set(A.nodes()), set(B.nodes())
    la = {(u, v) if u < v else (v, u) for u, v in A.edges()}
    lb = {(u, v) if u < v else (v, u) for u, v in B.edges()}
    union = len(la | lb)
    shared = sorted(na & nb)
    return {
        "organisations": turnover(na, nb),
        "links": turnover(la, lb),
        "persistence": len(la & lb) / union if union else None,
        "rankStability": {key: spearman([ranked_a[key][v] for v in shared], [ranked_b[key][v] for v in shared])
                          for key in ("degree", "strength", "pagerank")},
        "continuity": continuity(label_a, label_b, shared),
    }


def stages(rows, seed):
    years, members = {}, {}
    for project, org, year in rows:
        members.setdefault(project, set()).add(org)
        if year is not None:
            years[project] = year if project not in years else min(years[project], year)
    if not years:
        return None, [], []
    first, last = min(years.values()), max(years.values())
    by_year = {}
    for project, year in years.items():
        by_year.setdefault(year, []).append(project)
    windows, changes, previous = [], [], None
    for year in range(first, last + 1):
        G = window_graph(by_year.get(year, []), members)
        summary, ranked, label = measure(G, seed)
        windows.append({"name": str(year), "projects": len(by_year.get(year, [])), **summary})
        if previous is not None:
            changes.append({"from": previous[0], "to": str(year), **change(previous[1], G, previous[2], ranked, previous[3], label)})
        previous = (str(year), G, ranked, label)
    return {"from": first, "to": last}, windows, changes


def main(path, seed):
    start = time.perf_counter()
    rows = read(path)
    read_end = time.perf_counter()
    span, windows, changes = stages(rows, int(seed))
    end = time.perf_counter()
    print(json.dumps({
        "compute": end - read_end,
        "withRead": end - start,
        "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "participations": len(rows),
        "span": span,
        "windows": windows,
        "changes": changes,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:])
