#!/usr/bin/python3
"""The expected metrics `linkscale check` compares a run with, taken from a dataset's reference
outputs (standard library only).

Usage: /usr/bin/python3 datasets/reference/expected.py datasets/<name>
Reads the outputs of the reference scripts in <dataset>/reference/ (counts.json, scales.json,
centrality.json.gz, structural-holes.json.gz, triple-helix.json, brokerage*.csv,
clusters.json.gz) and writes <dataset>/expected.json (format:
packages/cli/schema/expected.schema.json). Nothing here computes
a metric: every value is a number some reference script wrote (NetworkX, pandas, R sna, the
standard library), re-keyed into the shape of linkscale's report.json and written at full
precision (repr). A reference output that is missing, or a measure a script was told to skip, is
left out with a message on stderr. Sorted keys: reruns are byte-identical.

Conventions that make the two sides comparable (linkscale's side is what `linkscale analyze`
computes with the config below; see the `source` of each metric):
  - NaN from the reference (sna's z-score 0/0 for a class of one or two organisations; NetworkX's
    constraint and effective size of an isolated organisation) is written as null, linkscale's
    "undefined".
  - Zero cells are left out where linkscale's report leaves them out (mixing matrices, scale
    flags), so the listed leaves are exactly the cells the report holds.
  - Communities are not checked: linkscale's Louvain draws from its own seeded generator, so no
    reference can reproduce its partition or modularity.
"""
import csv
import gzip
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder; standard library only)

CONFIG = {
    "groupBy": ["country", "type"],
    # exact betweenness, closeness and harmonic (all pairs) up to this many organisations
    "centrality": {"allPairsLimit": 10000},
    "permutations": 0,
    # the cluster network by country: clusters.py's byCountry (by city and geographic clusters
    # are checked by packages/core/test/clusters/reference.test.ts)
    "clusters": {"by": "country"},
}
SCHEMA = "../../packages/cli/schema/expected.schema.json"
ROLES = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"]

# linkscale's PageRank (packages/core/src/centrality/pagerank.ts, run by `analyze` with its
# defaults) stops when the L1 change of an iteration falls below n * 1e-10; NetworkX's reference
# run stopped at n * 1e-13. For the PageRank iteration x_{k+1} = alpha P x_k + ... the L1 error of
# the returned vector is at most alpha / (1 - alpha) times the last change, so the two vectors
# differ by at most alpha / (1 - alpha) * n * (1e-10 + 1e-13) in L1, hence in every entry.
PAGERANK_ALPHA = 0.85
PAGERANK_TOLERANCES = 1e-10 + 1e-13


def warn(message):
    print(f"expected.py: {message}", file=sys.stderr)


def read_json(path):
    if not path.exists():
        return None
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return json.loads(data.decode("utf-8"))


def number(text):
    """A number written by R's sprintf("%.17g"): int if integral, NaN -> None."""
    value = float(text)
    if value != value:
        return None
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"infinite value {text!r} cannot be written to expected.json")
    return int(value) if value.is_integer() and "." not in text and "e" not in text else value


def read_csv(path):
    if not path.exists():
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def nan_to_null(values):
    return {k: (None if v != v else v) for k, v in values.items()}


def nonzero(matrix):
    """{a: {b: n}} without the zero cells (linkscale's mixing matrices omit them)."""
    out = {}
    for a, row in matrix.items():
        cells = {b: n for b, n in row.items() if n != 0}
        if cells:
            out[a] = cells
    return out


def counts_metrics(ref):
    counts = read_json(ref / "counts.json")
    if counts is None:
        warn("no counts.json: counts left out")
        return {}
    src = "datasets/reference/counts.py (standard library, from the two CSV files) -> counts.json "
    return {
        "counts.organisations": (counts["organisations"], src + "organisations"),
        "counts.links": (counts["links"], src + "links (distinct pairs sharing a project)"),
        "counts.isolated": (counts["isolated"], src + "isolated"),
        "counts.byType": (counts["organisationsByType"], src + "organisationsByType"),
        "counts.byCountry": (counts["organisationsByCountry"], src + "organisationsByCountry"),
        "counts.withoutCoordinates": (counts["withoutCoordinates"], src + "withoutCoordinates"),
        "counts.withoutName": (counts["withoutName"], src + "withoutName"),
    }


