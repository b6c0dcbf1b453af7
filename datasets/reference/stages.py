#!/usr/bin/python3
"""Independent reference for linkscale's stages of a cluster's life: the network window by window.

Usage: /usr/bin/python3 datasets/reference/stages.py datasets/<name> [--out PATH]
Computed with NetworkX, scipy and scikit-learn (pandas to read the CSV files; pandas/numpy for the
scales, E-I and triple helix of each window, through the functions of scales.py and
triple_helix.py in this folder) from the dataset's two CSV files only; nothing from the TypeScript
sources is imported or read. Writes
<dataset>/reference/stages.json, or PATH with --out (sort_keys, indent 1, floats written by json
with repr(), i.e. at full precision). Where the dataset has reference/projection.csv.gz and every
project has a year, the links and weights of the last cumulative window (the whole span) are
checked against it, and where it has reference/brokerage-country.csv (R sna, brokerage.R) the
brokerage roles of that window against it (see brokers below). Deterministic: byte-identical
when rerun (the script re-runs itself with PYTHONHASHSEED=0 and one BLAS/OpenMP thread; no result
depends on set order anyway).
The rules below are linkscale's issue 18 ("stages of a cluster's life").

Input
    organisations.csv (columns `id`, `type`, `country`, `city`, `lat`, `lon`; `region` if present)
    and participations.csv (columns `project`, `org`, `year`,
    ...), read as text (keep_default_na=False, so "NA" stays a string; an empty cell = unknown).
    Checks: organisation ids unique; every participation row has a non-empty project and org, and
    its org is an id of organisations.csv; a non-empty `year` is an integer (int() of the text).
    A participation row repeated for one (project, org) counts once everywhere.

Project years and the span
    A project's year = the smallest non-empty `year` among its participation rows. A project with
    no year on any row belongs to no window: projectsWithoutYear counts those projects,
    participationsWithoutYear their participation rows (every row of such a project, repeated rows
    included). span = {from: smallest project year, to: largest}; null when no project has a year
    (then every windowing has no window and no change).

Windowings (each a list of windows [from, to], inclusive years, in increasing order, with a name)
    yearly: [y, y] for every year y from span.from to span.to (also a year without a project:
        its window is the empty network); name = str(y), e.g. "2015".
    cumulative: [span.from, y] for every year y from span.from to span.to.
    rolling (width 3, step 1): [s, s + 2] for s = span.from, span.from + 1, ... while
        s + 2 <= span.to; if the span covers fewer than 3 years, one window [span.from, span.to].
    Name of a cumulative or rolling window: "<from>–<to>" (EN DASH U+2013), or "<from>" when
    from == to.

A window's network
    The window's projects = those whose year is in [from, to]. Nodes = every organisation with a
    participation row in one of them (an organisation alone in its project is a node without
    links). Links = unordered pairs of distinct organisations sharing >= 1 of those projects;
    weight = the number of those projects the two share (full counting). NetworkX Graph, nodes
    added in Python-sorted id order, links in sorted order.

Per window (windowings.<w>.windows, in window order)
    name, from, to; projects = # the window's projects; organisations = # nodes; links = # links;
    weight = sum of the link weights; density = nx.density(G), null when fewer than 2 nodes;
    components = nx.number_connected_components(G) (0 for the empty graph);
    largestComponentShare = size of the largest component / nodes, null when no node;
    transitivity = nx.transitivity(G) as a float (0.0 when the graph has no connected triple, the
    empty graph included).
    scales = {countShares, weightShares} of the window's links by scale, null when the window has
        no link. A link's scale is scales.py's Definition 3 under its "default" variant (hierarchy
        region -> country, the same-city stand-in on, no NUTS cut, no distance rule), which is the
        place rules of linkscale's default hierarchy (stages' default `places: {}`); it depends
        on the two ends only, so every link of the whole network (all projects with a year) is
        classified once with scales.link_frame + scales.classify (literal walk and vectorised
        version cross-checked there) and each window's links take the scale of their pair.
        Shares are scales.shares (Definition 4) over the window's links with their window
        weights: countShares[s] = links at scale s / links, weightShares[s] = their window
        weight / the window's total weight, for s in local, national, transnational, unknown
        (zeros kept).
    openness = {"country": {counted, weighted, excludedLinks}}: the window network's E-I index by
        country, scales.ei (Definition 5) over the window's links with their window weights:
        I = links whose two ends have the same known country, E = known and different,
        counted = (E - I) / (E + I) over link counts, weighted = the same over the window
        weights, each null when E + I = 0 (no link with both ends known, the empty window
        included); excludedLinks = links with at least one end without a country. (No
        permutation test: its p-values are not computed here.)
    tripleHelix = {counted, T, constant} over the window's projects, with triple_helix.py's rules:
        helix of a type = triple_helix.HELIX (university, research -> U; firm -> I;
        government -> G; other, intermediary -> none; any other non-empty type -> none); an
        empty `type` is unknown, and a window project with a participant of unknown type is left
        out. Each counted project is one observation (u, i, g) = presence of each helix among its
        participants (a repeated row counts once); counted = # counted projects; T = {UI, UG, IG,
        UIG} = triple_helix.triple_helix(cells)["transmission"] in bits (entropies of the
        project counts, T(XY) = H(X) + H(Y) - H(XY), T(UIG) = H(U) + H(I) + H(G) - H(UI) - H(UG)
        - H(IG) + H(UIG), the formula as is: where a helix is constant the result is 0 up to
        rounding), null when counted = 0; constant = {letter: "every project" | "no project"} for
        each of U, I, G present in every counted project / in none (empty when counted = 0).
    Groups for the next three = the organisation's `country`; an empty country is no group.
    brokers = [{organisation, brokerage}]: Gould & Fernandez (1989) raw brokerage by country,
        this script's own count (brokerage_roles): every link of the window is read as two arcs
        (one each way, as R sna reads a symmetric matrix); for each broker j, every ordered pair
        (i, k) with arcs i -> j -> k, i != k and no arc i -> k counts once, in one of the five
        roles by the groups of i, j, k (w_I all one group; w_O i and k in one, j in another;
        b_IO i with j, k elsewhere; b_OI j with k, i elsewhere; b_O three groups); organisations
        without a country are left out with their links (neither i, j nor k). brokerage = t, the
        sum of the five roles (weights ignored). Cross-checked in each window: t(j) = d(d - 1) -
        2 * triangles(j) in the subgraph of organisations with a country (d = j's neighbours
        there, nx.triangles); and in the last cumulative window, when no project lacks a year and
        every organisation has a country, all five roles of every organisation against R sna's
        brokerage(A, country) in reference/brokerage-country.csv (brokerage.R; an organisation in
        no project has 0). Listed: the 5 organisations with the largest t, only t > 0, ties by
        id (Python string order); [] for a window without links.
    gatekeepers = [{organisation, group, externalWeight, share}]: an organisation's externalWeight
        = the sum of the window weights of its links to organisations with a known country other
        than its own (a link to an organisation without a country is not external; an
        organisation without a country has none); a group's external weight = the sum over its
        members; share = externalWeight / its group's external weight. Listed: the 5 largest
        externalWeight over all groups, only > 0, ties by id (Python string order); group = the
        organisation's country.
    clusters = {clusters, links, internalLinks, externalLinks, excludedOrganisations}: the
        window's cluster network by country in brief: clusters = # distinct countries among the
        window's organisations (an unlinked organisation's country included); links = # unordered
        pairs of distinct countries joined by >= 1 window link; internalLinks = # window links
        whose two ends have the same country; externalLinks = # window links whose ends have two
        different countries; links with an end without a country are in neither;
        excludedOrganisations = # window organisations without a country.

Between consecutive windows A (earlier) and B of one windowing (windowings.<w>.changes, one per
consecutive pair, in order; from / to = the names of A and B)
    organisations = {entered: |NB - NA|, stayed: |NA & NB|, left: |NA - NB|} over the node sets;
    links = {entered, stayed, left}: the same over the sets of unordered pairs (weights ignored);
    persistence = |LA & LB| / |LA | LB| (Jaccard of the link sets), null when the union is empty.
    rankStability = {degree: ..., strength: ...}, degree = G.degree() (unweighted, number of
        neighbours), strength = G.degree(weight="weight") (sum of link weights); each
        {organisations: # organisations present in both windows (nodes of A and of B),
         spearman: scipy.stats.spearmanr(values in A, values in B) over those organisations in
         Python-sorted id order (average ranks for ties), null when fewer than 2 such
         organisations or when scipy gives nan (one side constant)}.
    rankStability.pagerank: the same over each window's PageRank, nx.pagerank(G, alpha=0.85,
        weight="weight", tol=PAGERANK_TOL=1e-13, max_iter=PAGERANK_MAX_ITER) (linkscale's
        pagerank defaults: alpha 0.85, weighted by `weight`, the rank of an isolated node spread
        uniformly, as NetworkX does; the empty window has no organisation), each value rounded
        to 12 significant digits (float(f"{v:.12g}"), JavaScript's Number(v.toPrecision(12)))
        before spearmanr, so that values equal to 12 digits tie; null by the same rules (fewer
        than 2 shared organisations, or one side constant after rounding: scipy's nan).
    continuity: the partition of a window = its connected components (nx.connected_components);
        a component's id = its smallest member id (Python string order). Shared organisations =
        those present in both windows (as for rankStability).
        nmi = sklearn.metrics.normalized_mutual_info_score(component ids in A, component ids in B)
            over the shared organisations in Python-sorted id order (default
            average_method="arithmetic"; sklearn's own conventions apply: 1.0 when both sides
            put every shared organisation in one component, 0.0 when only one side does); null
            when fewer than 2 shared organisations.
        predecessor of a component of B with >= 1 shared member = the component of A holding the
            most of its shared members (ties: the smallest component id, Python string order);
            successor of a component of A with >= 1 shared member = likewise, the component of B
            holding the most of its shared members.
        matched = # components of B with a predecessor (i.e. with >= 1 shared member);
        new = # components of B with no shared member;
        ended = # components of A with no shared member;
        splits = # components of A that are the predecessor of 2 or more components of B;
        merges = # components of B that are the successor of 2 or more components of A;
        componentsFrom / componentsTo = # components of A / of B (context: matched + new =
        componentsTo).

Output: {"rules": {short strings naming the rules above}, "projectsWithoutYear": n,
    "participationsWithoutYear": n, "span": {"from": y, "to": y} or null,
    "windowings": {"yearly": {"windows": [...], "changes": [...]}, "cumulative": {...},
    "rolling": {...}}}.
"""
import itertools
import json
import math
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder, first on sys.path)

