"""Peer timings for bench/centrality.ts: the same centrality and community measures in igraph or
NetworkX, on the very graph linkscale measures.

The graph comes from the TypeScript bench (writeEdgeList in bench/centrality.ts), so both peers and
linkscale work on the same nodes, edges and weights in the same node order (betweenness pivots are
the same nodes for all three). Format: gzip TSV, first line `n<TAB>NUMBER_OF_NODES`, then one line
per edge `i<TAB>j<TAB>weight` with 0-based indices i < j; isolated nodes exist only through n.

Usage:
  /usr/bin/python3 bench/peers/centrality_peers.py --graph GRAPH.tsv.gz --tool igraph|networkx
      --measures m1,m2,... [--pivots PIVOTS.txt] [--seeds 0,1,...] [--budget SECONDS]

Measures (each timed on its own with time.perf_counter(), graph loading excluded and reported
as loadSeconds):
  degree             igraph g.degree(); NetworkX dict(G.degree())
  strength           weighted degree: g.strength(weights="weight"); dict(G.degree(weight="weight"))
  components         connected components (extra: count)
  pagerank           weighted, damping 0.85: igraph PRPACK (exact); NetworkX tol=1e-10
  betweenness        unweighted, exact, Brandes from every node
  betweennessPivots  unweighted, Brandes from the nodes in --pivots only, to all targets (extra:
                     pivots). igraph needs Graph.betweenness(sources=...), which python-igraph
                     0.10.2 (Debian 12) does not have: then the measure is skipped and says so.
  louvain            weighted, once per seed (random.seed(seed) for igraph, whose RNG is Python's
                     random; seed=seed for NetworkX): seconds is the mean per run, plus
                     modularities (weighted, one per run) and runs
  leiden             igraph only (objective modularity, n_iterations=2), fields as louvain

Budget (--budget, seconds per measure, default 600): before each measure a rough estimate of its
time is made; if it exceeds the budget the measure is skipped ({"skipped": reason}). Every measure
reports the estimate it was judged by (estimateSeconds, estimateMethod). Cheap measures use rate
constants calibrated on the bench machine. Betweenness first checks an a priori estimate (the
hard guard: skipped without sampling beyond 20 x budget), then times a few sources of the largest
component (NetworkX: the real single-source Brandes step; igraph: BFS, doubled) and scales by the
component sizes of all its sources (a source in a small component costs little); louvain/leiden
extrapolate from the runs done so far and stop early (runs < seeds requested) when the next run
would exceed the budget.

Prints one JSON object on stdout:
  {"tool", "version", "nodes", "edges", "loadSeconds", "measures": {name: {"seconds", ...}}}
Progress goes to stderr. Standard library + networkx + igraph only.
"""
import argparse
import json
import random
import sys
import time

from edges_tsv import read_edges

MEASURES = ["degree", "strength", "components", "pagerank", "betweenness", "betweennessPivots", "louvain", "leiden"]

# Rough seconds per element of (n + m), calibrated on the bench machine (2 cores) with the full
# H2020 graph (35,871 nodes, 796,670 edges), rounded up. Used only to decide whether to skip.
RATE = {
    "igraph": {"degree": 1e-7, "strength": 2e-7, "components": 2e-7, "pagerank": 2e-6, "louvain": 5e-6, "leiden": 2e-6},
    "networkx": {"degree": 1e-6, "strength": 2e-6, "components": 3e-6, "pagerank": 8e-6, "louvain": 3e-5},
}
# One Brandes step from a source s costs about (n_c + 2 m_c) of the component c holding s: the
# "work" of s. Rough seconds per unit of work, for the a priori guard before sampling (igraph
# ~14.6 ms and NetworkX ~0.6 s per source in the giant component of the full H2020 graph).
BRANDES_RATE = {"igraph": 1e-8, "networkx": 4e-7}
# igraph cannot run Brandes from one source, so its rate is sampled with BFS (Graph.distances, in
# one batch call: on the full H2020 graph one call per source costs ~27 ms, ~7.6 ms per source
# in a batch, the rest being per-call overhead);
# Brandes from one source costs about this many BFS (1.9 to 2.5 measured on the full H2020 graph,
# machine load varying; the high end, so that the estimate errs towards skipping).
IGRAPH_BRANDES_PER_BFS = 2.5
# Sampled sources: at most SAMPLE_MAX, at least SAMPLE_MIN, about sample_seconds(budget) spent.
SAMPLE_MAX, SAMPLE_MIN = {"igraph": 50, "networkx": 20}, 3