def scales_metrics(ref):
    scales = read_json(ref / "scales.json")
    if scales is None:
        warn("no scales.json: scales and openness by country left out")
        return {}
    src = ("datasets/reference/scales.py (pandas " + scales["versions"]["pandas"]
           + ", numpy " + scales["versions"]["numpy"] + ") -> scales.json ")

    def shares(s):
        """pandas' field names in linkscale's shape; zero flags left out, as the report does."""
        return {
            "links": s["links"],
            "weight": s["weight"],
            "counts": s["count"],
            "weights": s["weightByScale"],
            "countShares": s["countShares"],
            "weightShares": s["weightShares"],
            "flags": {k: n for k, n in s["flags"].items() if n != 0},
        }

    default = scales["scales"]["default"]
    first_years = scales["network"]["firstYears"]
    variant = ("scales.default (hierarchy region -> country, no distance rule; every region "
               "unknown) ")
    return {
        "counts.years.first": (
            min(int(y) for y in first_years),
            src + "network.firstYears: the smallest first year of a link (its earliest shared "
                  "project)"),
        "scales.network": (shares(default["network"]), src + variant + "network"),
        "scales.byYear": ({y: shares(s) for y, s in default["byYear"].items()},
                          src + variant + "byYear (links by the year of their first shared "
                                          "project)"),
        "scales.byGroup.country": (
            {c: shares(s) for c, s in default["byCountry"].items()},
            src + variant + "byCountry (links with at least one end in the country)"),
        "openness.country.ei.network": (
            scales["ei"]["network"], src + "ei.network (Krackhardt & Stern E-I and E/I, "
                                           "counted and weighted)"),
        "openness.country.ei.byGroup": (
            scales["ei"]["byCountry"], src + "ei.byCountry (E-I and E/I per country; null where "
                                             "undefined)"),
        "openness.country.mixing.counted": (nonzero(scales["matrix"]["counted"]),
                                            src + "matrix.counted (country x country links)"),
        "openness.country.mixing.weighted": (nonzero(scales["matrix"]["weighted"]),
                                             src + "matrix.weighted (country x country weight)"),
    }


def centrality_metrics(ref, n):
    c = read_json(ref / "centrality.json.gz")
    if c is None:
        warn("no centrality.json.gz: centrality left out")
        return {}
    nxu, nxw = c["networkx"]["unweighted"], c["networkx"]["weighted"]
    src = ("datasets/reference/centrality.py -> centrality.json.gz: NetworkX "
           + c["versions"]["networkx"] + " ")
    pagerank_bound = PAGERANK_ALPHA / (1 - PAGERANK_ALPHA) * n * PAGERANK_TOLERANCES
    out = {
        "counts.components": (c["networkx"]["graph"]["connectedComponents"],
                              src + "number_connected_components(G)"),
        "centrality.transitivity": (c["networkx"]["graph"]["transitivity"],
                                    src + "transitivity(G)"),
        "centrality.measures.degree": (nxu["degree"], src + "G.degree()"),
        "centrality.measures.strength": (nxw["strength"], src + "G.degree(weight='weight')"),
        "centrality.measures.eigenvector": (
            nxu["eigenvector"], src + "eigenvector_centrality_numpy(G) (unweighted, unit "
                                      "Euclidean norm; ARPACK to machine precision)"),
        "centrality.measures.pagerank": (
            nxw["pagerank"], src + "pagerank(G, alpha=0.85, tol=1e-13, weight='weight'). "
            "Tolerance: linkscale analyze runs PageRank with its default tolerance 1e-10 (stop "
            "when the L1 change < n * 1e-10); the L1 error of either vector is at most "
            "alpha/(1-alpha) times its last change, so |linkscale - NetworkX| <= "
            "0.85/0.15 * n * (1e-10 + 1e-13) = " + repr(pagerank_bound) + f" (n = {n})",
            {"absolute": pagerank_bound}),
        "centrality.measures.clustering": (nxu["clustering"], src + "clustering(G) (unweighted)"),
        "centrality.measures.betweenness": (
            nxu["betweenness"], src + "betweenness_centrality(G, normalized=True) (unweighted, "
                                      "exact: every source)"),
        "centrality.measures.closeness": (
            nxu["closeness"], src + "closeness_centrality(G) (hop counts, Wasserman-Faust "
                                    "scaled)"),
        "centrality.measures.harmonic": (
            nxu["harmonic"], src + "harmonic_centrality(G) (hop counts, not normalised)"),
    }
    return out