alliance.pin_environment(PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                         MKL_NUM_THREADS="1")

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import scales  # noqa: E402  (scales.py in this folder: place rules, shares, E-I)
import triple_helix  # noqa: E402  (triple_helix.py in this folder: helices, T)
from scipy.stats import spearmanr  # noqa: E402
from sklearn.metrics import normalized_mutual_info_score  # noqa: E402

ROLLING_WIDTH = 3
ROLLING_STEP = 1
DASH = "\u2013"

RULES = {
    "projectYear": "smallest non-empty year among the project's participation rows; "
                   "projects without any year belong to no window",
    "span": "smallest to largest project year",
    "yearly": "[y, y] for every year of the span, name \"y\"",
    "cumulative": "[first, y] for every year y of the span, name \"first\u2013y\" or \"y\"",
    "rolling": "width 3, step 1: [s, s+2] while s+2 <= last; one window [first, last] if the "
               "span is shorter than 3 years; names as cumulative",
    "network": "projects with year in [from, to]; nodes = their participants; links = pairs "
               "sharing >= 1 such project, weight = # shared (full counting)",
    "window": "density nx.density (null < 2 nodes); components nx.number_connected_components; "
              "largestComponentShare largest / nodes (null 0 nodes); transitivity nx.transitivity",
    "turnover": "entered |B-A|, stayed |A&B|, left |A-B| over nodes and over unordered pairs; "
                "persistence Jaccard of link sets (null when union empty)",
    "rankStability": "scipy spearmanr of degree (unweighted) / strength (weighted) / pagerank "
                     "(nx.pagerank alpha 0.85, weight, tol 1e-13, each value rounded to 12 "
                     "significant digits so that equal-to-12-digits values tie) over the "
                     "organisations in both windows, sorted by id; null < 2 or nan",
    "continuity": "connected components, id = smallest member; sklearn NMI (arithmetic) over the "
                  "shared organisations (null < 2); predecessor / successor = component holding "
                  "most shared members, ties smallest id; matched, new, ended, splits, merges",
    "scales": "scales.py Definition 3, variant default (region -> country, same city on, no "
              "distance), shares of the window's links (Definition 4) with window weights; "
              "null without links",
    "openness": "scales.py Definition 5 by country over the window's links, counted and weighted "
                "(window weights); null when E + I = 0; excludedLinks = links with an end "
                "without a country; no permutation test",
    "tripleHelix": "triple_helix.py over the window's projects; a project with a participant of "
                   "empty type is left out; T null when none counted; constant = helix in every "
                   "counted project or in none",
    "brokers": "Gould & Fernandez total brokerage by country, per organisation with a country: "
               "ordered two-paths i -> j -> k over the window's links read as two arcs, i != k, "
               "no arc i -> k, i, j, k all with a country (all five roles); the 5 largest with a "
               "total > 0, ties by id",
    "gatekeepers": "by country: an organisation's external weight = window weight of its links "
                   "to organisations of another known country (links to an organisation without "
                   "a country not external); share = over its country's external weight; the 5 "
                   "largest with external weight > 0, ties by id",
    "clusters": "cluster network by country: clusters = countries present among the window's "
                "organisations; links = pairs of countries joined by >= 1 link; internalLinks / "
                "externalLinks = links within one country / between two; excludedOrganisations "
                "= organisations without a country",
}