def log(message):
    print(f"centrality_peers: {message}", file=sys.stderr, flush=True)


def igraph_supports_sources(ig):
    try:
        ig.Graph(n=2, edges=[(0, 1)]).betweenness(directed=False, sources=[0])
        return True
    except TypeError:
        return False


class Peer:
    """One tool: load, a per-source sample for betweenness estimates, and the measures."""

    def __init__(self, tool):
        self.tool = tool
        if tool == "igraph":
            import igraph as ig

            self.lib = ig
            self.version = ig.__version__
            ig.set_random_number_generator(random)
        else:
            import networkx as nx

            self.lib = nx
            self.version = nx.__version__
            try:  # nx.pagerank imports scipy lazily: import it here, not inside the timed call
                import scipy.sparse  # noqa: F401
            except ImportError:
                pass

    def load(self, n, edges, weights):
        if self.tool == "igraph":
            self.g = self.lib.Graph(n=n, edges=edges, edge_attrs={"weight": weights})
        else:
            G = self.lib.Graph()
            G.add_nodes_from(range(n))
            G.add_weighted_edges_from((i, j, w) for (i, j), w in zip(edges, weights))
            self.g = G

    # --- the measures: each returns extra fields (timed by the caller) -------------------------
    def degree(self):
        self.g.degree() if self.tool == "igraph" else dict(self.g.degree())

    def strength(self):
        if self.tool == "igraph":
            self.g.strength(weights="weight")
        else:
            dict(self.g.degree(weight="weight"))

    def components(self):
        if self.tool == "igraph":
            g = self.g
            parts = g.connected_components() if hasattr(g, "connected_components") else g.clusters()
            return {"count": len(parts)}
        return {"count": len(list(self.lib.connected_components(self.g)))}

    def pagerank(self):
        if self.tool == "igraph":
            self.g.pagerank(weights="weight", damping=0.85)
        else:
            self.lib.pagerank(self.g, alpha=0.85, weight="weight", tol=1e-10)

    def betweenness(self):
        if self.tool == "igraph":
            self.g.betweenness(directed=False)
        else:
            self.lib.betweenness_centrality(self.g)

    def betweenness_pivots(self, pivots):
        if self.tool == "igraph":
            self.g.betweenness(directed=False, sources=pivots)
        else:
            self.lib.betweenness_centrality_subset(self.g, sources=pivots, targets=list(self.g), normalized=False)

    def community(self, algorithm, seed):
        """One run; returns the weighted modularity (computed outside the caller's timing)."""
        g = self.g
        if self.tool == "igraph":
            random.seed(seed)
            start = time.perf_counter()
            if algorithm == "louvain":
                clustering = g.community_multilevel(weights="weight")
            else:
                clustering = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
            seconds = time.perf_counter() - start
            return seconds, g.modularity(clustering.membership, weights="weight")
        start = time.perf_counter()
        communities = self.lib.community.louvain_communities(g, weight="weight", seed=seed)
        seconds = time.perf_counter() - start
        return seconds, self.lib.community.modularity(g, communities, weight="weight")

    # --- per-source estimates for betweenness -------------------------------------------------
    def component_work(self):
        """Per node, n_c + 2 m_c of its connected component: the work of one Brandes step from it."""
        if getattr(self, "_work", None) is None:
            g = self.g
            if self.tool == "igraph":
                degree = g.degree()
                parts = g.connected_components() if hasattr(g, "connected_components") else g.clusters()
                components = list(parts)
            else:
                degree = dict(g.degree())
                components = list(self.lib.connected_components(g))
            work = [0] * (g.vcount() if self.tool == "igraph" else g.number_of_nodes())
            for members in components:
                w = len(members) + sum(degree[v] for v in members)
                for v in members:
                    work[v] = w
            self._work = work
        return self._work

    def brandes_rate(self, candidates, rng, sample_seconds):
        """Seconds per unit of work of one Brandes step, timed on a few candidates of most work."""
        work = self.component_work()
        most = max(work[s] for s in candidates)
        pool = [s for s in candidates if work[s] == most]
        sample = rng.sample(pool, min(len(pool), SAMPLE_MAX[self.tool]))
        if self.tool == "igraph":
            start = time.perf_counter()
            self.g.distances(source=sample[:1])
            first = time.perf_counter() - start
            k = max(SAMPLE_MIN, min(len(sample), int(sample_seconds / max(first, 1e-6))))
            sample = sample[:k]
            start = time.perf_counter()
            self.g.distances(source=sample)
            total = (time.perf_counter() - start) * IGRAPH_BRANDES_PER_BFS
            done = len(sample)
        else:
            targets = list(self.g)
            total, done = 0.0, 0
            for s in sample:
                start = time.perf_counter()
                self.lib.betweenness_centrality_subset(self.g, sources=[s], targets=targets, normalized=False)
                total += time.perf_counter() - start
                done += 1
                if done >= SAMPLE_MIN and total >= sample_seconds:
                    break
        rate = total / sum(work[s] for s in sample[:done])
        what = f"BFS x {IGRAPH_BRANDES_PER_BFS:g}" if self.tool == "igraph" else "single-source Brandes"
        per = rate * most
        return rate, f"{done} sources of the largest component holding any ({what}, {per * 1000:.3g} ms each)"


