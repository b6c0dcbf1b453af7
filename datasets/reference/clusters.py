#!/usr/bin/python3
"""Independent reference for linkscale's cluster network: countries, cities and geographic clusters.

Usage: /usr/bin/python3 datasets/reference/clusters.py datasets/<name>
           [--geo KM,MINSIZE[;KM,MINSIZE...]] [--out PATH]
Computed with pandas/numpy/scikit-learn from the dataset's two CSV files and the functions of
scales.py (this folder); nothing from the TypeScript sources is imported or read. Where the
dataset has reference/projection.csv.gz (run projection.py first), the links and weights are
checked against it. Writes <dataset>/reference/clusters.json.gz, or PATH with --out (gzip when
PATH ends in .gz; sort_keys, indent 1, floats written by json with repr(), i.e. at full
precision). Deterministic:
byte-identical when rerun. The rules below are linkscale's issue 17;
packages/core/test/clusters/fixtures/hand/ runs this script on a hand-made table whose main
numbers are worked by hand in its README.

Network (scales.py's, with one addition)
    Nodes = every organisation in organisations.csv (read as text, keep_default_na=False; an empty
    cell = unknown). One undirected link per unordered pair of organisations sharing >= 1 project
    (self-merge of participations.csv on `project`, org_a < org_b as strings); weight = number of
    shared projects; firstYear / lastYear = smallest / largest `year` among the shared projects
    (the year of a shared project is the one on org_a's participation row, as in scales.py). A
    shared project with an empty year is counted in the weight but has no year; a link whose
    shared projects all lack a year has no firstYear and no lastYear (null). When no year is empty,
    weight and firstYear are checked equal to scales.build_links.
    Scale of a link: scales.py Definition 3 (scales.classify), variant "default" (same-city rule
    on, no distance rule), with the city key of scales.py Definition 2.

Groupings. A grouping gives each organisation a cluster name or none ("ungrouped").
    byCountry: cluster = the `country` value; none if empty.
    byCity: defined only where the scales.py city key is (country and city non-empty, normalised
        name non-empty); the organisations with one city key form one cluster, named
        "<spelling>, <country>", <spelling> = the most frequent raw `city` value among its members
        (ties: the smallest string in Python order).
    geo (labels only, no cluster network): sklearn.cluster.DBSCAN(metric="haversine",
        algorithm="ball_tree", eps=km / 6371.0088, min_samples=minSize) on [radians(lat),
        radians(lon)] of the organisations whose lat and lon are both non-empty and parse as
        finite floats, less those at a shared point, in ascending id order (Python sorted() of
        the id strings). A shared point: a (lat, lon) pair (as floats) at which organisations of
        two or more distinct city keys lie (CORDIS gives a country's centre for want of an
        address); every organisation there is left out and counted as sharedPoint. Default runs
        (km, minSize) = (10, 5), (2, 3), (50, 10); key "<km>km-<minSize>" (km written as an
        integer when it is one, else as repr). Per run: labels {id: label, -1 = noise} over the
        organisations clustered, withCoordinates (their number), sharedPoint, noise (labels -1),
        clusters (distinct
        labels >= 0).

Cluster network of a grouping (keys byCountry, byCity)
    excluded = {organisations: # ungrouped, links: # links with at least one ungrouped end,
        weight: their weight sum}.
    clusters[name] = {
        members: # organisations in it (isolated ones included);
        byType {type: # members} over members with a non-empty type, withoutType: # with none;
        byCountry, withoutCountry: the same for `country`;
        internalLinks: # links with both ends in it, internalWeight: their weight sum;
        density: internalLinks / (members (members - 1) / 2), null when members < 2;
        externalLinks / externalWeight: links from a member to an organisation of ANOTHER cluster;
        excludedLinks / excludedWeight: links from a member to an ungrouped organisation;
        gatekeepers: the members with w_u > 0, w_u = u's weight on links to other clusters,
            sorted by w_u descending, ties by id ascending, taken in that order while the sum of
            those taken before is < externalWeight / 2 (the fewest members whose shares reach one
            half; [] when externalWeight = 0) }.
    links["A|B"], for every pair of different clusters A < B (Python string order) joined by at
    least one link = {
        links: #, weight: sum;
        firstYear: min of the links' firstYear, lastYear: max of their lastYear (null if none);
        byYear {str(year): # links whose firstYear is that year}, withoutYear: # without firstYear;
        scales {scale: {links, weight}} for the scales that occur (classify, variant "default");
        carriers {A: {id: weight of its links in the pair}, B: {...}}: every member of A or B with
            at least one link in the pair }.
    Check: sum of internalLinks + sum of pair links + excluded links = all links (and the same
    for weights).

Output: {"byCountry": network, "byCity": network, "geo": {"<km>km-<minSize>": run}}.
"""
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import DBSCAN