def read(data):
    """(organisations as a DataFrame of text, participation rows as (project, org, year or None)),
    checked."""
    orgs = pd.read_csv(data / "organisations.csv", dtype=str, keep_default_na=False)
    parts = pd.read_csv(data / "participations.csv", dtype=str, keep_default_na=False)
    assert orgs["id"].is_unique, "duplicate organisation id"
    ids = set(orgs["id"])
    rows = []
    for project, org, year in zip(parts["project"], parts["org"], parts["year"]):
        assert project != "" and org != "", "participation without project or organisation"
        assert org in ids, f"participation of unknown organisation {org!r}"
        rows.append((project, org, None if year == "" else int(year)))
    return orgs, rows


def project_years(rows):
    """({project: year} for the projects with a year, {project: set of orgs} for all projects,
    # projects without a year, # their participation rows)."""
    years, members, row_count = {}, {}, Counter()
    for project, org, year in rows:
        members.setdefault(project, set()).add(org)
        row_count[project] += 1
        if year is not None:
            years[project] = year if project not in years else min(years[project], year)
    without = sorted(set(members) - set(years))
    return years, members, len(without), sum(row_count[p] for p in without)


def window_name(lo, hi):
    return str(lo) if lo == hi else f"{lo}{DASH}{hi}"


def windowings(first, last):
    yearly = [(str(y), y, y) for y in range(first, last + 1)]
    cumulative = [(window_name(first, y), first, y) for y in range(first, last + 1)]
    if last - first + 1 < ROLLING_WIDTH:
        rolling = [(window_name(first, last), first, last)]
    else:
        rolling = [(window_name(s, s + ROLLING_WIDTH - 1), s, s + ROLLING_WIDTH - 1)
                   for s in range(first, last - ROLLING_WIDTH + 2, ROLLING_STEP)]
    return {"yearly": yearly, "cumulative": cumulative, "rolling": rolling}


