#!/usr/bin/env bash
# The man page and the bash completion keep up with the program: every command the program's
# --help lists, and every option each command's --help lists, is in both; the man page renders
# without a groff warning; and the completion offers exactly the values written out below, each
# of which the command's --help names.
#
# Usage: check_cli_docs.sh PROGRAM MAN_PAGE COMPLETION
# Needs groff (groff-base): scripts/deps.sh.
set -euo pipefail

program=$(realpath "$1")
man_page=$(realpath "$2")
completion=$(realpath "$3")

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

if ! command -v groff >/dev/null; then
    echo "FAIL: groff is missing (run scripts/deps.sh)" >&2
    exit 1
fi

# The man page as plain text, '\-' read as '-'.
man_text=$(sed 's/\\-/-/g' "$man_page")
completion_text=$(<"$completion")

# --- The man page renders cleanly --------------------------------------------------------------
if ! warnings=$(groff -man -ww -z -Tutf8 "$man_page" 2>&1) || [[ -n $warnings ]]; then
    fail "groff warns about $man_page: $warnings"
fi

# --- Commands and options ----------------------------------------------------------------------
options_in() { grep -oE -- '(^|[ ,(])--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*' | sort -u; }

top_help=$("$program" --help)
mapfile -t commands < <(sed -nE 's/^ +perceptron-lab ([a-z]+) OPTIONS.*/\1/p' <<<"$top_help")
((${#commands[@]} > 0)) || fail "no commands found in perceptron-lab --help"

check_documented() { # WHAT NAME
    grep -qE -- "(^|[^a-z-])$2([^a-z-]|$)" <<<"$man_text" || fail "the man page lacks $1 $2"
    grep -qE -- "(^|[^a-z-])$2([^a-z-]|$)" <<<"$completion_text" ||
        fail "the completion lacks $1 $2"
}

for option in $(options_in <<<"$top_help"); do
    check_documented option "$option"
done
declare -A command_help
for command in "${commands[@]}"; do
    check_documented command "$command"
    command_help[$command]=$("$program" "$command" --help)
    for option in $(options_in <<<"${command_help[$command]}"); do
        check_documented "option of $command" "$option"
    done
done

# --- Completion --------------------------------------------------------------------------------
# complete WORD... : what the completion offers for the last word, sorted, on one line.
complete_words() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
             _perceptron_lab; printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
        _ "$completion" perceptron-lab "$@" 2>/dev/null
}

expect_values() { # COMMAND OPTION VALUE...
    local command=$1 option=$2
    shift 2
    local wanted
    wanted=$(printf "%s\n" "$@" | sort | tr '\n' ' ')
    local got
    got=$(complete_words "$command" "$option" "")
    [[ $got == "$wanted" ]] || fail "$command $option completes to '$got', expected '$wanted'"
    # Every value is one the command's help names on that option's line.
    local line
    line=$(grep -E -- "^ +$option " <<<"${command_help[$command]:-}" || true)
    for value in "$@"; do
        [[ $line =~ (^|[^a-z])$value([^a-z]|$) ]] ||
            fail "$command --help does not name $value for $option"
    done
}

got=$(complete_words "")
for word in "${commands[@]}"; do
    [[ " $got " == *" $word "* ]] || fail "the command $word is not completed (got: $got)"
done
[[ $(complete_words --) == "--help --version " ]] || fail "perceptron-lab -- completes to '$(complete_words --)'"

expect_values train --rule perceptron pocket averaged adaline logistic
expect_values train --zero positive negative mistake
expect_values train --order file shuffle
expect_values train --stop-rule mistake-free-pass zero-errors
expect_values train --init zeros random
if [[ -n ${command_help[export]:-} ]]; then
    expect_values export --format png svg pdf gif
    expect_values export --layout single storyboard frames pages
    expect_values export --theme light dark print contrast
    expect_values export --table csv md tex
    expect_values export --chart errors weights
fi

# File names: --data offers CSV files and folders, --project JSON files and folders.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/lessons"
touch "$scratch/and.csv" "$scratch/my lesson.json" "$scratch/notes.txt"
got=$(cd "$scratch" && complete_words train --data "")
[[ $got == "and.csv lessons " ]] || fail "train --data completes to '$got'"
got=$(cd "$scratch" && complete_words train --project "")
[[ $got == "lessons my lesson.json " ]] || fail "train --project completes to '$got'"

if ((failures > 0)); then
    echo "$failures problem(s) in the man page or the completion" >&2
    exit 1
fi
echo "man page and completion cover ${#commands[@]} command(s): ${commands[*]}"
