"""The multi-scalar shares of bench/scales.ts, in pandas, on the same network: links by scale
(national when both ends share a country, transnational when they do not, unknown when either
country is unknown; regions are unknown everywhere in this data), counted and weighted, the
network E-I index by country and the country x country matrix. Reads the edge list and node
countries the TypeScript bench writes; prints one JSON line with the seconds."""
import gzip, json, sys, time

import pandas as pd

edges_path, nodes_path = sys.argv[1], sys.argv[2]
with gzip.open(edges_path, "rt") as f:
    f.readline()  # "n<TAB>count"
    edges = pd.read_csv(f, sep="\t", names=["i", "j", "weight"])
nodes = pd.read_csv(nodes_path, sep="\t", names=["i", "country"], keep_default_na=False, dtype={"country": str})

start = time.perf_counter()
country = nodes.set_index("i")["country"]
a = country.reindex(edges["i"]).to_numpy()
b = country.reindex(edges["j"]).to_numpy()
df = edges.assign(a=a, b=b)
known = (df["a"] != "") & (df["b"] != "")
df["scale"] = "unknown"
df.loc[known & (df["a"] == df["b"]), "scale"] = "national"
df.loc[known & (df["a"] != df["b"]), "scale"] = "transnational"
shares = df.groupby("scale")["weight"].agg(["count", "sum"])
internal = df["a"] == df["b"]
ei_counted = ((~internal).sum() - internal.sum()) / len(df)
ei_weighted = (df.loc[~internal, "weight"].sum() - df.loc[internal, "weight"].sum()) / df["weight"].sum()
lo = df[["a", "b"]].min(axis=1)
hi = df[["a", "b"]].max(axis=1)
matrix = df.assign(lo=lo, hi=hi).groupby(["lo", "hi"])["weight"].agg(["count", "sum"])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "links": int(len(df)), "national": int(shares.loc["national", "count"]), "eiCounted": float(ei_counted), "eiWeighted": float(ei_weighted), "cells": int(len(matrix))}))