sys.dont_write_bytecode = True  # no __pycache__ beside the shared modules
import alliance  # noqa: E402  (this script's own folder; standard library only, for the arguments)
import scales  # noqa: E402  (this script's own folder: network build, city key, classify)

GEO_DEFAULT = "10,5;2,3;50,10"
RADIUS_KM = scales.RADIUS_KM  # 6371.0088


def build_links(parts):
    """scales.build_links with empty years allowed, plus lastYear. Years: float with NaN = none."""
    p = parts[["project", "org", "year"]]
    m = p.merge(p[["project", "org"]], on="project", suffixes=("_a", "_b"))
    m = m[m["org_a"] < m["org_b"]]
    m = m.assign(year=pd.to_numeric(m["year"].where(m["year"] != ""), errors="raise"))
    links = (
        m.groupby(["org_a", "org_b"], sort=True)
        .agg(weight=("project", "size"), firstYear=("year", "min"), lastYear=("year", "max"))
        .reset_index()
    )
    if (parts["year"] != "").all():
        ref = scales.build_links(parts)
        assert ref[["org_a", "org_b", "weight"]].equals(links[["org_a", "org_b", "weight"]]), \
            "links differ from scales.build_links"
        assert (ref["firstYear"].to_numpy() == links["firstYear"].to_numpy()).all(), \
            "firstYear differs from scales.build_links"
    return links


def year(value):
    return None if pd.isna(value) else int(value)


# --- groupings ---------------------------------------------------------------------------------

def by_country(orgs):
    return orgs["country"].copy()


def by_city(orgs):
    """Cluster name per organisation ("" = ungrouped), from the scales.py city key."""
    keys = pd.Series([scales.city_key(c, t) for c, t in zip(orgs["country"], orgs["city"])],
                     index=orgs.index)
    vectorised = scales.city_keys_vectorised(orgs["country"], orgs["city"])
    assert list(vectorised) == list(keys), "city keys: literal and vectorised disagree"
    names = {}
    for key, cities in orgs["city"].groupby(keys[keys != ""], sort=True):
        counts = cities.value_counts()
        best = counts.max()
        spelling = min(c for c, n in counts.items() if n == best)
        names[key] = f"{spelling}, {key.split('|', 1)[0]}"
    assert len(set(names.values())) == len(names), "two city keys with one cluster name"
    return keys.map(lambda k: names.get(k, ""))


# --- cluster network ---------------------------------------------------------------------------

def tally(values):
    """({value: count} over the non-empty values, count of empty values)."""
    known = values[values != ""]
    return {k: int(n) for k, n in known.value_counts().sort_index().items()}, int((values == "").sum())


def gatekeepers(weights, total):
    """weights: {id: w_u > 0}. The fewest members, heaviest first (ties by id), reaching total/2."""
    chosen, running = [], 0
    for org, w in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
        if running >= 0.5 * total:
            break
        chosen.append(org)
        running += w
    return chosen