def window_graph(projects, members):
    """NetworkX graph of the given projects: nodes = their organisations, links = pairs sharing
    >= 1 of them, weight = # shared."""
    nodes = set()
    weights = Counter()
    for p in projects:
        group = sorted(members[p])
        nodes.update(group)
        weights.update(itertools.combinations(group, 2))
    G = nx.Graph()
    G.add_nodes_from(sorted(nodes))
    G.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return G


def link_set(G):
    return {tuple(sorted((u, v))) for u, v in G.edges()}


def components(G):
    """{organisation: component id}, {component id: set of members}; id = smallest member."""
    label, parts = {}, {}
    for comp in nx.connected_components(G):
        cid = min(comp)
        parts[cid] = set(comp)
        for v in comp:
            label[v] = cid
    return label, parts


def window_summary(name, lo, hi, projects, G):
    n = G.number_of_nodes()
    _, parts = components(G)
    largest = max((len(c) for c in parts.values()), default=0)
    return {
        "name": name,
        "from": lo,
        "to": hi,
        "projects": len(projects),
        "organisations": n,
        "links": G.number_of_edges(),
        "weight": int(sum(w for _, _, w in G.edges(data="weight"))),
        "density": nx.density(G) if n >= 2 else None,
        "components": nx.number_connected_components(G),
        "largestComponentShare": largest / n if n else None,
        "transitivity": float(nx.transitivity(G)),
    }


