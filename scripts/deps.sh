#!/usr/bin/env bash
# Installs the Debian 12 packages Perceptron Lab needs to build, test and run.
# Idempotent: installs only what is missing. Needs root, or sudo for apt-get.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6charts6-dev libqt6svg6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    libgl-dev libeigen3-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    libgif-dev fonts-noto-cjk qt6-translations-l10n
    xvfb xauth
    desktop-file-utils appstream groff-base
)
if [[ "${PLAB_WITH_SANITIZER_TOOLS:-0}" == 1 ]]; then
    packages+=(clang libclang-rt-14-dev)
fi
# dpkg-shlibdeps, for the Debian package's library dependencies (scripts/package.sh).
if [[ "${PLAB_WITH_PACKAGING_TOOLS:-0}" == 1 ]]; then
    packages+=(dpkg-dev)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "error: installing packages needs root; run as root or install sudo" >&2
        exit 1
    fi
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
