#!/usr/bin/env bash
# Installs the Debian 12 packages Perceptron Lab needs to build, test and run.
#
#   scripts/deps.sh          installs what is missing (root, or a user who may use sudo); when
#                            everything is there it needs neither and changes nothing
#   scripts/deps.sh --list   prints the package names, one a line (.ci/check-deps.sh uses it)
#
# Every name is a real Debian 12 package, never a virtual one or an old name that apt quietly
# replaces (then dpkg never reports it installed and every run would call apt-get again).
# Packages are installed without their Recommends, so everything the build finds must be listed
# here or be a Depends of something listed: .ci/check-deps.sh checks that after configuring.
# "Missing" is decided the way apt decides it: a simulated `apt-get install` of the whole list
# that would install nothing new means everything is there.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    libgl-dev libegl-dev libglu1-mesa-dev libeigen3-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    libgif-dev fonts-noto-cjk fonts-dejavu-core qt6-translations-l10n
    xvfb xauth
    desktop-file-utils appstream groff-base poppler-utils
)
if [[ "${PLAB_WITH_SANITIZER_TOOLS:-0}" == 1 ]]; then
    packages+=(clang libclang-rt-14-dev)
fi
# dpkg-shlibdeps, for the Debian package's library dependencies (scripts/package.sh).
if [[ "${PLAB_WITH_PACKAGING_TOOLS:-0}" == 1 ]]; then
    packages+=(dpkg-dev)
fi

if [[ "${1:-}" == --list ]]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

# The packages a simulated install would newly install ("Inst name (version ...)"; an upgrade of
# an installed package reads "Inst name [old] (new ...)" and does not count). Prints "?" when apt
# cannot tell (no package lists yet, an unknown name): then the lists are fetched first.
would_install() {
    local out
    if ! out=$(LC_ALL=C apt-get install --simulate --no-install-recommends -o Debug::NoLocking=1 \
        "${packages[@]}" 2>/dev/null); then
        echo "?"
        return
    fi
    printf '%s\n' "$out" | awk '$1 == "Inst" && $3 !~ /^\[/ { print $2 }'
}

missing=$(would_install)
if [[ -z "$missing" ]]; then
    exit 0
fi

if [[ "$missing" == "?" ]]; then
    echo "Installing the Debian packages Perceptron Lab needs: ${packages[*]}"
else
    echo "Installing missing Debian packages:" $missing
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "error: these Debian packages are missing and installing them needs root:" \
            "run as root, install sudo, or ask an administrator to run scripts/deps.sh" >&2
        exit 1
    fi
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
