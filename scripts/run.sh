#!/usr/bin/env bash
# Installs what is missing (apt-get: root or sudo), builds Release and starts Perceptron Lab with
# the bundled AND example. Without a display the program says so and runs the headless demo.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target perceptron-lab
exec build/release/app/perceptron-lab resources/examples/and.csv
