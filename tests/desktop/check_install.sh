#!/usr/bin/env bash
# `cmake --install` into a scratch root (DESTDIR, prefix /usr, as the Debian package does), then:
# every file is where desktops, man and bash-completion look for it, nothing else is installed,
# the .desktop and AppStream files validate and agree with each other and with the project
# version, and the installed program runs on the installed examples.
#
# Usage: check_install.sh BUILD_DIR WORK_DIR VERSION
# Needs desktop-file-validate (desktop-file-utils) and appstreamcli (appstream): scripts/deps.sh.
set -euo pipefail

build_dir=$1
work_dir=$2
version=$3
app_id=io.github.perceptronlab.PerceptronLab

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool is missing (run scripts/deps.sh)" >&2
        exit 1
    fi
done

root=$work_dir/install-root
rm -rf "$root"
mkdir -p "$root"
DESTDIR=$root cmake --install "$build_dir" --prefix /usr >"$work_dir/install.log"
usr=$root/usr

# --- Everything in its place -------------------------------------------------------------------
expected=(
    bin/perceptron-lab
    libexec/perceptron-lab/perceptron-lab
    share/applications/$app_id.desktop
    share/metainfo/$app_id.metainfo.xml
    share/icons/hicolor/scalable/apps/perceptron-lab.svg
    share/man/man1/perceptron-lab.1
    share/bash-completion/completions/perceptron-lab
    share/perceptron-lab/examples/and.csv
    share/perceptron-lab/examples/or.csv
    share/perceptron-lab/examples/xor.csv
    share/perceptron-lab/examples/blobs.csv
    share/doc/perceptron-lab/user-guide.md
    share/doc/perceptron-lab/cli.md
    share/doc/perceptron-lab/file-formats.md
    share/doc/perceptron-lab/README.md
    share/doc/perceptron-lab/copyright
)
for size in 16 24 32 48 64 128 256 512; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/perceptron-lab.png")
done
for file in "${expected[@]}"; do
    [[ -f $usr/$file ]] || fail "not installed: /usr/$file"
done
[[ -x $usr/bin/perceptron-lab ]] || fail "/usr/bin/perceptron-lab is not executable"
[[ -x $usr/libexec/perceptron-lab/perceptron-lab ]] ||
    fail "/usr/libexec/perceptron-lab/perceptron-lab (the window) is not executable"

# Each PNG icon has the size its folder promises.
for size in 16 24 32 48 64 128 256 512; do
    png=$usr/share/icons/hicolor/${size}x${size}/apps/perceptron-lab.png
    [[ -f $png ]] || continue
    # The PNG header: width and height are the big-endian words at bytes 16 and 20.
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" |
        awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [[ "$width x $height" == "$size x $size" ]] ||
        fail "icon ${size}x${size} is $width x $height"
done

# Nothing but these trees: no static libraries, headers, tests or build files.
while IFS= read -r file; do
    case ${file#"$usr"/} in
        bin/perceptron-lab | libexec/perceptron-lab/perceptron-lab | share/applications/* | share/metainfo/* | share/icons/hicolor/* | \
            share/man/man1/* | share/bash-completion/completions/* | share/perceptron-lab/* | \
            share/doc/perceptron-lab/*) ;;
        *) fail "unexpected file installed: ${file#"$root"}" ;;
    esac
done < <(find "$root" -type f)

# --- Desktop entry and AppStream ---------------------------------------------------------------
desktop=$usr/share/applications/$app_id.desktop
metainfo=$usr/share/metainfo/$app_id.metainfo.xml
if ! out=$(desktop-file-validate "$desktop" 2>&1) || [[ -n $out ]]; then
    fail "desktop-file-validate: $out"
fi
field() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
[[ $(field Exec) == "perceptron-lab %f" ]] || fail "Exec is '$(field Exec)'"
[[ -x $usr/bin/$(field TryExec) ]] || fail "TryExec $(field TryExec) is not the installed binary"
icon=$(field Icon)
[[ -f $usr/share/icons/hicolor/scalable/apps/$icon.svg ]] || fail "no scalable icon named $icon"
[[ -f $usr/share/icons/hicolor/48x48/apps/$icon.png ]] || fail "no 48x48 icon named $icon"
[[ -n $(field 'Name\[ja\]') && -n $(field 'Comment\[ja\]') ]] || fail "no Japanese Name/Comment"

if ! out=$(appstreamcli validate --no-net --strict --no-color "$metainfo" 2>&1); then
    fail "appstreamcli validate: $out"
fi
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"
grep -q "<binary>perceptron-lab</binary>" "$metainfo" || fail "the metainfo provides no binary"
grep -q "<icon type=\"stock\">$icon</icon>" "$metainfo" || fail "the metainfo icon is not $icon"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
[[ $newest == "$version" ]] || fail "the newest AppStream release is $newest, the project is $version"
grep -q '@[A-Z_]*@' "$metainfo" && fail "unconfigured @VARIABLES@ left in the metainfo"

# --- The man page names this version -----------------------------------------------------------
grep -q "^\.TH PERCEPTRON-LAB 1 .*\"Perceptron Lab $version\"" "$usr/share/man/man1/perceptron-lab.1" ||
    fail "the man page's .TH does not name Perceptron Lab $version"

# --- The installed program runs, on the installed examples -------------------------------------
out=$("$usr/bin/perceptron-lab" --version)
[[ $out == "perceptron-lab $version" ]] || fail "--version printed '$out'"
out=$(cd "$work_dir" && "$usr/bin/perceptron-lab" train \
    --data "$usr/share/perceptron-lab/examples/and.csv" --summary -)
[[ $out == *'"converged":true'* && $out == *'"w":[2,1],"b":-3'* ]] ||
    fail "training on the installed and.csv printed '$out'"

# The installed command needs no widget library; asked for the window, it becomes the installed
# window's program (offscreen, in a scratch home), which is still running a few seconds later.
if readelf --dynamic "$usr/bin/perceptron-lab" | grep -q 'libQt6Widgets'; then
    fail "/usr/bin/perceptron-lab needs Qt Widgets"
fi
home=$work_dir/window-home
rm -rf "$home"
mkdir -p "$home"
status=0
(cd "$home" && HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
    XDG_RUNTIME_DIR=$home QT_QPA_PLATFORM=offscreen \
    timeout 3 "$usr/bin/perceptron-lab" >"$home/out.txt" 2>&1) || status=$?
if ((status != 124)); then
    fail "the installed window did not start (status $status): $(head -c 300 "$home/out.txt")"
fi

if ((failures > 0)); then
    echo "$failures problem(s) with the installed files (tree: $root)" >&2
    exit 1
fi
echo "installed tree OK: $(find "$root" -type f | wc -l) files under $root"
