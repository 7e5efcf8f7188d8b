#!/usr/bin/env bash
# Builds the Debian package: installs what is missing (apt-get: root or sudo; dpkg-dev for
# dpkg-shlibdeps), builds the program alone in Release in build/package, and runs CPack.
# The package lands in build/package/packages/perceptron-lab_<version>_<arch>.deb; installing and
# checking it is described in docs/install.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PLAB_WITH_PACKAGING_TOOLS=1 scripts/deps.sh
cmake -S . -B build/package -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DPLAB_BUILD_TESTS=OFF -DPLAB_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/package
(cd build/package && cpack -G DEB)
