#!/usr/bin/python3
"""Reference counts computed from a dataset's two CSV files only (standard library).

Usage: /usr/bin/python3 datasets/reference/counts.py datasets/<name>
Writes <dataset>/reference/counts.json.
"""
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations

sys.dont_write_bytecode = True  # no __pycache__ beside the shared module
import alliance  # noqa: E402  (this script's own folder, first on sys.path)


def main():
    data = alliance.dataset_argument(__doc__.splitlines()[0])
    orgs, parts = alliance.load(data)
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
    with open(data / "reference" / "counts.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(counts, f, indent=2, sort_keys=True)
        f.write("\n")
    print({k: v for k, v in counts.items() if not isinstance(v, dict)})


if __name__ == "__main__":
    main()
