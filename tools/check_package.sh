#!/usr/bin/env bash
# Makes Downhill's Debian package from a portable Release build and checks it as a packager
# would: unpacked into a temporary root, every file where it belongs and nothing else, Depends
# found by dpkg-shlibdeps, the installed programs answering without a display, a short training
# run of the installed downhill-cli on an installed lesson, the bash completion listing the real
# commands and flags, desktop-file-validate and appstreamcli validate silent, lintian without
# errors, and apt able to resolve the package's Depends. Exit 0 when all of it holds.
#   tools/check_package.sh [BUILD_DIR]     (default: build-package/; ./setup.sh package runs this)
# Needs: cmake, ninja, dpkg-dev, help2man, desktop-file-utils, appstream, lintian (setup.sh
# package installs them). Extra CMake arguments go in DOWNHILL_CMAKE_ARGS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build-package}"

# /usr as the prefix, so the paths the build computes are the installed ones; the portable
# x86-64 baseline (never -march=native in a package); no tests in the package build.
# shellcheck disable=SC2086
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DDOWNHILL_NATIVE=OFF -DDOWNHILL_BUILD_TESTS=OFF -DDOWNHILL_BUILD_GUI=ON ${DOWNHILL_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)"
rm -f "$build"/downhill_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(realpath "$(ls "$build"/downhill_*.deb)")"
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/fs"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

version="$(dpkg-deb -f "$deb" Version)"
appstream_id="$(sed -n 's/^DOWNHILL_APPSTREAM_ID:STRING=//p' "$build/CMakeCache.txt")"
expected=(
  usr/bin/downhill
  usr/bin/downhill-cli
  usr/share/applications/downhill.desktop
  usr/share/icons/hicolor/scalable/apps/downhill.svg
  "usr/share/metainfo/$appstream_id.metainfo.xml"
  usr/share/man/man1/downhill.1.gz
  usr/share/man/man1/downhill-cli.1.gz
  usr/share/bash-completion/completions/downhill-cli
  usr/share/doc/downhill/copyright
  usr/share/doc/downhill/changelog.gz
)
icon_sizes="$(sed -n 's/^DOWNHILL_ICON_SIZES:INTERNAL=//p' "$build/CMakeCache.txt" | tr ';' ' ')"
[ -n "$icon_sizes" ] || fail "no DOWNHILL_ICON_SIZES in $build/CMakeCache.txt"
for size in $icon_sizes; do
  expected+=("usr/share/icons/hicolor/${size}x$size/apps/downhill.png")
done
for lesson in "$here"/resources/lessons/*.json; do
  expected+=("usr/share/downhill/lessons/$(basename "$lesson")")
done
for f in "${expected[@]}"; do
  [ -f "$root/fs/$f" ] || fail "missing /$f"
done
# Nothing else: a stray file (a test, a header, a build path) is a packaging bug.
while IFS= read -r f; do
  printf '%s\n' "${expected[@]}" | grep -qxF "$f" || fail "unexpected /$f"
done < <(cd "$root/fs" && find . -type f -o -type l | sed 's|^\./||' | sort)
for size in $icon_sizes; do
  png="$root/fs/usr/share/icons/hicolor/${size}x$size/apps/downhill.png"
  [ ! -f "$png" ] || file -b "$png" | grep -q "^PNG image data, $size x $size," ||
    fail "/usr/share/icons/hicolor/${size}x$size/apps/downhill.png is $(file -b "$png")"
done
echo "files: ${#expected[@]} expected, $(cd "$root/fs" && find . -type f | wc -l) in the package"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for dep in libc6 libstdc++6 libpng16-16 libqt6core6 libqt6gui6 libqt6widgets6 libqcustomplot2.1-qt6; do
  sed 's/, /\n/g' <<<"$depends" | awk '{ print $1 }' | grep -qxF "$dep" || fail "Depends lacks $dep"
done
recommends="$(dpkg-deb -f "$deb" Recommends)"
echo "Recommends: $recommends"
for dep in qt6-translations-l10n qt6-wayland; do
  sed 's/, /\n/g' <<<"$recommends" | awk '{ print $1 }' | grep -qxF "$dep" || fail "Recommends lacks $dep"
done

# The installed programs, with no display at all.
nodisplay=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)
out="$("${nodisplay[@]}" "$root/fs/usr/bin/downhill-cli" --version)" || fail "downhill-cli --version exits $?"
[ "$out" = "downhill-cli $version" ] || fail "downhill-cli --version says '$out', the package is $version"
out="$("${nodisplay[@]}" "$root/fs/usr/bin/downhill" --version)" || fail "downhill --version exits $?"
[ "$out" = "Downhill $version" ] || fail "downhill --version says '$out', the package is $version"
"${nodisplay[@]}" "$root/fs/usr/bin/downhill" --help | grep -q -- "--settings" || fail "downhill --help lacks --settings"
"$root/fs/usr/bin/downhill-cli" train --config "$root/fs/usr/share/downhill/lessons/03-canyon-momentum.json" \
  --steps 20 --out "$root/path.csv" >/dev/null || fail "the installed downhill-cli cannot train on an installed lesson"
[ "$(wc -l <"$root/path.csv")" -gt 20 ] || fail "the training run wrote $(wc -l <"$root/path.csv") lines, not 21 or more"

# The completion, on the installed program: its commands, and a command's flags.
completion="$root/fs/usr/share/bash-completion/completions/downhill-cli"
commands="$(bash -c 'source "$1"; _downhill_cli_commands "$2"' _ "$completion" "$root/fs/usr/bin/downhill-cli" | tr '\n' ' ')"
[ "$commands" = "dataset train landscape gradcheck render " ] || fail "the completion lists the commands '$commands'"
flags="$(bash -c 'source "$1"; _downhill_cli_flags "$2" train' _ "$completion" "$root/fs/usr/bin/downhill-cli")"
grep -qx -- "--config FILE" <<<"$flags" || fail "the completion does not know train's --config FILE"
grep -qx -- "--steps N" <<<"$flags" || fail "the completion does not know train's --steps N"

# The man pages render without a groff warning.
for page in downhill downhill-cli; do
  if command -v man >/dev/null; then
    warnings="$(MANWIDTH=100 man --warnings -l "$root/fs/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)"
    [ -z "$warnings" ] || fail "man $page: $warnings"
  fi
  zcat "$root/fs/usr/share/man/man1/$page.1.gz" | grep -q '^\.SH "\?SEE ALSO' || fail "$page(1) has no SEE ALSO"
done

out="$(desktop-file-validate "$root/fs/usr/share/applications/downhill.desktop" 2>&1)" || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate says: $out"
appstreamcli validate --no-net --pedantic "$root/fs/usr/share/metainfo/$appstream_id.metainfo.xml" >"$root/appstream.txt" 2>&1 ||
  fail "appstreamcli validate: $(cat "$root/appstream.txt")"

# lintian: errors fail, warnings are shown. It refuses to run as root without --allow-root.
lintian_args=(--fail-on error --tag-display-limit 0)
[ "$(id -u)" -eq 0 ] && lintian_args+=(--allow-root)
lintian "${lintian_args[@]}" "$deb" || fail "lintian found errors"

# apt resolves the Depends against the archive it knows (a simulation: nothing is installed).
if [ -n "$(ls /var/lib/apt/lists/*Packages 2>/dev/null)" ]; then
  apt-get install --simulate --no-install-recommends "$deb" >"$root/apt.txt" 2>&1 || fail "apt cannot install it: $(tail -5 "$root/apt.txt")"
fi

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "package OK: $deb"
