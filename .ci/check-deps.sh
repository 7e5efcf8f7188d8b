#!/usr/bin/env bash
# Fails when the build found something that a newcomer's machine would not have.
#
#   .ci/check-deps.sh BUILD_DIR
#
# CI runs on a machine that keeps every package anyone ever installed by hand, so a package that
# scripts/deps.sh forgot can be found there and missing on a fresh Debian 12 (it happened:
# libqt6opengl6-dev is only a Recommends of qt6-base-dev, and deps.sh installs without
# Recommends). This check needs no fresh machine: every file or folder that CMake found (the
# *_DIR and FILEPATH entries of BUILD_DIR/CMakeCache.txt) must belong to a package that deps.sh
# installs, directly or through Depends / Pre-Depends (never Recommends or Suggests; of
# alternatives "a | b" only the first, which is what apt picks on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: .ci/check-deps.sh BUILD_DIR}
cache=$build/CMakeCache.txt
[[ -f $cache ]] || { echo "check-deps: $cache does not exist (configure first)" >&2; exit 2; }
build=$(realpath "$build")
source_dir=$PWD

# The packages a fresh machine gets: deps.sh's list and, breadth first, what they depend on.
declare -A installs=()
frontier=()
while read -r p; do
    installs[$p]=1
    frontier+=("$p")
done < <(scripts/deps.sh --list)
while [[ ${#frontier[@]} -gt 0 ]]; do
    next=()
    # In apt-cache's listing, "|Depends: a" means "a, or the next line"; a line "<v>" names a
    # virtual package, and the indented lines after it are the packages that provide it.
    while read -r dep; do
        [[ -n $dep && -z ${installs[$dep]:-} ]] || continue
        installs[$dep]=1
        next+=("$dep")
    done < <(LC_ALL=C apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks \
        --no-replaces --no-enhances "${frontier[@]}" 2>/dev/null | awk '
        /^[^ ]/ { skip = 0; virtual = 0; next }
        /^ *\|?(Pre)?Depends:/ {
            alternative_follows = ($1 ~ /^\|/)
            name = $2
            if (skip) { skip = alternative_follows; virtual = 0; next }
            skip = alternative_follows
            if (name ~ /^</) { virtual = 1; next }
            virtual = 0
            sub(/:any$/, "", name)
            print name
            next
        }
        /^    [^ ]/ { if (virtual) { print $1; virtual = 0 } next }
        { virtual = 0 }')
    frontier=("${next[@]}")
done

# The package owning PATH (dpkg -S prints "pkg1, pkg2: path"); tries the path as written and
# resolved, with and without the merged-/usr prefix.
owners() {
    local path=$1 candidate
    for candidate in "$path" "$(realpath -m "$path")"; do
        for variant in "$candidate" "${candidate#/usr}" "/usr$candidate"; do
            if out=$(dpkg-query -S "$variant" 2>/dev/null); then
                printf '%s\n' "$out" | sed 's/: .*//' | tr ',' '\n' | sed 's/^ *//; s/:.*//'
                return 0
            fi
        done
    done
    return 1
}

problems=0
checked=0
while IFS= read -r line; do
    key=${line%%:*}
    path=${line#*=}
    [[ $path == /* && -e $path ]] || continue
    case $(realpath -m "$path") in "$build"/* | "$source_dir"/*) continue ;; esac
    # A package's CMake folder: judge it by its config file, which only that package ships.
    target=$path
    if [[ -d $path ]]; then
        name=$(basename "$path")
        for config in "$path/${name}Config.cmake" "$path/${name,,}-config.cmake"; do
            if [[ -f $config ]]; then
                target=$config
                break
            fi
        done
    fi
    checked=$((checked + 1))
    if ! found=$(owners "$target"); then
        echo "check-deps: $key: $target belongs to no Debian package (installed by hand?)"
        problems=$((problems + 1))
        continue
    fi
    ok=0
    while read -r owner; do [[ -n ${installs[$owner]:-} ]] && ok=1; done <<<"$found"
    if [[ $ok -eq 0 ]]; then
        echo "check-deps: $key: $target comes from $(echo $found | tr ' ' ','), which" \
            "scripts/deps.sh does not install (not even as a Depends)"
        problems=$((problems + 1))
    fi
done < <(grep -E '^[A-Za-z0-9_]+(_DIR:PATH|:FILEPATH)=' "$cache")

if [[ $problems -gt 0 ]]; then
    echo "check-deps: $problems of $checked found files would be missing on a fresh machine:" \
        "add their packages to scripts/deps.sh" >&2
    exit 1
fi
echo "check-deps: all $checked files CMake found come from packages scripts/deps.sh installs" \
    "(${#installs[@]} with their Depends)"
