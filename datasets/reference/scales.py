#!/usr/bin/python3
"""Independent reference for linkscale's link scales, scale shares, E-I index and country matrix.

Usage: /usr/bin/python3 datasets/reference/scales.py datasets/<name>
(run counts.py and projection.py first). Computed with pandas/numpy from the dataset's two CSV
files only (nothing from the TypeScript sources is imported or read); the links and weights are
then checked against <dataset>/reference/projection.csv.gz, the organisations against counts.json.
Writes <dataset>/reference/scales.json (sort_keys, indent 1, floats written by json with repr(),
i.e. at full precision). Deterministic: byte-identical when rerun.

Network
    Nodes = every organisation in organisations.csv (read as text, keep_default_na=False, so "NA"
    stays a string; an empty cell = unknown). One undirected link per unordered pair of
    organisations sharing >= 1 project (self-merge of participations.csv on `project`, keeping
    org_a < org_b as strings); weight = number of shared projects (full counting);
    firstYear = smallest `year` among the shared projects.

Definition 1 - scale of a link (hierarchy region -> country; scales local / national /
    transnational). The datasets have no region column (asserted), so every region is unknown.
    Walk the levels from the finest. At a level where either end's place is unknown: skip it and
    remember it in a list `unknown`. At a level where both are known: equal -> the scale of that
    level (region -> local, country -> national), stop; different -> clear `unknown`, go on.
    No level matched -> "transnational" if any level was known, else "unknown". The remaining
    `unknown` list gives the link's flags ("unknown:region", "unknown:country").
    Variant "within50km": additionally, at the region level when it is unknown (always here) and
    both ends have lat AND lon, the great-circle (haversine) distance on a sphere of radius
    6371.0088 km is computed; if <= 50 km the link is "local" (rule "distance"), no flags, whatever
    the countries.
    The literal per-link walk is cross-checked against a vectorised numpy version.

Definition 2 - shares. For a set of links: count and total weight per scale (local, national,
    transnational, unknown; zeros kept), countShares = count / links, weightShares = weight / total
    weight, flags = number of links flagged unknown:region / unknown:country.
    "network": all links. "byYear": links grouped by firstYear (string keys). "byCountry": for each
    country value ("unknown" for organisations without one) the links with at least one end in that
    country, each link counted once per country.

Definition 3 - E-I index (Krackhardt & Stern 1988), groups = countries. Group g: I_g = links with
    both ends in g, E_g = links with exactly one end in g; EI_g = (E_g - I_g) / (E_g + I_g)
    (None if E_g + I_g = 0); ratio_g = E_g / I_g (None if I_g = 0). Network: I = links whose ends
    share a country, E = all other links, EI = (E - I) / (E + I), ratio = E / I. "counted" uses
    link counts, "weighted" sums of link weights.

Definition 4 - expected network E-I under random labelling (country labels shuffled over nodes,
    group sizes kept): p = sum_g n_g (n_g - 1) / (n (n - 1)), expected EI = 1 - 2p (counted and
    weighted alike, E + I being fixed). Sanity check: one generator np.random.default_rng(0), 1000
    times rng.permutation(labels) over the nodes in organisations.csv order; mean and standard
    deviation (ddof=1) of the network EI, counted and weighted, and standard error = sd / sqrt(1000);
    the analytic value must lie within 3 standard errors of the permutation mean.

Definition 5 - country x country matrix, counted and weighted: matrix[a][b] = number (weight) of
    links between a node of country a and a node of country b; symmetric; the diagonal holds the
    internal links, each counted once. Nested dict with sorted keys, zeros omitted.
"""
import json
import math
import platform
import sys

import numpy as np
import pandas as pd

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder; standard library only, for the arguments)

SCALES = ["local", "national", "transnational", "unknown"]
LEVELS = [("region", "local"), ("country", "national")]  # finest first
RADIUS_KM = 6371.0088
THRESHOLD_KM = 50.0
PERMUTATIONS = 1000