def classify_pairs(G, orgs):
    """Every link of G (the whole network) classified once by scales.py's default variant: a
    DataFrame (org_a < org_b) with scale, rule, flagRegion, flagCountry, country_a, country_b."""
    pairs = sorted(tuple(sorted((u, v))) for u, v in G.edges())
    links = pd.DataFrame(pairs, columns=["org_a", "org_b"]).assign(weight=1)
    classified = scales.classify(scales.link_frame(links, orgs), scales.VARIANTS["default"])
    return classified[["org_a", "org_b", "scale", "rule", "flagRegion", "flagCountry",
                       "country_a", "country_b"]]


def window_links(G, classified):
    """The window's links (org_a < org_b) with their window weight and their pair's class."""
    rows = sorted((*sorted((u, v)), int(w)) for u, v, w in G.edges(data="weight"))
    links = pd.DataFrame(rows, columns=["org_a", "org_b", "weight"])
    df = links.merge(classified, on=["org_a", "org_b"], how="left", validate="one_to_one")
    assert len(df) == len(links) and not df["scale"].isna().any(), "window link not classified"
    return df


def window_scales(G, classified):
    """scales and openness of a window (see the docstring)."""
    df = window_links(G, classified)
    if len(df) == 0:
        shares = None
    else:
        s = scales.shares(df)
        shares = {"countShares": s["countShares"], "weightShares": s["weightShares"]}
    e = scales.ei(df, "country")
    openness = {"country": {
        "counted": e["network"]["counted"]["EI"],
        "weighted": e["network"]["weighted"]["EI"],
        "excludedLinks": e["excluded"]["network"]["counted"],
    }}
    return shares, openness