def structural_holes_metrics(ref):
    s = read_json(ref / "structural-holes.json.gz")
    if s is None:
        warn("no structural-holes.json.gz: structural holes left out")
        return {}
    src = ("datasets/reference/structural_holes.py -> structural-holes.json.gz unweighted: "
           "NetworkX " + s["versions"]["networkx"] + " ")
    u = s["unweighted"]
    return {
        "brokerage.structuralHoles.constraint": (
            nan_to_null(u["constraint"]),
            src + "constraint(G) (Burt; NaN for an isolated organisation written as null)"),
        "brokerage.structuralHoles.effectiveSize": (
            nan_to_null(u["effectiveSize"]),
            src + "effective_size(G) (Borgatti's n - 2t/n; NaN for an isolated organisation "
                  "written as null)"),
    }


def brokerage_metrics(ref):
    out = {}
    for attribute, suffix in (("type", ""), ("country", "-country")):
        nodes = read_csv(ref / f"brokerage{suffix}.csv")
        network = read_csv(ref / f"brokerage{suffix}-network.csv")
        if nodes is None or network is None:
            warn(f"no brokerage{suffix}.csv: brokerage by {attribute} left out")
            continue
        src = (f"datasets/reference/brokerage.R -> brokerage{suffix}.csv: R sna brokerage(A, "
               f"cl = {attribute}), the undirected network as a symmetric 0/1 matrix (every "
               "link two arcs, so counts are ordered pairs); ")
        key = f"brokerage.roles.{attribute}"
        out[key + ".raw"] = (
            {r["id"]: {role: number(r[f"raw_{role}"]) for role in ROLES} for r in nodes},
            src + "raw.nli")
        out[key + ".z"] = (
            {r["id"]: {role: number(r[f"z_{role}"]) for role in ROLES} for r in nodes},
            src + "z.nli (NaN = 0/0 for a class of one or two organisations written as null)")
        out[key + ".network"] = (
            {field: {r["role"]: number(r[column]) for r in network}
             for field, column in (("raw", "raw"), ("expected", "exp"), ("z", "z"))},
            src.replace(f"brokerage{suffix}.csv", f"brokerage{suffix}-network.csv")
            + "raw.gli, exp.gli, z.gli")
    return out


def triple_helix_metrics(ref):
    t = read_json(ref / "triple-helix.json")
    if t is None:
        warn("no triple-helix.json: triple helix and type mixing left out")
        return {}
    src = "datasets/reference/triple_helix.py -> triple-helix.json "
    types = t["mixing"]["types"]

    def matrix(rows):
        return nonzero({a: {b: rows[i][j] for j, b in enumerate(types)}
                        for i, a in enumerate(types)})

    th = t["tripleHelix"]
    mixing = "(type x type; each link once per cell, the diagonal once)"
    return {
        "tripleHelix.mutualInformation.projects": (
            th["counts"], src + "tripleHelix.counts (projects per helix cell uig; university and "
                                "research = U, firm = I, government = G)"),
        "tripleHelix.mutualInformation.entropy": (
            th["entropy"], src + "tripleHelix.entropy (Shannon entropies in bits, math.fsum)"),
        "tripleHelix.mutualInformation.T": (
            th["transmission"], src + "tripleHelix.transmission (Leydesdorff 2003 T(UI), T(UG), "
                                      "T(IG), T(UIG), bits)"),
        "tripleHelix.sectorMixing.counted": (matrix(t["mixing"]["counted"]),
                                             src + "mixing.counted " + mixing),
        "tripleHelix.sectorMixing.weighted": (matrix(t["mixing"]["weighted"]),
                                              src + "mixing.weighted " + mixing),
        "openness.type.mixing.counted": (matrix(t["mixing"]["counted"]),
                                         src + "mixing.counted " + mixing),
        "openness.type.mixing.weighted": (matrix(t["mixing"]["weighted"]),
                                          src + "mixing.weighted " + mixing),
        "tripleHelix.assortativity": (
            t["assortativity"]["networkx"],
            src + "assortativity.networkx: NetworkX " + t["versions"]["networkx"]
            + " attribute_assortativity_coefficient(G, 'type') (takes no weights)"),
    }


