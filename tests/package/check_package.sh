#!/usr/bin/env bash
# The package test (issue 7): build the .deb and .tar.gz with CPack, unpack the .deb into a scratch
# root (dpkg -x, no installation), check what it holds, and run the installed CLI on an installed
# sample — as a user who just installed the package would, with no source tree behind it.
# Usage: check_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
python=/usr/bin/python3  # Debian's, with python3-openpyxl (a pyenv python3 on PATH may lack it)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Package from a copy of the CPack configuration so parallel tests never share CPack's work folder.
(cd "$build" && cpack -G "DEB;TGZ" -B "$scratch/packages" >"$scratch/cpack.log" 2>&1) ||
  { cat "$scratch/cpack.log"; fail "cpack"; }
deb=$(ls "$scratch"/packages/clusterforge_*_amd64.deb)
tgz=$(ls "$scratch"/packages/clusterforge-*-Linux.tar.gz)
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes), $(basename "$tgz")"

# Control: a name, a version, dependencies found by dpkg-shlibdeps (Qt among them).
[[ $(dpkg-deb -f "$deb" Package) == clusterforge ]] || fail "package name"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6widgets6 libqt6core6 qt6-qpa-plugins; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

root="$scratch/root"
dpkg -x "$deb" "$root"
share="$root/usr/share"
expect=(
  usr/bin/clusterforge usr/bin/clusterforge-cli
  usr/share/clusterforge/catalog/servers.json usr/share/clusterforge/models/llama3-70b.json
  usr/share/clusterforge/samples/lab-4x-dgx-h100.cluster.json
  usr/share/applications/io.clusterforge.ClusterForge.desktop
  usr/share/icons/hicolor/scalable/apps/io.clusterforge.ClusterForge.svg
  usr/share/metainfo/io.clusterforge.ClusterForge.metainfo.xml
  usr/share/mime/packages/io.clusterforge.ClusterForge.xml
  usr/share/doc/clusterforge/copyright
)
for f in "${expect[@]}"; do [[ -s "$root/$f" ]] || fail "missing $f"; done
tar tzf "$tgz" >"$scratch/tgz.txt"
for f in "${expect[@]}"; do grep -q "/${f#usr/}$" "$scratch/tgz.txt" || fail "tar.gz lacks ${f#usr/}"; done

# The desktop entry, metainfo and MIME type are what desktops read: validate them with their tools.
desktop-file-validate "$share/applications/io.clusterforge.ClusterForge.desktop" || fail "desktop entry"
appstreamcli validate --no-net "$share/metainfo/io.clusterforge.ClusterForge.metainfo.xml" >/dev/null ||
  fail "metainfo"
mkdir -p "$scratch/mime/packages"
cp "$share/mime/packages/io.clusterforge.ClusterForge.xml" "$scratch/mime/packages/"
update-mime-database "$scratch/mime" 2>/dev/null
grep -qx '60:application/x-clusterforge-design:\*.cluster.json' "$scratch/mime/globs2" || fail "MIME glob"
grep -q '^MimeType=application/x-clusterforge-design;$' "$share/applications/io.clusterforge.ClusterForge.desktop" ||
  fail "the desktop entry does not open the MIME type"

# The installed CLI on the installed sample: no source tree, no environment pointing at one.
cli="$root/usr/bin/clusterforge-cli"
sample="$share/clusterforge/samples/lab-4x-dgx-h100.cluster.json"
run() { env -u CLUSTERFORGE_RESOURCES -u CLUSTERFORGE_USER_CATALOG HOME="$scratch/home" "$cli" "$@"; }
version=$(run --version)
echo "$version"
[[ $version == *"(data: $share/clusterforge)" ]] || fail "the installed CLI does not read the installed data: $version"
run validate "$share"/clusterforge/samples/*.cluster.json >"$scratch/validate.txt" ||
  { cat "$scratch/validate.txt"; fail "installed samples do not validate"; }
run analyze --json "$sample" >"$scratch/analyze.json"
"$python" - "$scratch/analyze.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert a["gpus"] == 32, a["gpus"]   # the lab sample: 4 DGX H100 x 8 GPUs
assert a["cost"]["hardware_usd"] > 0
print("installed CLI analyzed the installed sample:", a["gpus"], "GPUs, hardware $%.0f" % a["cost"]["hardware_usd"])
PY
# Exports from the installed CLI, read back by independent parsers: the SVG by Python's XML parser,
# the XLSX by openpyxl (its totals must equal analyze's), the report's XHTML likewise, the PDF's pages.
out="$scratch/out"
mkdir -p "$out"
run export "$sample" --format svg --view racks -o "$out/racks.svg"
run export "$sample" --format xlsx -o "$out/bom.xlsx"
run export "$sample" --format html -o "$out/report.html"
run export "$sample" --format pdf --view diagrams -o "$out/diagrams.pdf"
run export "$sample" --format netbox-csv -o "$out/netbox"
"$python" - "$scratch/analyze.json" "$out" <<'PY'
import json, re, sys, xml.etree.ElementTree as ET, openpyxl, pathlib
a = json.load(open(sys.argv[1]))
out = pathlib.Path(sys.argv[2])
svg = ET.parse(out / "racks.svg").getroot()
assert svg.tag == "{http://www.w3.org/2000/svg}svg", svg.tag
texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
assert "A01" in texts and "Front" in texts and "Rear" in texts, texts[:200]  # the lab's one rack, both faces
wb = openpyxl.load_workbook(out / "bom.xlsx", data_only=True)
summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}
price = summary["Total hardware price (USD)"]
power_kw = summary["Nameplate power of the rack devices (kW)"]
assert abs(price - a["cost"]["hardware_usd"]) < 0.01, (price, a["cost"]["hardware_usd"])
assert abs(power_kw * 1000 - a["power"]["it_max_w"]) < 1, (power_kw, a["power"]["it_max_w"])
# Independently of the Summary: the category sheets' own totals add up to the same price.
sheets = 0.0
for ws in wb.worksheets[1:]:
    rows = list(ws.iter_rows(values_only=True))
    header, total = rows[0], next(r for r in rows if r[0] == "Total")
    value = total[header.index("Extended price (USD)")]
    sheets += value if isinstance(value, (int, float)) else 0
assert abs(sheets - a["cost"]["hardware_usd"]) < 0.01, (sheets, a["cost"]["hardware_usd"])
report = ET.parse(out / "report.html").getroot()
assert report.tag.endswith("html"), report.tag
pdf = (out / "diagrams.pdf").read_bytes()
pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
assert pdf.startswith(b"%PDF") and pages >= 3, pages  # floor plan, racks, topology
assert (out / "netbox" / "08-cables.csv").read_text().count("\n") == 1 + 32  # header + the lab's 32 links
print("installed CLI exports: SVG parses (%d text items), XLSX total $%.2f = analyze, power %.2f kW = analyze, "
      "report XHTML parses, diagrams PDF %d pages" % (len(texts.split()), price, power_kw, pages))
PY
echo "package OK"
