#!/usr/bin/python3
"""Reference counts computed from this dataset's two CSV files only (standard library).

Writes counts.json next to this script.
"""
import csv
import json
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent


def read(name):
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    orgs = read("organisations.csv")
    parts = read("participations.csv")
    ids = {o["id"] for o in orgs}
    assert len(ids) == len(orgs), "duplicate organisation id"
    assert ids == {p["org"] for p in parts}, "organisations and participations disagree"

    members = defaultdict(set)
    for p in parts:
        members[p["project"]].add(p["org"])
    assert sum(map(len, members.values())) == len(parts), "duplicate (project, org)"
    links = set()
    for m in members.values():
        links.update(combinations(sorted(m), 2))
    linked = {o for pair in links for o in pair}
    years = [int(p["year"]) for p in parts if p["year"]]

    counts = {
        "organisations": len(orgs),
        "organisationsByType": dict(sorted(Counter(o["type"] for o in orgs).items())),
        "organisationsByCountry": dict(sorted(Counter(o["country"] for o in orgs).items())),
        "projects": len(members),
        "participations": len(parts),
        "participationsByRole": dict(sorted(Counter(p["role"] for p in parts).items())),
        "links": len(links),
        "isolated": len(ids - linked),
        "withoutCoordinates": sum(1 for o in orgs if not o["lat"] or not o["lon"]),
        "withoutName": sum(1 for o in orgs if not o["name"]),
        "years": {"min": min(years), "max": max(years)},
        "participationsWithoutYear": sum(1 for p in parts if not p["year"]),
    }
    with open(HERE / "counts.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(counts, f, indent=2, sort_keys=True)
        f.write("\n")
    print({k: v for k, v in counts.items() if not isinstance(v, dict)})


if __name__ == "__main__":
    main()
