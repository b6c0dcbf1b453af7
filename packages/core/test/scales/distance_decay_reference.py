#!/usr/bin/python3
"""Independent reference for the distance-decay tail of semiconductor-ev, checked by
distance-decay.test.ts.

Usage: /usr/bin/python3 packages/core/test/scales/distance_decay_reference.py
Writes distance-decay.semiconductor-ev.json beside this script.

Written from the rule as documented in packages/core/src/scales/distance-decay.ts, not from its
code:
  links: two organisations share at least one project of participations.csv (any role);
  length: haversine on a sphere of radius 6371.0088 km, for links whose two ends both have lat
          and lon in organisations.csv; the others are unmeasured;
  bins:   [0, 1) km, then [10^((k-1)/4), 10^(k/4)) for k = 1, 2, ... up to the longest link
          (numpy.digitize on those edges);
  tail:   from the modal bin (most links; numpy.argmax, so the first on a tie) on, never the
          0-1 km bin, over the non-empty bins; numpy.polyfit(log10 centre, log10 links per km, 1)
          with centre = sqrt(from * to); R^2 = the squared Pearson correlation (numpy.corrcoef).
"""
import csv
import itertools
import json
import platform
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[3] / "datasets" / "semiconductor-ev"
RADIUS_KM = 6371.0088
BINS_PER_DECADE = 4


def rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    place = {o["id"]: (float(o["lat"]), float(o["lon"])) for o in rows("organisations.csv")
             if o["lat"] and o["lon"]}
    members = {}
    for p in rows("participations.csv"):
        members.setdefault(p["project"], set()).add(p["org"])
    links = set()
    for orgs in members.values():
        links.update(itertools.combinations(sorted(orgs), 2))
    measured = sorted(link for link in links if link[0] in place and link[1] in place)

    a = np.radians(np.array([place[x] for x, _ in measured]))
    b = np.radians(np.array([place[y] for _, y in measured]))
    h = (np.sin((b[:, 0] - a[:, 0]) / 2) ** 2
         + np.cos(a[:, 0]) * np.cos(b[:, 0]) * np.sin((b[:, 1] - a[:, 1]) / 2) ** 2)
    km = 2 * RADIUS_KM * np.arcsin(np.minimum(1, np.sqrt(h)))

    top = int(np.ceil(np.log10(km.max()) * BINS_PER_DECADE))
    edges = np.concatenate([[0.0], 10.0 ** (np.arange(0, top + 1) / BINS_PER_DECADE)])
    counts = np.bincount(np.digitize(km, edges[1:]), minlength=len(edges) - 1)[: len(edges) - 1]
    assert counts.sum() == len(km)
    density = counts / np.diff(edges)

    mode = int(np.argmax(counts))
    chosen = [i for i in range(max(mode, 1), len(counts)) if counts[i] > 0]
    x = np.log10(np.sqrt(edges[chosen] * edges[[i + 1 for i in chosen]]))
    y = np.log10(density[chosen])
    slope, intercept = np.polyfit(x, y, 1)
    r2 = float(np.corrcoef(x, y)[0, 1] ** 2)

    out = {
        "script": "packages/core/test/scales/distance_decay_reference.py",
        "links": len(links),
        "measured": len(measured),
        "unmeasured": len(links) - len(measured),
        "binLinks": counts.tolist(),
        "tail": {"fromKm": float(edges[chosen[0]]), "toKm": float(edges[chosen[-1] + 1]),
                 "bins": len(chosen), "slope": float(slope), "intercept": float(intercept),
                 "rSquared": r2},
        "versions": {"python": platform.python_version(), "numpy": np.__version__},
    }
    text = json.dumps(out, indent=1, sort_keys=True) + "\n"
    (HERE / "distance-decay.semiconductor-ev.json").write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
