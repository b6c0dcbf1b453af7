#!/usr/bin/python3
"""Cut datasets/semiconductor-ev from ../shared/data/cordis-h2020-semiconductor-ev.

All 26 projects and every participant. Writes organisations.csv and
participations.csv next to this script. Deterministic: standard library only.
Override the shared data location with LINKSCALE_SHARED.
"""
import csv
import gzip
import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("LINKSCALE_SHARED") or HERE.parents[1] / ".." / "shared" / "data")
SRC = SHARED / "cordis-h2020-semiconductor-ev"

TYPES = {"PRC": "firm", "HES": "university", "REC": "research", "PUB": "government", "OTH": "other"}
COUNTRIES = {"UK": "GB", "EL": "GR"}


def single(value):
    """'PRC;PRC' -> 'PRC'; a value whose ';'-separated parts disagree -> ''."""
    parts = {p.strip() for p in value.split(";")}
    return parts.pop() if len(parts) == 1 else ""


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    records = json.load(gzip.open(SRC / "organization.json.gz", "rt", encoding="utf-8"))
    projects = json.load(gzip.open(SRC / "project.json.gz", "rt", encoding="utf-8"))
    start_year = {str(p["id"]): p["startDate"][:4] for p in projects}

    orgs, parts, disagreements, dropped = {}, {}, [], []
    for r in records:
        pic, project = str(r["organisationID"]), str(r["projectID"])
        assert project in start_year, project
        type_ = TYPES[single(r["activityType"])]
        code = single(r["country"])
        country = COUNTRIES.get(code, code)
        lat, _, lon = r["geolocation"].partition(",")
        row = (pic, r["name"], type_, country, r["city"], lat, lon)
        if pic not in orgs:
            orgs[pic] = row
        elif orgs[pic] != row:
            disagreements.append(pic)
        if (project, pic) in parts:
            dropped.append((project, pic, r["role"]))
        else:
            parts[(project, pic)] = (project, pic, r["role"], start_year[project])

    write_csv(HERE / "organisations.csv", ["id", "name", "type", "country", "city", "lat", "lon"],
              [orgs[k] for k in sorted(orgs)])
    write_csv(HERE / "participations.csv", ["project", "org", "role", "year"],
              [parts[k] for k in sorted(parts)])
    print(f"source records {len(records)}, projects {len(projects)}")
    print(f"organisations {len(orgs)}, participations {len(parts)}")
    print(f"duplicate (project, org) rows dropped {len(dropped)}: {dropped}")
    print(f"organisations whose records disagree (name/type/country/city/lat/lon): {len(disagreements)} {disagreements}")


if __name__ == "__main__":
    main()
