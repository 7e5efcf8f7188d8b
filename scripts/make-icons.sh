#!/usr/bin/env bash
# Renders the app icon resources/icons/perceptron-lab.svg to the PNG sizes desktops and the window
# use, into resources/icons/hicolor/NxN/apps/perceptron-lab.png (the layout they are installed
# in). The PNGs are committed, so building needs no SVG tools; run this after changing the SVG
# (needs rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."

svg=resources/icons/perceptron-lab.svg
for size in 16 24 32 48 64 128 256 512; do
    dir=resources/icons/hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --format png --output "$dir/perceptron-lab.png" "$svg"
done