def fmt(seconds):
    return f"{seconds:.3g} s"


def run_brandes(peer, name, sources, n, m, budget, run):
    """Betweenness from the given sources: a priori guard, sampled estimate, then the run."""
    count = len(sources)
    work = peer.component_work()
    total_work = sum(work[s] for s in sources)
    a_priori = total_work * BRANDES_RATE[peer.tool]
    result = {"estimateSeconds": a_priori, "estimateMethod": f"a priori: sum over the {count} sources of (n_c + 2 m_c) of their component x {BRANDES_RATE[peer.tool]:g} s"}
    if a_priori > 20 * budget:
        result["skipped"] = f"estimated {fmt(a_priori)} for {count} sources (a priori, n*m/1e9 = {n * m / 1e9:.3g}) > 20 x budget {fmt(budget)}"
        return result
    rate, how = peer.brandes_rate(sources, random.Random(12345), sample_seconds(budget))
    estimate = rate * total_work
    result["estimateSeconds"] = estimate
    result["estimateMethod"] = f"sampled: {how}; scaled by the component work of all {count} sources"
    if estimate > budget:
        result["skipped"] = f"estimated {fmt(estimate)} for {count} sources (sampled) > budget {fmt(budget)}"
        return result
    log(f"{name}: estimated {fmt(estimate)}, running")
    start = time.perf_counter()
    run()
    result["seconds"] = time.perf_counter() - start
    return result


def sample_seconds(budget):
    """Time spent sampling single sources before a betweenness: 1% of the budget, 1 to 5 s."""
    return min(5.0, max(1.0, budget / 100))