def cluster_network(orgs, links, cluster_of):
    """orgs: the organisations; links: classified links (org_a, org_b, weight, firstYear,
    lastYear, scale); cluster_of: cluster name per organisation, aligned with orgs ("" = none)."""
    group = dict(zip(orgs["id"], cluster_of))
    ca = links["org_a"].map(group).to_numpy()
    cb = links["org_b"].map(group).to_numpy()
    w = links["weight"].to_numpy().astype(np.int64)
    ungrouped = (ca == "") | (cb == "")
    internal = ~ungrouped & (ca == cb)
    between = ~ungrouped & (ca != cb)
    assert int(internal.sum() + between.sum() + ungrouped.sum()) == len(links)

    # one row per link end: the end's cluster and organisation, the other end's cluster
    ends = pd.DataFrame({
        "cluster": np.concatenate([ca, cb]),
        "org": np.concatenate([links["org_a"].to_numpy(), links["org_b"].to_numpy()]),
        "other": np.concatenate([cb, ca]),
        "weight": np.concatenate([w, w]),
    })
    ends = ends[ends["cluster"] != ""]
    external_ends = ends[(ends["other"] != "") & (ends["other"] != ends["cluster"])]
    excluded_ends = ends[ends["other"] == ""]
    internal_by = pd.DataFrame({"cluster": ca[internal], "weight": w[internal]}).groupby("cluster")["weight"]
    internal_links, internal_weight = internal_by.size().to_dict(), internal_by.sum().to_dict()
    external_by = external_ends.groupby("cluster")["weight"]
    external_links, external_weight = external_by.size().to_dict(), external_by.sum().to_dict()
    excluded_by = excluded_ends.groupby("cluster")["weight"]
    excluded_links, excluded_weight = excluded_by.size().to_dict(), excluded_by.sum().to_dict()
    per_member = {}
    for (c, org), x in external_ends.groupby(["cluster", "org"])["weight"].sum().items():
        per_member.setdefault(c, {})[org] = int(x)

    clusters = {}
    member_rows = orgs.assign(cluster=list(cluster_of))
    for name, members in member_rows[member_rows["cluster"] != ""].groupby("cluster", sort=True):
        n = len(members)
        by_type, without_type = tally(members["type"])
        by_ctry, without_ctry = tally(members["country"])
        il = int(internal_links.get(name, 0))
        ew = int(external_weight.get(name, 0))
        clusters[name] = {
            "members": n,
            "byType": by_type,
            "withoutType": without_type,
            "byCountry": by_ctry,
            "withoutCountry": without_ctry,
            "internalLinks": il,
            "internalWeight": int(internal_weight.get(name, 0)),
            "density": il / (n * (n - 1) / 2) if n >= 2 else None,
            "externalLinks": int(external_links.get(name, 0)),
            "externalWeight": ew,
            "excludedLinks": int(excluded_links.get(name, 0)),
            "excludedWeight": int(excluded_weight.get(name, 0)),
            "gatekeepers": gatekeepers(per_member.get(name, {}), ew),
        }

    # pairs: one pass over the links between clusters (a groupby per pair is far slower)
    pairs = {}
    first, last = links["firstYear"].to_numpy(), links["lastYear"].to_numpy()
    scale = links["scale"].to_numpy()
    org_a, org_b = links["org_a"].to_numpy(), links["org_b"].to_numpy()
    for i in np.flatnonzero(between):
        lo, hi = sorted((ca[i], cb[i]))
        pair = pairs.setdefault(f"{lo}|{hi}", {
            "links": 0, "weight": 0, "firstYear": None, "lastYear": None, "byYear": {},
            "withoutYear": 0, "scales": {}, "carriers": {lo: {}, hi: {}}})
        x = int(w[i])
        pair["links"] += 1
        pair["weight"] += x
        fy, ly = year(first[i]), year(last[i])
        if fy is None:
            pair["withoutYear"] += 1
        else:
            pair["firstYear"] = fy if pair["firstYear"] is None else min(pair["firstYear"], fy)
            pair["byYear"][str(fy)] = pair["byYear"].get(str(fy), 0) + 1
        if ly is not None:
            pair["lastYear"] = ly if pair["lastYear"] is None else max(pair["lastYear"], ly)
        bucket = pair["scales"].setdefault(scale[i], {"links": 0, "weight": 0})
        bucket["links"] += 1
        bucket["weight"] += x
        for org in (org_a[i], org_b[i]):
            side = pair["carriers"][group[org]]
            side[org] = side.get(org, 0) + x

    network = {
        "excluded": {
            "organisations": int((np.asarray(cluster_of) == "").sum()),
            "links": int(ungrouped.sum()),
            "weight": int(w[ungrouped].sum()),
        },
        "clusters": clusters,
        "links": pairs,
    }
    assert (sum(c["internalLinks"] for c in clusters.values())
            + sum(p["links"] for p in pairs.values()) + network["excluded"]["links"]) == len(links)
    assert (sum(c["internalWeight"] for c in clusters.values())
            + sum(p["weight"] for p in pairs.values())
            + network["excluded"]["weight"]) == int(w.sum())
    return network


