#!/usr/bin/python3
"""Cut datasets/h2020-eastasia from ../shared/data (CORDIS H2020 participations).

Selection: every project (rcn) with at least one participation whose country
(after UK->GB, EL->GR) is in East Asia: the core's East Asia macro-region
(CN, HK, MO, TW, JP, MN, KP, KR; packages/core/src/scales/macro-regions.ts)
plus SG (issue 17, point 5). All participations of those projects are kept,
European and other partners too. type, country, role and year come from h2020.csv; name,
city, lat and lon are joined by PIC from the located records, newest first:
org-records-2023 extracts (2023-06-12, then 06-05, then 05-29), then
cordis-h2020-semiconductor-ev/organization.json. Within one source the first
record in source order wins. Writes organisations.csv and participations.csv
next to this script. Deterministic: standard library only.
Override the shared data location with LINKSCALE_SHARED.
"""
import csv
import gzip
import json
import os
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("LINKSCALE_SHARED") or HERE.parents[1] / ".." / "shared" / "data")
PARTS = SHARED / "cordis-h2020-participations"

TYPES = {"PRC": "firm", "HES": "university", "REC": "research", "PUB": "government", "OTH": "other"}
COUNTRIES = {"UK": "GB", "EL": "GR"}  # "NA" is Namibia (group "tc"), kept as is
EAST_ASIA = {"CN", "HK", "MO", "TW", "JP", "MN", "KP", "KR", "SG"}


def read_csv_gz(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def location_sources():
    """[(source name, [record, ...]), ...] in order of precedence."""
    extracts = sorted((SHARED / "cordis-h2020-org-records-2023").glob("*.csv.gz"), reverse=True)
    sources = [(p.name, read_csv_gz(p)) for p in extracts]
    semi = SHARED / "cordis-h2020-semiconductor-ev" / "organization.json.gz"
    sources.append((semi.name, json.load(gzip.open(semi, "rt", encoding="utf-8"))))
    return sources


def main():
    source = read_csv_gz(PARTS / "h2020.csv.gz")
    selected = {r["rcn"] for r in source if COUNTRIES.get(r["country"], r["country"]) in EAST_ASIA}
    rows = [r for r in source if r["rcn"] in selected]

    orgs, parts, dropped = {}, {}, []
    for r in rows:
        pic, project = r["pic"], r["rcn"]
        row = (TYPES[r["type"]], COUNTRIES.get(r["country"], r["country"]))
        assert orgs.setdefault(pic, row) == row, f"PIC {pic} has two types/countries"
        if (project, pic) in parts:
            dropped.append((project, pic, r["role"]))
        else:
            year = "" if r["start_year"] == "NA" else r["start_year"]
            parts[(project, pic)] = (project, pic, r["role"], year)

    located, found_in = {}, Counter()
    for name, records in location_sources():
        for rec in records:
            pic = str(rec["organisationID"])
            if pic in orgs and pic not in located:
                lat, _, lon = rec["geolocation"].partition(",")
                located[pic] = (rec["name"], rec["city"], lat, lon)
                found_in[name] += 1

    out = []
    for pic in sorted(orgs):
        type_, country = orgs[pic]
        name, city, lat, lon = located.get(pic, ("", "", "", ""))
        out.append((pic, name, type_, country, city, lat, lon))
    write_csv(HERE / "organisations.csv", ["id", "name", "type", "country", "city", "lat", "lon"], out)
    write_csv(HERE / "participations.csv", ["project", "org", "role", "year"],
              [parts[k] for k in sorted(parts)])

    print(f"East Asia projects {len(selected)}, source rows {len(rows)}")
    print(f"organisations {len(orgs)}, participations {len(parts)}, projects {len({p for p, _ in parts})}")
    print(f"duplicate (project, org) rows dropped {len(dropped)}")
    print(f"located by source: {dict(found_in)}; not found {len(orgs) - len(located)}")


if __name__ == "__main__":
    main()