def window_helix(projects, members, type_of):
    """tripleHelix of a window (see the docstring)."""
    cells = dict.fromkeys(triple_helix.CELLS, 0)
    for p in projects:
        types = [type_of[o] for o in sorted(members[p])]
        if any(t == "" for t in types):
            continue  # a participant of unknown type: which helices take part is unknown
        present = {triple_helix.HELIX.get(t) for t in types}
        cells["".join("1" if h in present else "0" for h in "UIG")] += 1
    counted = sum(cells.values())
    constant = {}
    if counted == 0:
        return {"counted": 0, "T": None, "constant": constant}
    for axis, letter in enumerate("UIG"):
        with_helix = sum(c for k, c in cells.items() if k[axis] == "1")
        if with_helix == counted:
            constant[letter] = "every project"
        elif with_helix == 0:
            constant[letter] = "no project"
    T = triple_helix.triple_helix(cells)["transmission"]
    return {"counted": counted, "T": {k: float(T[k]) for k in ("UI", "UG", "IG", "UIG")},
            "constant": constant}


TOP = 5
ROLES = ("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")


def brokerage_roles(G, group):
    """{organisation with a group: [w_I, w_O, b_IO, b_OI, b_O, t]}: Gould & Fernandez raw counts,
    each link read as two arcs; organisations without a group ("" in `group`) left out with their
    links. For broker j and in-neighbour i, the out-neighbours k of j that are not i and not
    neighbours of i are counted: all of them, those in j's group, those in i's group."""
    adj = {v: {u for u in G[v] if group[u] != ""} for v in G if group[v] != ""}
    roles = {}
    for j in sorted(adj):
        gj, out = group[j], adj[j]
        by_group = {}  # j's out-neighbours by group
        for k in out:
            by_group.setdefault(group[k], set()).add(k)
        counts = [0] * 6
        for i in sorted(out):
            gi, linked = group[i], adj[i]  # k linked to i: no brokerage of i -> j -> k
            # open k: out-neighbours of j, not i, not linked to i; all of them, in j's group
            open_all = len(out) - len(out & linked) - 1
            open_j = len(by_group.get(gj, ())) - len(by_group.get(gj, set()) & linked) - (gi == gj)
            if gi == gj:
                counts[0] += open_j  # w_I: i, j, k in one group
                counts[2] += open_all - open_j  # b_IO: i with j, k elsewhere
            else:
                open_i = len(by_group[gi]) - len(by_group[gi] & linked) - 1  # in i's group
                counts[3] += open_j  # b_OI: j with k, i elsewhere
                counts[1] += open_i  # w_O: i with k, j elsewhere
                counts[4] += open_all - open_j - open_i  # b_O: three groups
            counts[5] += open_all
        roles[j] = counts
    # cross-check of t by another route: ordered pairs of grouped neighbours minus linked ones
    H = G.subgraph(adj)
    triangles = nx.triangles(H)
    for j, counts in roles.items():
        d = len(adj[j])
        assert counts[5] == d * (d - 1) - 2 * triangles[j], f"brokerage total of {j}"
        assert sum(counts[:5]) == counts[5], f"brokerage roles of {j}"
    return roles


def window_brokers(roles):
    """The TOP organisations by total brokerage, total > 0, ties by id."""
    ranked = sorted(((-c[5], org) for org, c in roles.items() if c[5] > 0))
    return [{"organisation": org, "brokerage": -t} for t, org in ranked[:TOP]]


def window_gatekeepers(G, group):
    """The TOP organisations by weight to organisations of another known group (see the
    docstring), with their group and their share of the group's external weight."""
    external = Counter()
    for u, v, w in G.edges(data="weight"):
        if group[u] != "" and group[v] != "" and group[u] != group[v]:
            external[u] += int(w)
            external[v] += int(w)
    total = Counter()
    for org, w in external.items():
        total[group[org]] += w
    ranked = sorted((-w, org) for org, w in external.items() if w > 0)
    return [{"organisation": org, "group": group[org], "externalWeight": -w,
             "share": -w / total[group[org]]} for w, org in ranked[:TOP]]


def window_clusters(G, group):
    """The window's cluster network by `group`, in brief (see the docstring)."""
    internal = external = 0
    pairs = set()
    for u, v in G.edges():
        a, b = group[u], group[v]
        if a == "" or b == "":
            continue
        if a == b:
            internal += 1
        else:
            external += 1
            pairs.add((min(a, b), max(a, b)))
    return {
        "clusters": len({group[v] for v in G if group[v] != ""}),
        "links": len(pairs),
        "internalLinks": internal,
        "externalLinks": external,
        "excludedOrganisations": sum(1 for v in G if group[v] == ""),
    }


