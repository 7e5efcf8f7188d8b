#!/usr/bin/env bash
# Builds and runs the tests under the sanitizers (gcc's runtimes):
#   1. the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer
#      included): preset asan-ubsan, build/asan-ubsan;
#   2. the threaded tests (LABELS threaded: the engine, its stress test, the window driving it)
#      under ThreadSanitizer: preset tsan, build/tsan.
# Any report fails the run (halt_on_error / abort_on_error in the test presets). Debian's Qt is
# not instrumented; what ThreadSanitizer reports from inside Qt and GLib themselves is suppressed
# by tests/tsan.supp, never anything in our code (see that file). LeakSanitizer needs no
# suppressions.
# Installs what is missing first (apt-get: root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: every test"
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan
ctest --preset asan-ubsan -j2

echo "== ThreadSanitizer: the threaded tests"
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target threaded_tests
ctest --preset tsan -j2