def read(data, name):
    return pd.read_csv(data / name, dtype=str, keep_default_na=False)


def build_links(parts):
    p = parts[["project", "org", "year"]]
    m = p.merge(p[["project", "org"]], on="project", suffixes=("_a", "_b"))
    m = m[m["org_a"] < m["org_b"]]
    links = (
        m.assign(year=m["year"].astype(int))
        .groupby(["org_a", "org_b"], sort=True)
        .agg(weight=("project", "size"), firstYear=("year", "min"))
        .reset_index()
    )
    return links


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlam = np.radians(lon2) - np.radians(lon1)
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlam / 2) ** 2
    return 2 * RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


def scale_literal(places_a, places_b, distance_km):
    """Definition 1, walked literally. places_* = {level: value or None}; distance_km = None when
    the variant is off or coordinates are missing. Returns (scale, rule, flags)."""
    unknown = []
    any_known = False
    for level, scale in LEVELS:
        a, b = places_a.get(level), places_b.get(level)
        if a is None or b is None:
            if level == "region" and distance_km is not None and distance_km <= THRESHOLD_KM:
                return "local", "distance", []
            unknown.append(level)
            continue
        any_known = True
        if a == b:
            return scale, level, unknown
        unknown = []
    return ("transnational" if any_known else "unknown"), "none", unknown


def classify(links, orgs, variant):
    n = len(links)
    ca = links["country_a"].to_numpy()
    cb = links["country_b"].to_numpy()
    dist = links["distance"].to_numpy()
    use_dist = variant == "within50km"

    # literal walk, link by link
    lit_scale, lit_rule, lit_flags = [], [], []
    for i in range(n):
        pa = {"region": None, "country": ca[i] or None}
        pb = {"region": None, "country": cb[i] or None}
        d = dist[i] if use_dist and not np.isnan(dist[i]) else None
        s, r, f = scale_literal(pa, pb, d)
        lit_scale.append(s)
        lit_rule.append(r)
        lit_flags.append(tuple(f))

    # vectorised equivalent (region always unknown)
    known = (ca != "") & (cb != "")
    same = known & (ca == cb)
    scale = np.where(same, "national", np.where(known, "transnational", "unknown")).astype(object)
    flag_region = same | ~known
    flag_country = ~known
    if use_dist:
        near = ~np.isnan(dist) & (dist <= THRESHOLD_KM)
        scale[near] = "local"
        flag_region = flag_region & ~near
        flag_country = flag_country & ~near
    vec_flags = [
        tuple(x for x, on in (("region", fr), ("country", fc)) if on)
        for fr, fc in zip(flag_region, flag_country)
    ]
    assert list(scale) == lit_scale, "literal and vectorised scales disagree"
    assert vec_flags == lit_flags, "literal and vectorised flags disagree"

    out = links[["org_a", "org_b", "weight", "firstYear", "country_a", "country_b"]].copy()
    out["scale"] = lit_scale
    out["rule"] = lit_rule
    out["flagRegion"] = ["region" in f for f in lit_flags]
    out["flagCountry"] = ["country" in f for f in lit_flags]
    return out


def shares(df):
    total_links = int(len(df))
    total_weight = int(df["weight"].sum())
    cnt = df.groupby("scale")["weight"].size().reindex(SCALES, fill_value=0)
    wgt = df.groupby("scale")["weight"].sum().reindex(SCALES, fill_value=0)
    return {
        "links": total_links,
        "weight": total_weight,
        "count": {s: int(cnt[s]) for s in SCALES},
        "weightByScale": {s: int(wgt[s]) for s in SCALES},
        "countShares": {s: (int(cnt[s]) / total_links if total_links else None) for s in SCALES},
        "weightShares": {s: (int(wgt[s]) / total_weight if total_weight else None) for s in SCALES},
        "flags": {
            "unknown:region": int(df["flagRegion"].sum()),
            "unknown:country": int(df["flagCountry"].sum()),
        },
    }