def check_brokerage(path, roles):
    """The last cumulative window's role counts against R sna's brokerage(A, country) of the
    whole network (brokerage.R's brokerage-country.csv; organisations in no project have 0)."""
    sna = pd.read_csv(path, dtype=str, keep_default_na=False)
    for row in sna.itertuples(index=False):
        mine = roles.get(row.id, [0] * 6)
        theirs = [int(float(getattr(row, f"raw_{r}"))) for r in ROLES]
        assert mine == theirs, f"brokerage of {row.id}: {mine} != sna {theirs}"


def turnover(a, b):
    return {"entered": len(b - a), "stayed": len(a & b), "left": len(a - b)}


def spearman(x, y):
    if len(x) < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConstantInputWarning: the result is nan, written null
        rho = spearmanr(x, y)[0]
    rho = float(rho)
    return None if math.isnan(rho) else rho


PAGERANK_ALPHA = 0.85
PAGERANK_TOL = 1e-13  # NetworkX stops when the L1 change < N * tol; linkscale's default is 1e-10
PAGERANK_MAX_ITER = 100000
TIE_DIGITS = 12


def pagerank(G):
    """{organisation: PageRank rounded to TIE_DIGITS significant digits}; {} for the empty graph."""
    if G.number_of_nodes() == 0:
        return {}
    pr = nx.pagerank(G, alpha=PAGERANK_ALPHA, weight="weight", tol=PAGERANK_TOL,
                     max_iter=PAGERANK_MAX_ITER)
    return {v: float(f"{float(x):.{TIE_DIGITS}g}") for v, x in pr.items()}


def rank_stability(A, B, shared):
    measures = {}
    for key, weight in (("degree", None), ("strength", "weight")):
        measures[key] = dict(A.degree(weight=weight)), dict(B.degree(weight=weight))
    measures["pagerank"] = pagerank(A), pagerank(B)
    out = {}
    for key, (da, db) in measures.items():
        out[key] = {
            "organisations": len(shared),
            "spearman": spearman([da[v] for v in shared], [db[v] for v in shared]),
        }
    return out


def best_match(members, label):
    """The component (by `label`) holding the most of `members`; ties: the smallest id."""
    counts = Counter(label[v] for v in members)
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def continuity(A, B, shared):
    label_a, parts_a = components(A)
    label_b, parts_b = components(B)
    shared_set = set(shared)
    if len(shared) >= 2:
        nmi = float(normalized_mutual_info_score([label_a[v] for v in shared],
                                                 [label_b[v] for v in shared]))
    else:
        nmi = None
    predecessor = {}  # component of B -> component of A
    for cid in sorted(parts_b):
        own = parts_b[cid] & shared_set
        if own:
            predecessor[cid] = best_match(own, label_a)
    successor = {}  # component of A -> component of B
    for cid in sorted(parts_a):
        own = parts_a[cid] & shared_set
        if own:
            successor[cid] = best_match(own, label_b)
    successors_of = Counter(predecessor.values())  # A component -> # B components it precedes
    predecessors_of = Counter(successor.values())  # B component -> # A components it succeeds
    return {
        "nmi": nmi,
        "matched": len(predecessor),
        "new": len(parts_b) - len(predecessor),
        "ended": len(parts_a) - len(successor),
        "splits": sum(1 for n in successors_of.values() if n >= 2),
        "merges": sum(1 for n in predecessors_of.values() if n >= 2),
        "componentsFrom": len(parts_a),
        "componentsTo": len(parts_b),
    }


