#!/usr/bin/env bash
# Opens the demo bulletin's HTML in headless Chromium: the SVG charts must be in the DOM and the
# screenshot must not be blank. Exits 77 (skipped) when Chromium is not installed.
set -euo pipefail
bin=$1
src=$2
chrome=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chrome ]]; then
  echo "SKIP: chromium is not installed (scripts/setup.sh --browser installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
"$bin" --data demo/reports bulletin --quarter 2024Q2 --format html -o "$work/bulletin.html"

flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync)
timeout 120 "$chrome" "${flags[@]}" --user-data-dir="$work/profile-dom" --dump-dom "file://$work/bulletin.html" \
  >"$work/dom.html" 2>"$work/chromium.log" || { cat "$work/chromium.log"; exit 1; }
for id in status-chart category-chart; do
  grep -q "<svg class=\"chart\" id=\"$id\"" "$work/dom.html" || { echo "FAIL: svg#$id missing from the DOM"; exit 1; }
done
rects=$(grep -o '<rect' "$work/dom.html" | wc -l)
[[ $rects -ge 10 ]] || { echo "FAIL: only $rects chart bars in the DOM"; exit 1; }

timeout 120 "$chrome" "${flags[@]}" --user-data-dir="$work/profile-shot" --window-size=1000,1400 \
  --screenshot="$work/shot.png" "file://$work/bulletin.html" >>"$work/chromium.log" 2>&1 || { cat "$work/chromium.log"; exit 1; }
[[ -s $work/shot.png ]] || { echo "FAIL: no screenshot"; exit 1; }

# Not blank: decode the PNG and count pixels that are not background white.
python3 - "$work/shot.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8, "unexpected bit depth"
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
bpp = {2: 3, 6: 4}[ctype]
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
inked = 0
colours = set()
for y in range(height):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 4):  # every 4th pixel is plenty
        px = bytes(line[x:x + 3])
        colours.add(px)
        if px != b"\xff\xff\xff":
            inked += 1
    prev = line
total = width * height // 4
share = inked / total
print(f"screenshot {width}x{height}: {share:.1%} of sampled pixels inked, {len(colours)} colours")
if share < 0.02 or len(colours) < 8:
    sys.exit("FAIL: the screenshot is blank")
PY
echo "PASS: bulletin rendered with its SVG charts"
