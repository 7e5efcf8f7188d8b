#!/usr/bin/env bash
# Fuzzes the readers of untrusted input with libFuzzer: the CSV data set reader, the JSON project
# reader and the command line parser (tests/fuzz/). Installs clang if missing (apt-get: root or
# sudo), builds the `fuzz` preset in build/fuzz and runs each fuzzer for a bounded time.
#
#   scripts/fuzz.sh                 every fuzzer, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh csv project
#
# Each fuzzer starts from its seed corpus (tests/fuzz/corpus/<reader>/), every input kept from
# earlier crashes (tests/fuzz/regressions/<reader>/) and the bad files of the robustness table
# (tests/data/bad/<reader>/); what it learns goes to build/fuzz/corpus/<reader>/, never into the
# source tree. A crash, leak, undefined behaviour or violated property stops that fuzzer, leaves
# the input in build/fuzz/artifacts/<reader>/ and makes the script fail: keep the input as
# tests/fuzz/regressions/<reader>/<name> (fuzz_regression_test replays it in every test run)
# and fix the reader.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
readers=("$@")
if [[ ${#readers[@]} -eq 0 ]]; then
    readers=(csv project cli)
fi
for reader in "${readers[@]}"; do
    case "$reader" in
    csv | project | cli) ;;
    *)
        echo "error: unknown fuzzer \"$reader\" (expected csv, project or cli)" >&2
        exit 2
        ;;
    esac
done

PLAB_WITH_SANITIZER_TOOLS=1 scripts/deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${readers[@]/#/fuzz_}"

failed=()
summary=()
for reader in "${readers[@]}"; do
    work="build/fuzz/corpus/$reader"
    artifacts="build/fuzz/artifacts/$reader"
    log="build/fuzz/fuzz_$reader.log"
    mkdir -p "$work" "$artifacts"
    seeds=("tests/fuzz/corpus/$reader")
    for extra in "tests/fuzz/regressions/$reader" "tests/data/bad/$reader"; do
        if [[ -d "$extra" ]]; then
            seeds+=("$extra")
        fi
    done

    echo "== fuzz_$reader for ${seconds} s (log: $log)"
    status=0
    "build/fuzz/tests/fuzz/fuzz_$reader" "$work" "${seeds[@]}" \
        -dict="tests/fuzz/$reader.dict" \
        -max_total_time="$seconds" \
        -timeout=10 \
        -rss_limit_mb=2048 \
        -print_final_stats=1 \
        -artifact_prefix="$artifacts/" \
        >"$log" 2>&1 || status=$?

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    corpus=$(find "$work" -type f | wc -l)
    line=$(printf '%-8s %12s executions  %8s exec/s  %6s corpus files' \
        "$reader" "${runs:-?}" "${rate:-?}" "$corpus")
    if [[ $status -ne 0 ]]; then
        failed+=("$reader")
        line+="  FAILED (exit $status)"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|property violated|artifact_prefix|Test unit written)' \
            "$log" | head -n 8 >&2 || true
    fi
    summary+=("$line")
done

echo
echo "Fuzzing summary (${seconds} s per fuzzer):"
printf '  %s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo
    echo "Failed: ${failed[*]}. Keep each input from build/fuzz/artifacts/<reader>/ as" >&2
    echo "tests/fuzz/regressions/<reader>/<name>, fix the reader, and run again." >&2
    exit 1
fi