def all_shares(df):
    by_year = {str(y): shares(g) for y, g in df.groupby("firstYear", sort=True)}
    ga = df["country_a"].replace("", "unknown")
    gb = df["country_b"].replace("", "unknown")
    countries = sorted(set(ga) | set(gb))
    by_country = {c: shares(df[(ga == c) | (gb == c)]) for c in countries}
    return {"network": shares(df), "byYear": by_year, "byCountry": by_country}


def ei_block(E, I):
    E, I = int(E), int(I)
    return {
        "E": E,
        "I": I,
        "EI": (E - I) / (E + I) if E + I else None,
        "ratio": E / I if I else None,
    }


def ei(links):
    ga = links["country_a"].replace("", "unknown")
    gb = links["country_b"].replace("", "unknown")
    w = links["weight"]
    same = ga == gb
    by_country = {}
    for g in sorted(set(ga) | set(gb)):
        ina, inb = ga == g, gb == g
        internal = ina & inb
        external = ina ^ inb
        by_country[g] = {
            "counted": ei_block(external.sum(), internal.sum()),
            "weighted": ei_block(w[external].sum(), w[internal].sum()),
        }
    network = {
        "counted": ei_block((~same).sum(), same.sum()),
        "weighted": ei_block(w[~same].sum(), w[same].sum()),
    }
    return {"byCountry": by_country, "network": network}


def ei_expected(orgs, links):
    labels = orgs["country"].replace("", "unknown").to_numpy()
    n = len(labels)
    sizes = pd.Series(labels).value_counts()
    p = float((sizes * (sizes - 1)).sum()) / (n * (n - 1))
    analytic = 1 - 2 * p

    index = pd.Series(np.arange(n), index=orgs["id"].to_numpy())
    ia = index.loc[links["org_a"].to_numpy()].to_numpy()
    ib = index.loc[links["org_b"].to_numpy()].to_numpy()
    w = links["weight"].to_numpy().astype(np.int64)
    m, total_w = len(w), int(w.sum())
    rng = np.random.default_rng(0)
    counted = np.empty(PERMUTATIONS)
    weighted = np.empty(PERMUTATIONS)
    for k in range(PERMUTATIONS):
        lab = rng.permutation(labels)
        same = lab[ia] == lab[ib]
        i_c = int(same.sum())
        i_w = int(w[same].sum())
        counted[k] = (m - 2 * i_c) / m
        weighted[k] = (total_w - 2 * i_w) / total_w

    def summary(x):
        mean = float(x.mean())
        sd = float(x.std(ddof=1))
        se = sd / math.sqrt(PERMUTATIONS)
        return {
            "mean": mean,
            "sd": sd,
            "se": se,
            "analyticMinusMeanInSE": (analytic - mean) / se,
            "withinThreeSE": bool(abs(analytic - mean) <= 3 * se),
        }

    perm = {
        "permutations": PERMUTATIONS,
        "seed": 0,
        "sdDdof": 1,
        "counted": summary(counted),
        "weighted": summary(weighted),
    }
    for key in ("counted", "weighted"):
        assert perm[key]["withinThreeSE"], f"analytic expected E-I not within 3 SE ({key})"
    return {"p": p, "analytic": analytic, "n": n, "groupSizes": {g: int(s) for g, s in sizes.items()},
            "permutation": perm}


def matrix(links):
    ga = links["country_a"].replace("", "unknown")
    gb = links["country_b"].replace("", "unknown")
    lo = np.where(ga <= gb, ga, gb)
    hi = np.where(ga <= gb, gb, ga)
    agg = (
        pd.DataFrame({"a": lo, "b": hi, "w": links["weight"].to_numpy()})
        .groupby(["a", "b"], sort=True)["w"]
        .agg(["size", "sum"])
    )
    out = {"counted": {}, "weighted": {}}
    for (a, b), row in agg.iterrows():
        for key, val in (("counted", int(row["size"])), ("weighted", int(row["sum"]))):
            if val == 0:
                continue
            out[key].setdefault(a, {})[b] = val
            out[key].setdefault(b, {})[a] = val
    return out


