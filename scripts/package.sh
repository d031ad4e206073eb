#!/usr/bin/env bash
# Builds minsheng_<version>_amd64.deb in build-package/ (Release, installed under /usr).
# Depends are computed by dpkg-shlibdeps. Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD_TYPE=Release scripts/build.sh build-package -DMINSHENG_TESTS=OFF
(cd build-package && cpack -G DEB >/dev/null)
ls build-package/minsheng_*_amd64.deb
