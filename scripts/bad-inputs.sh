#!/usr/bin/env bash
# Runs the built command line on every bad and edge-case input kept in tests/data/ (plus a few
# generated on the spot: too many points, a file too large, a folder, links that loop or lead
# nowhere or back to an input, full and closed standard output, pipes) and prints the Markdown
# tables of docs/robustness.md: the input, the exit status and the exact message.
#
#   scripts/bad-inputs.sh [path/to/perceptron-lab] > /tmp/tables.md
#
# The default binary is build/release/app/perceptron-lab (scripts/run.sh builds it). The inputs
# are copied to a temporary folder and named relative to it, so messages read "csv/nan.csv:2: ...".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
binary=$(realpath "${1:-build/release/app/perceptron-lab}")
if [[ ! -x "$binary" ]]; then
    echo "error: $binary is not built (run scripts/run.sh, or pass the binary)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/data/bad/csv tests/data/bad/project "$work"/
mkdir -p "$work/edge"
cp tests/data/edge/csv/* tests/data/edge/project/* "$work/edge"/
cp resources/examples/and.csv resources/examples/or.csv resources/examples/xor.csv \
    resources/examples/lesson-2-and.json "$work"/
cd "$work"
# Other names for the inputs (an output through them must be refused), and links that lead
# nowhere: the command lines in tests/data/bad/cli/ use them.
ln -s and.csv link.csv
ln -s lesson-2-and.json link.json
ln and.csv hard-link.csv
ln -s . linked
ln -s loop.csv loop.csv
ln -s gone.csv dangling.csv

# Text as one table cell: line ends as ⏎, control and non-ASCII bytes as cat -v shows them.
cell() {
    cat -v | sed -z 's/\n$//; s/\n/⏎/g; s/|/\\|/g; s/`/\\`/g'
}

# A message as one table cell: exactly as written, only the table's own characters escaped.
text_cell() {
    sed -z 's/\n$//; s/|/\\|/g; s/`/\\`/g'
}

# What a file holds, as one table cell: the line the message names (when it names one), else the
# first bytes; at most 48 bytes either way.
excerpt() {
    local file=$1 message=$2 line size
    if [[ -d "$file" ]]; then
        printf '(a folder)'
        return
    fi
    size=$(stat -c %s "$file")
    if [[ $size -gt 1000000 ]]; then
        printf '(%s bytes: `%s` …)' "$size" "$(head -c 24 "$file" | cell)"
        return
    fi
    line=$(printf '%s' "$message" | sed -n 's/^perceptron-lab: [^:]*:\([0-9][0-9]*\):.*/\1/p')
    if [[ -z "$line" && $file == *.json ]]; then
        # An accepted project: its settings are what makes it interesting.
        line=$(grep -n -m 1 '"settings"' "$file" | cut -d: -f1 || true)
    fi
    if [[ -n "$line" && "$line" -gt 1 ]]; then
        printf 'line %s: `%s`' "$line" "$(sed -n "${line}p" "$file" | head -c 64 | cell)"
    else
        printf '`%s`' "$(head -c 48 "$file" | cell)"
        [[ $size -gt 48 ]] && printf ' …'
    fi
    return 0
}

# Runs the program. Sets `status` and `message`: the first line it wrote to standard error, or
# the status field of the summary when it succeeded.
run() {
    local out
    status=0
    out=$("$binary" "$@" 2>"$work/.stderr") || status=$?
    message=$(head -n 1 "$work/.stderr")
    if [[ $status -eq 0 && -z "$message" ]]; then
        message="accepted; training ends: $(printf '%s' "$out" |
            sed -n 's/.*"status":"\([a-z-]*\)".*/\1/p')"
    fi
}

file_table() {
    local option=$1 file
    shift
    echo "| File | Content | Exit | Message |"
    echo "|---|---|---|---|"
    for file in "$@"; do
        if [[ $option == auto ]]; then
            run train "$([[ $file == *.json ]] && echo --project || echo --data)" "$file"
        else
            run train "$option" "$file"
        fi
        printf '| `%s` | %s | %s | `%s` |\n' "$file" "$(excerpt "$file" "$message")" "$status" \
            "$(printf '%s' "$message" | text_cell)"
    done
}

echo "### Data sets (CSV): \`perceptron-lab train --data FILE\`"
echo
# Generated here rather than kept: 2,000,001 points (12 MB) and a sparse 257 MiB file.
awk 'BEGIN { print "x1,x2,label"; for (i = 0; i < 2000001; ++i) print "0,0,0" }' \
    >csv/too-many-points.csv
truncate -s 257M csv/too-large.csv
mkdir csv/folder.csv
file_table --data csv/*.csv
echo
echo "### Projects (JSON): \`perceptron-lab train --project FILE\`"
echo
file_table --project project/*.json
echo
echo "### Accepted edge cases: \`perceptron-lab train --data|--project FILE\`"
echo
file_table auto edge/*
echo
echo "### Command lines: \`perceptron-lab ARGS\`"
echo
echo "| Case | Arguments | Exit | Message |"
echo "|---|---|---|---|"
for f in "$root"/tests/data/bad/cli/*; do
    mapfile -t args <"$f"
    run "${args[@]}"
    printf '| %s | `%s` | %s | `%s` |\n' "$(basename "$f")" "${args[*]}" "$status" \
        "$(printf '%s' "$message" | text_cell)"
done
echo
echo "### Outputs, pipes and standard streams: commands run by bash"
echo
# Commands that need the shell: redirections, a file-size limit (a full disk without filling
# one), pipes. Standard output only ever goes to /dev/full by redirection, which cannot replace it.
echo "| Case | Command | Exit | Message |"
echo "|---|---|---|---|"
shell_case() {
    local name=$1 command=$2 out
    status=0
    out=$(PATH="$(dirname "$binary"):$PATH" bash -c "$command" 2>"$work/.stderr") || status=$?
    message=$(head -n 1 "$work/.stderr")
    if [[ $status -eq 0 && -z "$message" ]]; then
        message="accepted; training ends: $(printf '%s' "$out" |
            sed -n 's/.*"status":"\([a-z-]*\)".*/\1/p')"
    fi
    printf '| %s | `%s` | %s | `%s` |\n' "$name" "$(printf '%s' "$command" | text_cell)" \
        "$status" "$(printf '%s' "$message" | text_cell)"
}
shell_case "summary into a full device" "perceptron-lab train --data and.csv > /dev/full"
shell_case "trace into a full device" "perceptron-lab train --data and.csv --trace - > /dev/full"
shell_case "table into a full device" \
    "perceptron-lab export --data and.csv --table md --out - > /dev/full"
shell_case "standard output closed" "perceptron-lab train --data and.csv >&-"
shell_case "help into a full device" "perceptron-lab --help > /dev/full"
shell_case "trace beyond the file-size limit" \
    "ulimit -f 16; perceptron-lab train --data xor.csv --epochs 1000 --trace out.jsonl"
shell_case "PNG beyond the file-size limit" \
    "ulimit -f 16; perceptron-lab export --data and.csv --out out.png"
shell_case "trace into a named pipe" \
    "mkfifo out.pipe; cat out.pipe > /dev/null & perceptron-lab train --data and.csv --trace out.pipe"
shell_case "data from standard input" "perceptron-lab train --data - < and.csv"
shell_case "data through process substitution" "perceptron-lab train --data <(cat and.csv)"
shell_case "bad data from standard input" \
    "printf 'x1,x2,label\\n0,zero,1\\n' | perceptron-lab train --data -"
shell_case "escape codes in a file name" "perceptron-lab train --data \$'red\\e[31m.csv'"