def run_community(peer, algorithm, seeds, n, m, budget):
    per_run = (n + m) * RATE[peer.tool][algorithm]
    result = {"estimateSeconds": per_run * len(seeds), "estimateMethod": f"a priori: {len(seeds)} runs x (n+m) x {RATE[peer.tool][algorithm]:g} s"}
    if per_run > budget:
        result["skipped"] = f"estimated {fmt(per_run)} per run > budget {fmt(budget)}"
        return result
    times, modularities = [], []
    for seed in seeds:
        spent = sum(times)
        next_run = spent / len(times) if times else per_run
        if times and spent + next_run > budget:
            result["truncated"] = f"stopped after {len(times)} of {len(seeds)} seeds: next run (~{fmt(next_run)}) would exceed budget {fmt(budget)}"
            break
        seconds, modularity = peer.community(algorithm, seed)
        log(f"{algorithm} seed {seed}: {fmt(seconds)}, Q = {modularity:.4f}")
        times.append(seconds)
        modularities.append(modularity)
    result.update({"seconds": sum(times) / len(times), "modularities": modularities, "runs": len(times)})
    if len(times) < len(seeds):
        result["seedsRequested"] = len(seeds)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", required=True, help="gzip TSV written by bench/centrality.ts")
    parser.add_argument("--tool", required=True, choices=["igraph", "networkx"])
    parser.add_argument("--measures", required=True, help="comma-separated: " + ",".join(MEASURES))
    parser.add_argument("--pivots", help="betweennessPivots sources, one 0-based index per line")
    parser.add_argument("--seeds", default=",".join(str(s) for s in range(10)), help="louvain/leiden seeds (default 0..9)")
    parser.add_argument("--budget", type=float, default=600.0, help="seconds allowed per measure (default 600)")
    args = parser.parse_args()

    measures = [name for name in args.measures.split(",") if name]
    unknown = [name for name in measures if name not in MEASURES]
    if unknown:
        parser.error(f"unknown measures {unknown}; known: {MEASURES}")
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    if ("louvain" in measures or "leiden" in measures) and not seeds:
        parser.error("--seeds is empty")
    pivots = None
    if "betweennessPivots" in measures:
        if not args.pivots:
            parser.error("betweennessPivots needs --pivots")
        with open(args.pivots, encoding="utf-8") as f:
            pivots = [int(line) for line in f if line.strip()]

    peer = Peer(args.tool)
    log(f"{args.tool} {peer.version}: loading {args.graph}")
    start = time.perf_counter()
    n, edges, weights = read_edges(args.graph)
    peer.load(n, edges, weights)
    load_seconds = time.perf_counter() - start
    m = len(edges)
    del edges, weights
    if pivots is not None and any(p < 0 or p >= n for p in pivots):
        raise SystemExit(f"{args.pivots}: pivot outside 0..{n - 1}")
    log(f"{n} nodes, {m} edges loaded in {fmt(load_seconds)}")

    budget = args.budget
    results = {}
    for name in measures:
        log(f"{name}…")
        try:
            if name in ("louvain", "leiden"):
                if name == "leiden" and args.tool == "networkx":
                    results[name] = {"skipped": "NetworkX 2.8 has no Leiden"}
                else:
                    results[name] = run_community(peer, name, seeds, n, m, budget)
            elif name == "betweenness":
                results[name] = run_brandes(peer, name, list(range(n)), n, m, budget, peer.betweenness)
            elif name == "betweennessPivots":
                if args.tool == "igraph" and not igraph_supports_sources(peer.lib):
                    # Estimate only, for the record: the installed igraph cannot run it.
                    rate, how = peer.brandes_rate(pivots, random.Random(12345), sample_seconds(budget))
                    results[name] = {
                        "skipped": f"python-igraph {peer.version} has no Graph.betweenness(sources=...) "
                        "(subset betweenness is not exposed), so Brandes from the pivots alone cannot run",
                        "pivots": len(pivots),
                        "estimateSeconds": rate * sum(peer.component_work()[p] for p in pivots),
                        "estimateMethod": f"sampled: {how}; scaled by the component work of all {len(pivots)} pivots; not measured",
                    }
                else:
                    result = run_brandes(peer, name, pivots, n, m, budget, lambda: peer.betweenness_pivots(pivots))
                    result["pivots"] = len(pivots)
                    results[name] = result
            else:
                estimate = (n + m) * RATE[args.tool][name]
                result = {"estimateSeconds": estimate, "estimateMethod": f"a priori: (n+m) x {RATE[args.tool][name]:g} s"}
                if estimate > budget:
                    result["skipped"] = f"estimated {fmt(estimate)} > budget {fmt(budget)}"
                else:
                    start = time.perf_counter()
                    extra = getattr(peer, name)()
                    result["seconds"] = time.perf_counter() - start
                    result.update(extra or {})
                results[name] = result
        except Exception as error:  # report and go on: one failing measure must not hide the others
            log(f"{name} failed: {error!r}")
            results[name] = {"error": f"{type(error).__name__}: {error}"}
        shown = results[name]
        log(f"{name}: " + (f"skipped ({shown['skipped']})" if "skipped" in shown else f"error" if "error" in shown else fmt(shown["seconds"])))

    print(json.dumps({"tool": args.tool, "version": peer.version, "nodes": n, "edges": m, "loadSeconds": load_seconds, "measures": results}))


if __name__ == "__main__":
    main()
