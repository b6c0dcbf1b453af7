#!/usr/bin/python3
"""Independent reference for linkscale's link scales, scale shares, E-I index and country matrix.

Usage: /usr/bin/python3 datasets/reference/scales.py datasets/<name>
(run counts.py and projection.py first). Computed with pandas/numpy from the dataset's two CSV
files only (nothing from the TypeScript sources is imported or read); the links and weights are
then checked against <dataset>/reference/projection.csv.gz, the organisations against counts.json.
Writes <dataset>/reference/scales.json (sort_keys, indent 1, floats written by json with repr(),
i.e. at full precision). Deterministic: byte-identical when rerun. The rules below are linkscale's
issue 16; packages/core/test/scales/fixtures/messy/reference.py runs the same functions on a
hand-made table that has regions, NUTS codes of every length and unknowns of every kind.

Network
    Nodes = every organisation in organisations.csv (read as text, keep_default_na=False, so "NA"
    stays a string; an empty cell = unknown). One undirected link per unordered pair of
    organisations sharing >= 1 project (self-merge of participations.csv on `project`, keeping
    org_a < org_b as strings); weight = number of shared projects (full counting);
    firstYear = smallest `year` among the shared projects (the year the two first worked together).

Definition 1 - places. Hierarchy region -> country; scales local (shared region), national (shared
    country), transnational (beyond), plus "unknown". An empty cell is unknown.
    region place = the `region` value (the bundled datasets have no region column: every region is
    unknown); with a NUTS level N a code shorter than 2 + N characters is unknown at that level
    ("US", "DE1" at N = 2) and a longer one is cut to its first 2 + N characters (DEA23 -> DEA2).
    country place = the `country` value.

Definition 2 - the city key (for the "same city" rule). Defined only when both country and city
    are non-empty: country + "|" + normalise(city), where normalise: (1) Unicode NFKD, drop
    combining marks (category M), then ss/o/ae/oe/l/d/i/th for ß ø æ œ ł đ ı þ (and their capitals:
    CORDIS writes cities in capitals, KØBENHAVN); (2) lowercase; (3) every run of characters other
    than a-z, 0-9 -> one space; (4) split; drop the token "cedex" and every token with a digit;
    (5) in each token ae -> a, oe -> o, ue -> u (MUENCHEN = München); (6) token st -> saint,
    ste -> sainte, sankt -> saint; (7) join with one space, empty -> no key; (8) the ALIASES table
    below, on the whole name within its country. Computed twice: character by character
    (normalise_city) and with pandas string methods (city_keys_vectorised); the two must agree.

Definition 3 - scale of a link: the walk, finest level first, flags = [].
    At a level where either end's place is unknown: at the region level only, try the local
    fallbacks of the variant (same city: both city keys defined and equal -> local, rule "city";
    then within km: both ends have lat and lon and the haversine distance on a sphere of radius
    6371.0088 km is <= the threshold -> local, rule "distance"; either ends the walk with no flags);
    otherwise append the level to flags and go on. At a level where both are known: equal -> the
    scale of the level, rule = the level ("region" / "country"), flags as they are, stop; different
    -> flags = [] (finer unknown levels could not have been shared) and go on.
    No level shared: "transnational", rule "beyond", only if the country is known at both ends
    (and differs); otherwise "unknown", rule "none". Flags = what remains ("unknown:region",
    "unknown:country"). The literal per-link walk (walk) is cross-checked against a vectorised
    numpy version (classify).
    Variants: "default" = same city on, no distance; "within50km" = same city, then within 50 km;
    "noCity" = no fallback (linkscale's default before issue 16, for comparison).

Definition 4 - shares. For a set of links: count and total weight per scale (local, national,
    transnational, unknown; zeros kept), countShares = count / links, weightShares = weight / total
    weight (None if no links), flags = number of links flagged unknown:region / unknown:country,
    rules = number of links per rule (region, city, distance, country, beyond, none).
    "network": all links. "byYear": links grouped by firstYear (string keys). "byCountry": for each
    KNOWN country the links with at least one end in it, each once. An organisation without a
    country is in no group: "ungrouped" counts those organisations and the links with no end in a
    known country.

Definition 5 - E-I index (Krackhardt & Stern 1988), groups = countries; unknown is never a group.
    Group g: I_g = links with both ends in g, E_g = links with one end in g and the other in a known
    other group, excluded_g = links with one end in g and the other without a country;
    EI_g = (E_g - I_g) / (E_g + I_g) (None if E_g + I_g = 0); ratio_g = E_g / I_g (None if
    I_g = 0). Network: I = links whose two ends are known and equal, E = known and different,
    excluded = links with at least one unknown end. "counted" uses link counts, "weighted" sums of
    link weights. The excluded counts are under ei.excluded (ei.network and ei.byCountry keep the
    shape {E, I, EI, ratio}).

Definition 6 - expected network E-I under random labelling (country labels shuffled over the
    KNOWN organisations, group sizes kept; n = known organisations, isolated ones included):
    p = sum_g n_g (n_g - 1) / (n (n - 1)), expected EI = 1 - 2p over the links among known
    organisations (counted and weighted alike, E + I being fixed). Sanity check: one generator
    np.random.default_rng(0), 1000 times rng.permutation(labels) over the known organisations in
    organisations.csv order; mean and standard deviation (ddof=1) of the network EI, counted and
    weighted, and standard error = sd / sqrt(1000); the analytic value must lie within 3 standard
    errors of the permutation mean.

Definition 7 - country x country matrix, counted and weighted, known x known only:
    matrix[a][b] = number (weight) of links between a node of country a and a node of country b;
    symmetric; the diagonal holds the internal links, each counted once. Nested dict with sorted
    keys, zeros omitted.
"""
import json
import math
import platform
import sys
import unicodedata