def main():
    data = alliance.dataset_argument(__doc__.splitlines()[0])
    orgs = read(data, "organisations.csv")
    parts = read(data, "participations.csv")
    assert "region" not in orgs.columns, "a region column is not handled here"
    assert orgs["id"].is_unique, "duplicate organisation id"
    assert not parts.duplicated(["project", "org"]).any(), "duplicate (project, org)"
    assert set(parts["org"]) <= set(orgs["id"]), "participation of unknown organisation"
    assert (parts["year"] != "").all(), "missing year"

    links = build_links(parts)
    alliance.check_projection(data / "reference", [
        (a, b, int(w)) for a, b, w in links[["org_a", "org_b", "weight"]].itertuples(index=False)])
    counts = json.loads((data / "reference" / "counts.json").read_text(encoding="utf-8"))
    assert len(orgs) == counts["organisations"], "organisation count differs from counts.json"

    o = orgs.set_index("id")
    for end in ("a", "b"):
        ids = links[f"org_{end}"]
        links[f"country_{end}"] = o.loc[ids, "country"].to_numpy()
        lat = o.loc[ids, "lat"].to_numpy()
        lon = o.loc[ids, "lon"].to_numpy()
        has = (lat != "") & (lon != "")
        links[f"lat_{end}"] = np.where(has, pd.to_numeric(pd.Series(lat).where(has), errors="raise"), np.nan)
        links[f"lon_{end}"] = np.where(has, pd.to_numeric(pd.Series(lon).where(has), errors="raise"), np.nan)
    links["distance"] = haversine_km(links["lat_a"], links["lon_a"], links["lat_b"], links["lon_b"])

    default = classify(links, orgs, "default")
    within = classify(links, orgs, "within50km")

    d = links["distance"].to_numpy()
    near_threshold = int(np.sum(np.abs(d[~np.isnan(d)] - THRESHOLD_KM) < 1e-6))

    result = {
        "network": {
            "nodes": int(len(orgs)),
            "links": int(len(links)),
            "totalWeight": int(links["weight"].sum()),
            "countries": int(orgs["country"].replace("", "unknown").nunique()),
            "nodesWithoutCountry": int((orgs["country"] == "").sum()),
            "nodesWithoutCoordinates": int(((orgs["lat"] == "") | (orgs["lon"] == "")).sum()),
            "linksWithDistance": int((~np.isnan(d)).sum()),
            "linksWithin50km": int(np.sum(d[~np.isnan(d)] <= THRESHOLD_KM)),
            "linksWithin1e-6kmOf50km": near_threshold,
            "linksUnknownScale": {
                "default": int((default["scale"] == "unknown").sum()),
                "within50km": int((within["scale"] == "unknown").sum()),
            },
            "firstYears": {str(k): int(v) for k, v in links["firstYear"].value_counts().sort_index().items()},
        },
        "scales": {"default": all_shares(default), "within50km": all_shares(within)},
        "ei": ei(links),
        "eiExpected": ei_expected(orgs, links),
        "matrix": matrix(links),
        "versions": {
            "python": platform.python_version(),
            "pandas": pd.__version__,
            "numpy": np.__version__,
        },
    }
    with open(data / "reference" / "scales.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")

    for v in ("default", "within50km"):
        s = result["scales"][v]["network"]
        print(v, s["count"], s["weightByScale"], s["countShares"], s["weightShares"], s["flags"])
    print("ei network", result["ei"]["network"])
    e = result["eiExpected"]
    print("expected p", e["p"], "analytic", e["analytic"], "permutation",
          {k: e["permutation"][k] for k in ("counted", "weighted")})
    print("unknown scale", result["network"]["linksUnknownScale"], "near 50km", near_threshold)


if __name__ == "__main__":
    sys.exit(main())