def change(name_a, A, name_b, B):
    na, nb = set(A.nodes()), set(B.nodes())
    la, lb = link_set(A), link_set(B)
    union = la | lb
    shared = sorted(na & nb)
    return {
        "from": name_a,
        "to": name_b,
        "organisations": turnover(na, nb),
        "links": turnover(la, lb),
        "persistence": len(la & lb) / len(union) if union else None,
        "rankStability": rank_stability(A, B, shared),
        "continuity": continuity(A, B, shared),
    }


def stages(orgs, rows):
    """(the output object, the graph of the last cumulative window or None, its brokerage roles
    by country)."""
    years, members, without, without_rows = project_years(rows)
    type_of = dict(zip(orgs["id"], orgs["type"]))
    country_of = dict(zip(orgs["id"], orgs["country"]))
    result = {
        "rules": RULES,
        "projectsWithoutYear": without,
        "participationsWithoutYear": without_rows,
        "span": None,
        "windowings": {w: {"windows": [], "changes": []}
                       for w in ("yearly", "cumulative", "rolling")},
    }
    if not years:
        return result, None, None
    first, last = min(years.values()), max(years.values())
    result["span"] = {"from": first, "to": last}
    ordered = sorted(years)
    # every window's links are links of the whole dated network: classify each pair once
    classified = classify_pairs(window_graph(ordered, members), orgs)
    roles_of = {}  # (from, to) -> brokerage roles: a window in two windowings is counted once
    for key, windows in windowings(first, last).items():
        graphs = []
        out = result["windowings"][key]
        for name, lo, hi in windows:
            projects = [p for p in ordered if lo <= years[p] <= hi]
            G = window_graph(projects, members)
            graphs.append((name, G))
            summary = window_summary(name, lo, hi, projects, G)
            summary["scales"], summary["openness"] = window_scales(G, classified)
            summary["tripleHelix"] = window_helix(projects, members, type_of)
            if (lo, hi) not in roles_of:
                roles_of[lo, hi] = brokerage_roles(G, country_of)
            summary["brokers"] = window_brokers(roles_of[lo, hi])
            summary["gatekeepers"] = window_gatekeepers(G, country_of)
            summary["clusters"] = window_clusters(G, country_of)
            out["windows"].append(summary)
        for (name_a, A), (name_b, B) in zip(graphs, graphs[1:]):
            out["changes"].append(change(name_a, A, name_b, B))
        if key == "cumulative":
            whole = graphs[-1][1]
            whole_roles = roles_of[windows[-1][1], windows[-1][2]]
    return result, whole, whole_roles


def main():
    args = alliance.arguments(__doc__.splitlines()[0], lambda p: p.add_argument(
        "--out", default=None, help="output file (default <dataset>/reference/stages.json)"))
    data = args.dataset
    started = time.perf_counter()
    orgs, rows = read(data)
    result, whole, whole_roles = stages(orgs, rows)
    if (data / "reference" / "projection.csv.gz").exists() and result["projectsWithoutYear"] == 0:
        alliance.check_projection(data / "reference", sorted(
            (*sorted((u, v)), w) for u, v, w in whole.edges(data="weight")))
        print("last cumulative window checked against projection.csv.gz")
    sna = data / "reference" / "brokerage-country.csv"
    if sna.exists() and result["projectsWithoutYear"] == 0 and (orgs["country"] != "").all():
        check_brokerage(sna, whole_roles)  # sna takes "" as a class: compared only without any
        print("last cumulative window's brokerage roles checked against brokerage-country.csv")
    out = data / "reference" / "stages.json" if args.out is None else Path(args.out)
    text = json.dumps(result, indent=1, sort_keys=True) + "\n"
    out.write_text(text, encoding="utf-8", newline="\n")

    print("span", result["span"], "projects without year", result["projectsWithoutYear"],
          "participations without year", result["participationsWithoutYear"])
    for key, w in result["windowings"].items():
        print(key, [(x["name"], x["projects"], x["organisations"], x["links"])
                    for x in w["windows"]])
    print(f"wrote {out} in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