import numpy as np
import pandas as pd

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder; standard library only, for the arguments)

SCALES = ["local", "national", "transnational", "unknown"]
RULES = ["region", "city", "distance", "country", "beyond", "none"]
LEVELS = [("region", "local"), ("country", "national")]  # finest first
RADIUS_KM = 6371.0088
PERMUTATIONS = 1000

# Definition 3's variants: NUTS level of the region place, same-city rule, distance threshold.
VARIANTS = {
    "default": {"nutsLevel": None, "sameCity": True, "withinKm": None},
    "within50km": {"nutsLevel": None, "sameCity": True, "withinKm": 50.0},
    "noCity": {"nutsLevel": None, "sameCity": False, "withinKm": None},
}

# Definition 2, step 1: letters NFKD does not take apart.
LETTERS = {"ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
           "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "þ": "th", "Þ": "th"}

# Definition 2, step 8: alias -> canonical, both in normalised form, per country.
ALIASES = {
    "DE": {"munich": "munchen", "cologne": "koln", "nuremberg": "nurnberg", "hanover": "hannover",
           "brunswick": "braunschweig"},
    "AT": {"vienna": "wien"},
    "BE": {"brussels": "bruxelles", "brussel": "bruxelles", "antwerp": "antwerpen", "ghent": "gent",
           "louvain": "leuven", "luik": "liege"},
    "CH": {"geneva": "geneve", "genf": "geneve", "basle": "basel", "berne": "bern",
           "lucerne": "luzern"},
    "CZ": {"prague": "praha"},
    "DK": {"copenhagen": "kobenhavn"},
    "ES": {"donostia": "donostia san sebastian", "san sebastian": "donostia san sebastian",
           "bilbo": "bilbao", "vitoria": "vitoria gasteiz", "gasteiz": "vitoria gasteiz",
           "la coruna": "a coruna", "coruna": "a coruna", "saragossa": "zaragoza",
           "seville": "sevilla"},
    "FI": {"helsingfors": "helsinki", "abo": "turku", "esbo": "espoo"},
    "GR": {"athens": "athina", "athinai": "athina", "salonica": "thessaloniki"},
    "IT": {"milan": "milano", "turin": "torino", "rome": "roma", "naples": "napoli",
           "florence": "firenze", "venice": "venezia", "genoa": "genova", "padua": "padova"},
    "NL": {"the hague": "den haag", "s gravenhage": "den haag"},
    "PL": {"warsaw": "warszawa", "cracow": "krakow"},
    "PT": {"lisbon": "lisboa", "oporto": "porto"},
    "SE": {"gothenburg": "goteborg"},
    "RO": {"bucharest": "bucuresti"},
}


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


# --- Definition 1 and 2, one value at a time ---------------------------------------------------

def region_place(code, nuts_level):
    """The region place of a `region` cell ("" = unknown) at NUTS level nuts_level (None: as is)."""
    if code == "" or nuts_level is None:
        return code
    size = 2 + nuts_level
    return code[:size] if len(code) >= size else ""


def normalise_city(name):
    """Definition 2, steps 1-7, character by character ("" = no key)."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(LETTERS.get(c, c) for c in decomposed
                      if not unicodedata.category(c).startswith("M"))
    lower = letters.lower()
    spaced = "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else " " for c in lower)
    tokens = [t for t in spaced.split(" ") if t != "" and t != "cedex"
              and not any("0" <= c <= "9" for c in t)]
    tokens = [t.replace("ae", "a").replace("oe", "o").replace("ue", "u") for t in tokens]
    tokens = [{"st": "saint", "ste": "sainte", "sankt": "saint"}.get(t, t) for t in tokens]
    return " ".join(tokens)


def city_key(country, city):
    """Definition 2: country|name, or "" where the country, the city or the name is empty."""
    if country == "" or city == "":
        return ""
    name = normalise_city(city)
    if name == "":
        return ""
    return country + "|" + ALIASES.get(country, {}).get(name, name)


def haversine_scalar(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin((math.radians(lon2) - math.radians(lon1)) / 2) ** 2)
    return 2 * RADIUS_KM * math.asin(math.sqrt(min(h, 1.0)))


def walk(a, b, variant):
    """Definition 3, walked literally. a, b = {"region": place or None, "country": place or None,
    "cityKey": key or None, "lat": float or None, "lon": float or None}. Returns (scale, rule,
    flags) with flags a list of levels."""
    flags = []
    for level, scale in LEVELS:
        pa, pb = a[level], b[level]
        if pa is None or pb is None:
            if level == "region":
                if variant["sameCity"] and a["cityKey"] is not None and a["cityKey"] == b["cityKey"]:
                    return "local", "city", []
                if (variant["withinKm"] is not None
                        and None not in (a["lat"], a["lon"], b["lat"], b["lon"])
                        and haversine_scalar(a["lat"], a["lon"], b["lat"], b["lon"])
                        <= variant["withinKm"]):
                    return "local", "distance", []
            flags.append(level)
            continue
        if pa == pb:
            return scale, level, flags
        flags = []
    if a["country"] is not None and b["country"] is not None:
        return "transnational", "beyond", flags
    return "unknown", "none", flags


# --- the same, vectorised ----------------------------------------------------------------------

def city_keys_vectorised(country, city):
    """Definition 2 with pandas string methods, for a column of countries and one of cities."""
    s = city.str.normalize("NFKD")
    s = s.str.replace("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]", "",
                      regex=True)
    for letter, latin in LETTERS.items():
        s = s.str.replace(letter, latin, regex=False)
    s = s.str.lower().str.replace("[^a-z0-9]+", " ", regex=True)
    s = " " + s + " "  # tokens are now " "-delimited on both sides
    s = s.str.replace(" (?:cedex|[a-z0-9]*[0-9][a-z0-9]*)(?= )", "", regex=True)
    for pair, single in (("ae", "a"), ("oe", "o"), ("ue", "u")):
        s = s.str.replace(pair, single, regex=False)
    for token, full in (("st", "saint"), ("ste", "sainte"), ("sankt", "saint")):
        s = s.str.replace(f"(?<= ){token}(?= )", full, regex=True)
    s = s.str.strip()
    alias = pd.Series([ALIASES.get(c, {}).get(n, n) for c, n in zip(country, s)], index=s.index)
    return (country + "|" + alias).where((country != "") & (alias != ""), "")


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlam = np.radians(lon2) - np.radians(lon1)
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlam / 2) ** 2
    return 2 * RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


def link_frame(links, orgs, group_columns=("country",)):
    """links (org_a, org_b, weight, firstYear) with each end's raw region, country, city key,
    coordinates and group columns; plus the distance (NaN where either end lacks lat or lon)."""
    o = orgs.set_index("id")
    keys = city_keys_vectorised(orgs["country"], orgs["city"])
    literal = [city_key(c, t) for c, t in zip(orgs["country"], orgs["city"])]
    assert list(keys) == literal, "city keys: literal and vectorised disagree"
    o = o.assign(cityKey=keys.to_numpy())
    out = links.copy()
    for end in ("a", "b"):
        ids = out[f"org_{end}"].to_numpy()
        out[f"region_{end}"] = o.loc[ids, "region"].to_numpy() if "region" in o.columns else ""
        out[f"cityKey_{end}"] = o.loc[ids, "cityKey"].to_numpy()
        for column in group_columns:
            out[f"{column}_{end}"] = o.loc[ids, column].to_numpy()
        lat = o.loc[ids, "lat"].to_numpy()
        lon = o.loc[ids, "lon"].to_numpy()
        has = (lat != "") & (lon != "")
        out[f"lat_{end}"] = np.where(has, pd.to_numeric(pd.Series(lat).where(has), errors="raise"), np.nan)
        out[f"lon_{end}"] = np.where(has, pd.to_numeric(pd.Series(lon).where(has), errors="raise"), np.nan)
    out["distance"] = haversine_km(out["lat_a"], out["lon_a"], out["lat_b"], out["lon_b"])
    return out


def classify(links, variant):
    """Definition 3 for every link of link_frame(): literal walk and vectorised version, which
    must agree. Returns the links with scale, rule, flagRegion, flagCountry."""
    n = len(links)
    nuts = variant["nutsLevel"]
    ra = links["region_a"].map(lambda r: region_place(r, nuts)).to_numpy()
    rb = links["region_b"].map(lambda r: region_place(r, nuts)).to_numpy()
    ca = links["country_a"].to_numpy()
    cb = links["country_b"].to_numpy()
    ka = links["cityKey_a"].to_numpy()
    kb = links["cityKey_b"].to_numpy()
    dist = links["distance"].to_numpy()
    coords = links[["lat_a", "lon_a", "lat_b", "lon_b"]].to_numpy()

    def place(value):
        return None if value == "" else value

    def coordinate(value):
        return None if np.isnan(value) else float(value)

    lit_scale, lit_rule, lit_flags = [], [], []
    for i in range(n):
        a = {"region": place(ra[i]), "country": place(ca[i]), "cityKey": place(ka[i]),
             "lat": coordinate(coords[i, 0]), "lon": coordinate(coords[i, 1])}
        b = {"region": place(rb[i]), "country": place(cb[i]), "cityKey": place(kb[i]),
             "lat": coordinate(coords[i, 2]), "lon": coordinate(coords[i, 3])}
        s, r, f = walk(a, b, variant)
        lit_scale.append(s)
        lit_rule.append(r)
        lit_flags.append(tuple(f))

    # vectorised: the walk's outcomes as boolean masks
    region_known = (ra != "") & (rb != "")
    region_same = region_known & (ra == rb)
    city = ~region_known & (ka != "") & (ka == kb) if variant["sameCity"] else np.zeros(n, bool)
    if variant["withinKm"] is not None:
        near = ~region_known & ~city & ~np.isnan(dist) & (dist <= variant["withinKm"])
    else:
        near = np.zeros(n, bool)
    local = region_same | city | near
    country_known = (ca != "") & (cb != "")
    country_same = country_known & (ca == cb)
    scale = np.select([local, country_same, country_known],
                      ["local", "national", "transnational"], "unknown").astype(object)
    rule = np.select([region_same, city, near, country_same, country_known],
                     ["region", "city", "distance", "country", "beyond"], "none").astype(object)
    # a region flag survives to the end only where the region was unknown, no fallback made the
    # link local, and the country level did not clear it (known and different)
    flag_region = ~region_known & ~local & ~(country_known & ~country_same)
    flag_country = ~local & ~country_known
    vec_flags = [tuple(x for x, on in (("region", fr), ("country", fc)) if on)
                 for fr, fc in zip(flag_region, flag_country)]
    assert list(scale) == lit_scale, "literal and vectorised scales disagree"
    assert list(rule) == lit_rule, "literal and vectorised rules disagree"
    assert vec_flags == lit_flags, "literal and vectorised flags disagree"

    out = links.copy()
    out["scale"] = lit_scale
    out["rule"] = lit_rule
    out["flagRegion"] = ["region" in f for f in lit_flags]
    out["flagCountry"] = ["country" in f for f in lit_flags]
    return out


# --- Definition 4: shares ----------------------------------------------------------------------

def shares(df):
    total_links = int(len(df))
    total_weight = int(df["weight"].sum())
    cnt = df.groupby("scale")["weight"].size().reindex(SCALES, fill_value=0)
    wgt = df.groupby("scale")["weight"].sum().reindex(SCALES, fill_value=0)
    rules = df.groupby("rule")["weight"].size().reindex(RULES, fill_value=0)
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
        "rules": {r: int(rules[r]) for r in RULES},
    }


def all_shares(df, orgs):
    by_year = {str(y): shares(g) for y, g in df.groupby("firstYear", sort=True)}
    ga, gb = df["country_a"], df["country_b"]
    countries = sorted((set(ga) | set(gb)) - {""})
    by_country = {c: shares(df[(ga == c) | (gb == c)]) for c in countries}
    return {
        "network": shares(df),
        "byYear": by_year,
        "byCountry": by_country,
        "ungrouped": {
            "organisations": int((orgs["country"] == "").sum()),
            "links": int(((ga == "") & (gb == "")).sum()),
        },
    }


# --- Definition 5-7: E-I, its expectation, the matrix ------------------------------------------

def ei_block(E, I):
    E, I = int(E), int(I)
    return {
        "E": E,
        "I": I,
        "EI": (E - I) / (E + I) if E + I else None,
        "ratio": E / I if I else None,
    }


def ei(links, attribute="country"):
    ga = links[f"{attribute}_a"]
    gb = links[f"{attribute}_b"]
    w = links["weight"]
    known = (ga != "") & (gb != "")
    same = known & (ga == gb)
    different = known & (ga != gb)
    by_group, excluded_by_group = {}, {}
    for g in sorted((set(ga) | set(gb)) - {""}):
        ina, inb = ga == g, gb == g
        internal = ina & inb
        external = (ina & (gb != "") & ~inb) | (inb & (ga != "") & ~ina)
        excluded = (ina & (gb == "")) | (inb & (ga == ""))
        by_group[g] = {
            "counted": ei_block(external.sum(), internal.sum()),
            "weighted": ei_block(w[external].sum(), w[internal].sum()),
        }
        excluded_by_group[g] = {"counted": int(excluded.sum()), "weighted": int(w[excluded].sum())}
    network = {
        "counted": ei_block(different.sum(), same.sum()),
        "weighted": ei_block(w[different].sum(), w[same].sum()),
    }
    excluded = {
        "network": {"counted": int((~known).sum()), "weighted": int(w[~known].sum())},
        f"by{attribute.capitalize()}": excluded_by_group,
    }
    return {f"by{attribute.capitalize()}": by_group, "network": network, "excluded": excluded}


def ei_expected(orgs, links, attribute="country", permutations=PERMUTATIONS):
    known_orgs = orgs[orgs[attribute] != ""]
    labels = known_orgs[attribute].to_numpy()
    n = len(labels)
    sizes = pd.Series(labels).value_counts().sort_index()
    p = float((sizes * (sizes - 1)).sum()) / (n * (n - 1))
    analytic = 1 - 2 * p

    among = links[(links[f"{attribute}_a"] != "") & (links[f"{attribute}_b"] != "")]
    index = pd.Series(np.arange(n), index=known_orgs["id"].to_numpy())
    ia = index.loc[among["org_a"].to_numpy()].to_numpy()
    ib = index.loc[among["org_b"].to_numpy()].to_numpy()
    w = among["weight"].to_numpy().astype(np.int64)
    m, total_w = len(w), int(w.sum())
    rng = np.random.default_rng(0)
    counted = np.empty(permutations)
    weighted = np.empty(permutations)
    for k in range(permutations):
        lab = rng.permutation(labels)
        same = lab[ia] == lab[ib]
        i_c = int(same.sum())
        i_w = int(w[same].sum())
        counted[k] = (m - 2 * i_c) / m
        weighted[k] = (total_w - 2 * i_w) / total_w

    def summary(x):
        mean = float(x.mean())
        sd = float(x.std(ddof=1))
        se = sd / math.sqrt(permutations)
        return {
            "mean": mean,
            "sd": sd,
            "se": se,
            "analyticMinusMeanInSE": (analytic - mean) / se,
            "withinThreeSE": bool(abs(analytic - mean) <= 3 * se),
        }

    perm = {
        "permutations": permutations,
        "seed": 0,
        "sdDdof": 1,
        "counted": summary(counted),
        "weighted": summary(weighted),
    }
    for key in ("counted", "weighted"):
        assert perm[key]["withinThreeSE"], f"analytic expected E-I not within 3 SE ({key})"
    return {"p": p, "analytic": analytic, "n": n, "groupSizes": {g: int(s) for g, s in sizes.items()},
            "unknownOrganisations": int(len(orgs) - n), "linksAmongKnown": m,
            "permutation": perm}


def matrix(links, attribute="country"):
    ga = links[f"{attribute}_a"]
    gb = links[f"{attribute}_b"]
    known = ((ga != "") & (gb != "")).to_numpy()
    ga, gb = ga.to_numpy()[known], gb.to_numpy()[known]
    lo = np.where(ga <= gb, ga, gb)
    hi = np.where(ga <= gb, gb, ga)
    agg = (
        pd.DataFrame({"a": lo, "b": hi, "w": links["weight"].to_numpy()[known]})
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


def merged_city_spellings(orgs):
    """City keys reached from more than one spelling (after case folding): what the same-city rule
    merges, for review."""
    keys = pd.Series([city_key(c, t) for c, t in zip(orgs["country"], orgs["city"])])
    spellings = {}
    for key, city in zip(keys, orgs["city"]):
        if key:
            spellings.setdefault(key, set()).add(city)
    return {k: sorted(v) for k, v in sorted(spellings.items())
            if len({s.casefold() for s in v}) > 1}


def main():
    data = alliance.dataset_argument(__doc__.splitlines()[0])
    orgs = read(data, "organisations.csv")
    parts = read(data, "participations.csv")
    assert orgs["id"].is_unique, "duplicate organisation id"
    assert not parts.duplicated(["project", "org"]).any(), "duplicate (project, org)"
    assert set(parts["org"]) <= set(orgs["id"]), "participation of unknown organisation"
    assert (parts["year"] != "").all(), "missing year"

    links = build_links(parts)
    alliance.check_projection(data / "reference", [
        (a, b, int(w)) for a, b, w in links[["org_a", "org_b", "weight"]].itertuples(index=False)])
    counts = json.loads((data / "reference" / "counts.json").read_text(encoding="utf-8"))
    assert len(orgs) == counts["organisations"], "organisation count differs from counts.json"

    links = link_frame(links, orgs)
    classified = {name: classify(links, variant) for name, variant in VARIANTS.items()}

    d = links["distance"].to_numpy()
    threshold = VARIANTS["within50km"]["withinKm"]
    near_threshold = int(np.sum(np.abs(d[~np.isnan(d)] - threshold) < 1e-6))
    same_key = (links["cityKey_a"] != "") & (links["cityKey_a"] == links["cityKey_b"])
    keys = [city_key(c, t) for c, t in zip(orgs["country"], orgs["city"])]

    result = {
        "network": {
            "nodes": int(len(orgs)),
            "links": int(len(links)),
            "totalWeight": int(links["weight"].sum()),
            "countries": int(orgs.loc[orgs["country"] != "", "country"].nunique()),
            "nodesWithoutCountry": int((orgs["country"] == "").sum()),
            "nodesWithoutCoordinates": int(((orgs["lat"] == "") | (orgs["lon"] == "")).sum()),
            "nodesWithCityKey": int(sum(1 for k in keys if k)),
            "cityKeys": len({k for k in keys if k}),
            "linksSameCityKey": int(same_key.sum()),
            "linksWithDistance": int((~np.isnan(d)).sum()),
            "linksWithin50km": int(np.sum(d[~np.isnan(d)] <= threshold)),
            "linksWithin1e-6kmOf50km": near_threshold,
            "linksUnknownScale": {
                name: int((df["scale"] == "unknown").sum()) for name, df in classified.items()},
            "firstYears": {str(k): int(v) for k, v in links["firstYear"].value_counts().sort_index().items()},
        },
        "variants": VARIANTS,
        "mergedCitySpellings": merged_city_spellings(orgs),
        "scales": {name: all_shares(df, orgs) for name, df in classified.items()},
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

    for name in VARIANTS:
        s = result["scales"][name]["network"]
        print(name, s["count"], s["weightByScale"], s["countShares"], s["weightShares"], s["flags"],
              "rules", s["rules"])
    print("links made local by the same-city rule (default):",
          result["scales"]["default"]["network"]["rules"]["city"],
          "of", int(same_key.sum()), "with equal city keys")
    print("ei network", result["ei"]["network"], "excluded", result["ei"]["excluded"]["network"])
    e = result["eiExpected"]
    print("expected p", e["p"], "analytic", e["analytic"], "permutation",
          {k: e["permutation"][k] for k in ("counted", "weighted")})
    print("unknown scale", result["network"]["linksUnknownScale"], "near 50km", near_threshold)


if __name__ == "__main__":
    sys.exit(main())
