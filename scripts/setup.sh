#!/usr/bin/env bash
# Installs what minsheng needs from Debian 12. Idempotent: installs only what is missing.
# Checked on a fresh debootstrap (minbase) of bookworm: a package pulled in only by something
# else on a developer's machine is named here (zlib1g-dev: minizip's headers include zlib.h,
# yet libminizip-dev does not depend on it).
# Usage: scripts/setup.sh [--browser]   (--browser adds the clients tests open outputs in:
# Chromium for the HTML, LibreOffice (with python3-uno, to drive it) and openpyxl for workbooks,
# cmark-gfm for Markdown,
# poppler-utils to read the PDFs they print, and Carlito, with Calibri's metrics: workbooks
# measure column widths in Calibri, and without it LibreOffice shrinks every printed sheet)
set -euo pipefail

pkgs=(cmake g++ ninja-build pkg-config python3 python3-yaml strace patch gcovr pmccabe dpkg-dev man-db libcli11-dev libyaml-cpp-dev libfmt-dev catch2
      libutf8proc-dev libkainjow-mustache-dev nlohmann-json3-dev libminizip-dev zlib1g-dev
      libexpat1-dev libfreexl-dev libxlsxwriter-dev)
[[ "${1:-}" == "--browser" ]] && pkgs+=(chromium fonts-wqy-microhei libreoffice-calc-nogui python3-openpyxl
                                        python3-uno lintian cmark-gfm poppler-utils fonts-crosextra-carlito)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

as_root=()
[[ $(id -u) -ne 0 ]] && as_root=(sudo)
echo "setup: installing ${missing[*]}" >&2
log=$(mktemp)
"${as_root[@]}" apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
if ! DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  cat "$log" >&2
  # The browser packages are optional: the browser test skips itself when they are absent.
  if [[ " ${missing[*]} " == *" chromium "* || " ${missing[*]} " == *" libreoffice-calc-nogui "* ]]; then
    core=()
    for p in "${missing[@]}"; do
      [[ $p == chromium || $p == fonts-wqy-microhei || $p == libreoffice-calc-nogui ||
         $p == python3-openpyxl || $p == python3-uno || $p == lintian || $p == cmark-gfm || $p == poppler-utils || $p == fonts-crosextra-carlito ]] || core+=("$p")
    done
    if [[ ${#core[@]} -gt 0 ]]; then
      DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${core[@]}" >"$log" 2>&1 ||
        { cat "$log" >&2; exit 1; }
    fi
    echo "setup: chromium or LibreOffice could not be installed; their client tests will be skipped" >&2
  else
    exit 1
  fi
fi