def clusters_metrics(ref):
    clusters = read_json(ref / "clusters.json.gz")
    if clusters is None:
        warn("no clusters.json.gz: clusters left out")
        return {}
    network = clusters["byCountry"]
    src = "datasets/reference/clusters.py (pandas group-bys) -> clusters.json.gz byCountry "
    fields = ("members", "byType", "withoutType", "byCountry", "withoutCountry", "internalLinks",
              "internalWeight", "density", "externalLinks", "externalWeight", "excludedLinks",
              "excludedWeight")
    per_cluster = {name: {k: c[k] for k in fields} for name, c in network["clusters"].items()}
    # linkscale lists cluster links sorted by (source, target); country codes hold no "|".
    pairs = sorted((tuple(key.split("|")), link) for key, link in network["links"].items())
    link_fields = ("links", "weight", "firstYear", "lastYear", "byYear", "withoutYear", "scales")
    links = {str(i): {k: link[k] for k in link_fields} for i, (_pair, link) in enumerate(pairs)}
    excluded = network["excluded"]
    return {
        "clusters.excluded": (
            {k: excluded[k] for k in ("organisations", "links", "weight")},
            src + "excluded (organisations without a country, links with such an end)"),
        "clusters.clusters": (per_cluster, src + "clusters: members, internal, external and "
                                                "excluded links and weight, density"),
        "clusters.links": (links, src + "links, in (source, target) order: their count, "
                                        "weight, years and scales"),
    }


def main():
    data = alliance.dataset_argument(__doc__.splitlines()[0])
    ref = data / "reference"
    counts = read_json(ref / "counts.json")
    if counts is None:
        sys.exit(f"expected.py: {ref / 'counts.json'} missing (run counts.py first)")

    entries = {}
    for part in (counts_metrics(ref), scales_metrics(ref),
                 centrality_metrics(ref, counts["organisations"]), structural_holes_metrics(ref),
                 brokerage_metrics(ref), triple_helix_metrics(ref), clusters_metrics(ref)):
        assert not set(part) & set(entries), set(part) & set(entries)
        entries.update(part)

    metrics = {}
    for name, (expected, source, *tolerance) in entries.items():
        metrics[name] = {"expected": expected, "source": source}
        if tolerance:
            metrics[name]["tolerance"] = tolerance[0]

    document = {
        "$schema": SCHEMA,
        "description": (
            f"linkscale check on {data.name}: every expected number was computed by the "
            "independent reference scripts in datasets/reference/ (NetworkX, pandas, R sna, the "
            f"Python standard library; outputs in datasets/{data.name}/reference/), never by "
            "linkscale, and copied here by datasets/reference/expected.py. Config: the run "
            "analyze makes by default (unweighted closeness, harmonic, betweenness, eigenvector "
            "and clustering; weighted strength and PageRank; groups by country and type), "
            "without permutation tests, with clusters by country."),
        "config": CONFIG,
        "metrics": metrics,
    }
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False)
    (data / "expected.json").write_text(text + "\n", encoding="utf-8", newline="\n")
    leaves = 0

    def count(value):
        return sum(map(count, value.values())) if isinstance(value, dict) else 1

    for name, m in metrics.items():
        leaves += count(m["expected"])
    print(f"{data / 'expected.json'}: {len(metrics)} metrics, {leaves} values, "
          f"{len(text) + 1} bytes")


if __name__ == "__main__":
    main()
