#!/usr/bin/env bash
# The layering, checked on the binaries the build made: none of the given programs may need Qt
# Widgets or Qt Charts (their ELF NEEDED entries, as the dynamic loader reads them). CTest gives it
# the headless perceptron-lab and every test of a library below ui (tests/CMakeLists.txt).
#
# Usage: check_no_widgets.sh BINARY...
set -euo pipefail

failures=0
for binary in "$@"; do
    if ! needed=$(readelf --dynamic --wide "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); then
        echo "FAIL: cannot read $binary" >&2
        failures=$((failures + 1))
        continue
    fi
    if [[ -z $needed ]]; then
        echo "FAIL: $binary needs no library at all (not a dynamically linked program?)" >&2
        failures=$((failures + 1))
        continue
    fi
    for library in $needed; do
        case $library in
            libQt6Widgets.so* | libQt6Charts.so* | libQt6OpenGLWidgets.so*)
                echo "FAIL: $(basename "$binary") needs $library" >&2
                failures=$((failures + 1))
                ;;
        esac
    done
done
echo "$# programs checked, $failures widget libraries found"
((failures == 0))
