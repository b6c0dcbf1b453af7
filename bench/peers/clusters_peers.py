"""The peers of bench/clusters.ts, on the files it writes; each mode prints one JSON line.

  pandas EDGES NODES   the cluster network's core by country and by city: a link's clusters
                       (its ends' groups; links with an end in no group left out), internal
                       links and weight per cluster, external per cluster, links and weight per
                       cluster pair. EDGES as edges_tsv.py reads; NODES 'i<TAB>country<TAB>city'
                       (empty when unknown; city is the cluster name cityClusters gives).
  dbscan POINTS LABELS scikit-learn's DBSCAN over great-circle distance (haversine, ball tree) at
                       10 km and 5 points, on POINTS ('lat<TAB>lon' per line, degrees); writes
                       one label per line to LABELS (-1 noise). Times the fit alone, and the
                       fit with reading the points.
"""
import csv, gzip, json, sys, time

import numpy as np


def pandas_mode(edges_path, nodes_path):
    import pandas as pd

    with gzip.open(edges_path, "rt") as f:
        f.readline()  # "n<TAB>count"
        edges = pd.read_csv(f, sep="\t", names=["i", "j", "weight"])
    nodes = pd.read_csv(nodes_path, sep="\t", names=["i", "country", "city"], keep_default_na=False,
                        dtype={"country": str, "city": str}, quoting=csv.QUOTE_NONE).set_index("i")
    out = {}
    for key in ("country", "city"):
        start = time.perf_counter()
        group = nodes[key]
        df = edges.assign(a=group.reindex(edges["i"]).to_numpy(), b=group.reindex(edges["j"]).to_numpy())
        known = (df["a"] != "") & (df["b"] != "")
        grouped = df[known]
        same = grouped["a"] == grouped["b"]
        internal = grouped[same].groupby("a")["weight"].agg(["count", "sum"])
        cross = grouped[~same]
        external = pd.concat([cross[["a", "weight"]], cross[["b", "weight"]].rename(columns={"b": "a"})]).groupby("a")["weight"].agg(["count", "sum"])
        low = cross["a"].where(cross["a"] < cross["b"], cross["b"])
        high = cross["b"].where(cross["a"] < cross["b"], cross["a"])
        pairs = cross.assign(low=low, high=high).groupby(["low", "high"])["weight"].agg(["count", "sum"])
        seconds = time.perf_counter() - start
        out[key] = {"seconds": seconds, "excludedLinks": int((~known).sum()), "internalLinks": int(internal["count"].sum()),
                    "externalClusters": int(len(external)), "pairs": int(len(pairs)), "pairWeight": float(pairs["sum"].sum())}
    print(json.dumps(out))


def dbscan_mode(points_path, labels_path):
    from sklearn.cluster import DBSCAN

    start = time.perf_counter()
    points = np.radians(np.loadtxt(points_path, delimiter="\t", ndmin=2))
    fit_start = time.perf_counter()
    labels = DBSCAN(eps=10 / 6371.0088, min_samples=5, metric="haversine", algorithm="ball_tree").fit(points).labels_
    end = time.perf_counter()
    np.savetxt(labels_path, labels, fmt="%d")
    print(json.dumps({"fit": end - fit_start, "withLoad": end - start, "points": int(len(points)),
                      "clusters": int(labels.max() + 1), "noise": int((labels == -1).sum())}))


if __name__ == "__main__":
    {"pandas": pandas_mode, "dbscan": dbscan_mode}[sys.argv[1]](*sys.argv[2:])