# --- geographic clusters -----------------------------------------------------------------------

def coordinate(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def geo_runs(orgs, runs):
    located = []
    cities_at = {}
    for org, lat, lon, country, city in zip(orgs["id"], orgs["lat"], orgs["lon"],
                                            orgs["country"], orgs["city"]):
        la, lo = coordinate(lat), coordinate(lon)
        if la is None or lo is None:
            continue
        located.append((org, la, lo))
        key = scales.city_key(country, city)
        if key != "":
            cities_at.setdefault((la, lo), set()).add(key)
    shared = {point for point, cities in cities_at.items() if len(cities) > 1}
    points = [p for p in located if (p[1], p[2]) not in shared]
    shared_point = len(located) - len(points)
    points.sort(key=lambda p: p[0])
    ids = [p[0] for p in points]
    X = np.radians(np.array([[p[1], p[2]] for p in points], dtype=float).reshape(-1, 2))
    out = {}
    for km, min_size in runs:
        labels = DBSCAN(eps=km / RADIUS_KM, min_samples=min_size, metric="haversine",
                        algorithm="ball_tree").fit(X).labels_ if len(ids) else np.array([], int)
        key = f"{int(km) if float(km).is_integer() else repr(km)}km-{min_size}"
        out[key] = {
            "labels": {org: int(label) for org, label in zip(ids, labels)},
            "withCoordinates": len(ids),
            "sharedPoint": shared_point,
            "noise": int((labels == -1).sum()),
            "clusters": len({int(x) for x in labels if x >= 0}),
        }
    return out


def parse_geo(text):
    runs = []
    for part in text.split(";"):
        km, size = part.split(",")
        runs.append((float(km), int(size)))
    return runs


def main():
    args = alliance.arguments(__doc__.splitlines()[0], lambda p: (
        p.add_argument("--geo", default=GEO_DEFAULT, type=parse_geo,
                       help=f"DBSCAN runs km,minSize separated by ';' (default {GEO_DEFAULT})"),
        p.add_argument("--out", default=None,
                       help="output file (default <dataset>/reference/clusters.json)")))
    data = args.dataset
    started = time.perf_counter()
    orgs = scales.read(data, "organisations.csv")
    parts = scales.read(data, "participations.csv")
    assert orgs["id"].is_unique, "duplicate organisation id"
    assert not parts.duplicated(["project", "org"]).any(), "duplicate (project, org)"
    assert set(parts["org"]) <= set(orgs["id"]), "participation of unknown organisation"

    links = build_links(parts)
    if (data / "reference" / "projection.csv.gz").exists():
        alliance.check_projection(data / "reference", [
            (a, b, int(w)) for a, b, w in links[["org_a", "org_b", "weight"]].itertuples(index=False)])
    frame = scales.link_frame(links, orgs)
    classified = scales.classify(frame, scales.VARIANTS["default"])

    result = {
        "byCountry": cluster_network(orgs, classified, by_country(orgs)),
        "byCity": cluster_network(orgs, classified, by_city(orgs)),
        "geo": geo_runs(orgs, args.geo),
    }
    out = data / "reference" / "clusters.json.gz" if args.out is None else Path(args.out)
    text = json.dumps(result, indent=1, sort_keys=True) + "\n"
    if out.suffix == ".gz":
        alliance.write_gzip(out, text)
    else:
        out.write_text(text, encoding="utf-8", newline="\n")

    print(f"{len(orgs)} organisations, {len(links)} links, total weight {int(links['weight'].sum())}")
    for name in ("byCountry", "byCity"):
        n = result[name]
        print(name, "clusters", len(n["clusters"]), "cluster links", len(n["links"]),
              "excluded", n["excluded"])
    for key, run in result["geo"].items():
        print("geo", key, {k: v for k, v in run.items() if k != "labels"})
    print(f"wrote {out} in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
