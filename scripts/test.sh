#!/usr/bin/env bash
# Installs what is missing (apt-get: root or sudo), builds everything in Release and runs every
# test (unit, engine, widget and CLI tests; widgets run offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake --preset release
cmake --build --preset release
ctest --preset release -j2
