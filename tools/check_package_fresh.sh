#!/usr/bin/env bash
# Installs Downhill's Debian package with apt on a fresh, minimal Debian 12 (bookworm) and runs it
# there: what proves that the package's Depends are complete, which tools/check_package.sh (the
# package unpacked on this machine, where everything is already installed) cannot.
#   tools/check_package_fresh.sh [DEB]   (default: the newest build-package/downhill_*.deb, made
#                                         by tools/check_package.sh if there is none;
#                                         ./setup.sh package-fresh runs both)
# In a temporary root under /tmp: `debootstrap --variant=minbase bookworm` from deb.debian.org
# (plus bookworm-updates and the security archive, as an installed system has them), then
# `apt-get update && apt-get install --no-install-recommends ./downhill_*.deb`, which must fetch
# every runtime dependency from the archive by itself. Then, inside that root and with no
# display: both programs' --version (the package's version) and --help, downhill-cli train on an
# installed lesson (a trajectory), downhill-cli render (a PNG), the window on Qt's offscreen
# platform up for DOWNHILL_FRESH_SECONDS (5) seconds and killed by this script without having
# crashed; then xvfb and xdotool are installed, the window shown on Xvfb and its screen saved as
# DOWNHILL_FRESH_SCREENSHOT (/tmp/fresh-deb-window.png; "none" skips this part), View > 3D view
# opened (OpenGL) and the screen saved again (/tmp/fresh-deb-window-3d.png); last
# `apt-get purge downhill` leaves none of its files. It prints the packages apt pulled in and
# the installed sizes. Exit 0 when all of it holds; each failure says what failed.
#
# Needs root (debootstrap, chroot, mounts), the network to deb.debian.org and security.debian.org,
# and debootstrap (installed with apt if missing). The temporary root, and the /proc, /sys and
# /dev mounted into it, are removed on every way out, Ctrl+C included.
#
# Cache: the bare bootstrapped system is kept as a tarball, and the .debs apt downloads are kept
# too, under ${DOWNHILL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/downhill}/ (outside the
# repository): a cold run downloads and bootstraps (under 2 minutes in all on two cores), a
# cached run unpacks the tarball in a second and installs from the kept .debs (apt checks them
# against the freshly updated lists, so the resolution is still the archive's): under 50 s, of
# which 20 s are dpkg unpacking the hundred-odd packages and 15 s the window's timed runs. The tarball is made again when it is older than 7 days;
# `rm -rf ~/.cache/downhill/fresh-bookworm-*` for a cold run. The root is a tmpfs where it can be.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite=bookworm
mirror=http://deb.debian.org/debian
seconds="${DOWNHILL_FRESH_SECONDS:-5}"
screenshot="${DOWNHILL_FRESH_SCREENSHOT:-/tmp/fresh-deb-window.png}"
started="$SECONDS"

# Anything else that goes wrong ends the run (set -e) and says where.
set -E
trap 'echo "FAIL: line $LINENO: \"$BASH_COMMAND\" exited $?" >&2' ERR
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $* ($((SECONDS - started)) s)"; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mounts): sudo $0 $*"

deb="${1:-}"
if [ -z "$deb" ]; then
  deb="$(ls -t "$here"/build-package/downhill_*.deb 2>/dev/null | head -1 || true)"
  if [ -z "$deb" ]; then
    step "no build-package/downhill_*.deb: making it with tools/check_package.sh"
    "$here/tools/check_package.sh" "$here/build-package" || die "tools/check_package.sh failed"
    deb="$(ls -t "$here"/build-package/downhill_*.deb | head -1)"
  fi
fi
[ -f "$deb" ] || die "no such package: $deb"
deb="$(realpath "$deb")"
version="$(dpkg-deb -f "$deb" Version)" || die "dpkg-deb cannot read $deb"
arch="$(dpkg --print-architecture)"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || die "$deb is not for $arch"
echo "package: $deb ($version)"

if ! command -v debootstrap >/dev/null; then
  step "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
    die "cannot install debootstrap"
fi

cache="${DOWNHILL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/downhill}"
base="$cache/fresh-$suite-minbase-$arch.tar"
archives="$cache/fresh-$suite-debs-$arch"
mkdir -p "$cache" "$archives/partial"

work="$(mktemp -d /tmp/downhill-fresh.XXXXXX)"
root="$work/root"
mkdir "$root"
pids=()

# Every way out: stop what still runs in the root, unmount what is mounted under it (deepest
# first; debootstrap's own /proc and /sys too, if it was interrupted), then remove it. Nothing is
# removed while something is still mounted there.
cleanup() {
  local status=$? p mounts m under_root
  trap - EXIT INT TERM ERR
  set +e
  {
    for p in "${pids[@]}"; do kill -KILL "$p" || true; done
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root")" = "$root" ] && kill -KILL "${p#/proc/}"
    done
    wait
  } 2>/dev/null
  under_root='$2 == r || index($2, r "/") == 1'
  mounts="$(awk -v r="$root" "$under_root { print \$2 }" /proc/self/mounts | sort -r)"
  for m in $mounts; do umount "$m" 2>/dev/null || umount -l "$m" || true; done
  if awk -v r="$root" "$under_root { found = 1 } END { exit !found }" /proc/self/mounts; then
    echo "FAIL: still mounted under $root, left in place:" >&9
    awk -v r="$root" "$under_root { print \"  \" \$2 }" /proc/self/mounts >&9
    exit 1
  fi
  echo "removing $work" >&8
  rm -rf --one-file-system "$work"
  exit "$status"
}
# The traps write to the script's own output (8, 9): a signal can come while a function's output
# is redirected to a log in the root.
exec 8>&1 9>&2
trap cleanup EXIT
trap 'echo "interrupted" >&9; exit 130' INT
trap 'echo "terminated" >&9; exit 143' TERM

# The root lives in memory (about 600 MB at the end) when it can: dpkg's many small files, and
# their removal, are then quick; on disk otherwise.
if mount -t tmpfs -o size=3G,mode=755 downhill-fresh "$root" 2>/dev/null; then
  echo "temporary root: $root (tmpfs)"
else
  echo "temporary root: $root (on disk: no tmpfs)"
fi

# The bare system: from the cache, or bootstrapped and then cached.
if [ -f "$base" ] && [ -n "$(find "$base" -mtime -7)" ]; then
  step "unpacking the cached bare $suite ($base)"
  tar -C "$root" --numeric-owner -xf "$base" || die "cannot unpack $base"
else
  step "debootstrap --variant=minbase $suite from $mirror"
  debootstrap --variant=minbase --arch="$arch" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    die "debootstrap failed: $(tail -5 "$work/debootstrap.log")"
  # As an installed system has it: the point releases' updates and the security archive.
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://security.debian.org/debian-security $suite-security main
EOF
  # A chroot starts no services; dpkg need not sync every file of a root thrown away after.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/downhill-fresh-unsafe-io"
  rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*_* 2>/dev/null || true
  tar -C "$root" --numeric-owner -cf "$base.part" . || die "cannot write $base"
  mv "$base.part" "$base"
  echo "cached the bare system: $base ($(du -m "$base" | cut -f1) MB)"
fi

mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount --bind "$archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# Runs a command in the root with a clean environment: no DISPLAY, no WAYLAND_DISPLAY, no
# QT_QPA_PLATFORM, nothing of this machine's. Extra variables: inroot env VAR=value cmd ...
inroot() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

step "apt-get update"
inroot apt-get update -q >"$work/update.log" 2>&1 || die "apt-get update failed: $(tail -5 "$work/update.log")"
echo "fresh system: Debian $(cat "$root/etc/debian_version"), $(inroot dpkg-query -W -f='.\n' | wc -l) packages"
inroot dpkg-query -W -f='${Package}\n' | sort >"$work/before.txt"
used_before="$(du -sxk "$root" | cut -f1)"

install -m 644 "$deb" "$root/tmp/"
name="$(basename "$deb")"
step "apt-get install -y --no-install-recommends ./$name"
if ! inroot sh -c "cd /tmp && apt-get install -y --no-install-recommends ./$name" >"$work/install.log" 2>&1; then
  cat "$work/install.log" >&2
  die "apt-get install --no-install-recommends ./$name failed on a fresh $suite"
fi
inroot dpkg-query -W -f='${Package}\n' | sort >"$work/after.txt"
mapfile -t pulled < <(comm -13 "$work/before.txt" "$work/after.txt" | grep -vx downhill)
status="$(inroot dpkg-query -W -f='${Status} ${Version}' downhill 2>/dev/null || true)"
[ "$status" = "install ok installed $version" ] || die "downhill is '$status' after apt, not installed at $version"
inroot apt-get check -q >"$work/check.log" 2>&1 || fail "apt-get check: $(cat "$work/check.log")"
own_kib="$(inroot dpkg-query -W -f='${Installed-Size}' downhill)"
pulled_kib="$(inroot dpkg-query -W -f='${Package} ${Installed-Size}\n' |
  awk 'NR == FNR { new[$1] = 1; next } ($1 in new) { kib += $2 } END { print kib + 0 }' <(printf '%s\n' "${pulled[@]}") -)"
used_after="$(du -sxk "$root" | cut -f1)"
echo "apt pulled in ${#pulled[@]} packages besides downhill:"
echo "${pulled[*]}" | fmt -w 98 | sed 's/^/  /'
echo "installed size: downhill $own_kib KiB; with what apt pulled in $(((own_kib + pulled_kib) / 1024)) MiB" \
  "(Installed-Size); the root grew by $(((used_after - used_before) / 1024)) MiB"

step "the installed files"
# Every file of the package is there, and every library the programs and Qt's platform plugins
# need resolves.
while IFS= read -r f; do
  [ -d "$root$f" ] || [ -e "$root$f" ] || fail "dpkg -L downhill lists $f, which is not there"
done < <(inroot dpkg -L downhill)
for f in "$root"/usr/bin/downhill "$root"/usr/bin/downhill-cli "$root"/usr/lib/*/qt6/plugins/platforms/*.so; do
  [ -e "$f" ] || continue
  f="${f#"$root"}"
  missing="$(inroot ldd "$f" 2>&1 | grep 'not found' || true)"
  [ -z "$missing" ] || fail "ldd $f: $(tr -s ' \t\n' ' ' <<<"$missing")"
done

step "the programs, with no display"
out="$(inroot downhill --version 2>&1)" || fail "downhill --version exits $?: $out"
[ "$out" = "Downhill $version" ] || fail "downhill --version says '$out', the package is $version"
out="$(inroot downhill-cli --version 2>&1)" || fail "downhill-cli --version exits $?: $out"
[ "$out" = "downhill-cli $version" ] || fail "downhill-cli --version says '$out', the package is $version"
out="$(inroot downhill --help 2>&1)" || fail "downhill --help exits $?: $out"
grep -q -- "--settings" <<<"$out" || fail "downhill --help lacks --settings: $out"
out="$(inroot downhill-cli --help 2>&1)" || fail "downhill-cli --help exits $?: $out"
grep -qw train <<<"$out" || fail "downhill-cli --help does not list train: $out"

lesson=/usr/share/downhill/lessons/03-canyon-momentum.json
[ -f "$root$lesson" ] || fail "no installed lesson $lesson"
out="$(inroot downhill-cli train --config "$lesson" --steps 20 --out /tmp/path.csv 2>&1)" ||
  fail "downhill-cli train on $lesson exits $?: $out"
lines=0
[ -f "$root/tmp/path.csv" ] && lines="$(wc -l <"$root/tmp/path.csv")"
[ "$lines" -gt 20 ] || fail "downhill-cli train wrote $lines lines to its trajectory, not 21 or more"
echo "downhill-cli train: $lines lines in the trajectory"

out="$(inroot downhill-cli render --config "$lesson" --steps 20 --out /tmp/render.png 2>&1)" ||
  fail "downhill-cli render on $lesson exits $?: $out"
magic=""
[ -f "$root/tmp/render.png" ] && magic="$(head -c 8 "$root/tmp/render.png" | od -An -tx1 | tr -d ' \n')"
[ "$magic" = 89504e470d0a1a0a ] || fail "downhill-cli render did not write a PNG (first bytes '$magic')"
[ -f "$root/tmp/render.png" ] && echo "downhill-cli render: a $(du -k "$root/tmp/render.png" | cut -f1) KiB PNG"

# Starts the window in the root with the given environment (and XDG_RUNTIME_DIR, as a desktop
# session has it), lets it run for $seconds seconds, runs $on_window_up if set, and kills it: it
# must still be running then, and end by the signal alone (exit status 143). What it says is
# shown; a line about something it could not find, load or do (a plugin, a library, a font, an
# OpenGL driver: what a fresh system may lack) fails. $1 names the run; the window's output goes
# to $work/$1.log.
window_run() {
  local label="$1" pid rc=0
  shift
  install -d -m 700 "$root/tmp/runtime"
  inroot env XDG_RUNTIME_DIR=/tmp/runtime "$@" downhill >"$work/$label.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  sleep "$seconds"
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || rc=$?
    fail "the window ($label) ended by itself within $seconds s, exit status $rc: $(tail -5 "$work/$label.log")"
    return 1
  fi
  [ -z "${on_window_up:-}" ] || "$on_window_up" "$pid"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || rc=$?
  [ "$rc" -eq 143 ] || fail "the window ($label) did not end by the TERM signal: exit status $rc: $(tail -5 "$work/$label.log")"
  if [ -s "$work/$label.log" ]; then
    echo "the window ($label) said:"
    sed 's/^/  /' "$work/$label.log" | head -20
  fi
  local complaints
  complaints="$(grep -iE "could ?n[o']t|cannot|can't|unable|fail|not found|no such|error" "$work/$label.log" | head -5 || true)"
  [ -z "$complaints" ] || fail "the window ($label) complained: $complaints"
  [ "$rc" -eq 143 ] && [ -z "$complaints" ]
}

step "the window on the offscreen platform, $seconds s"
window_run offscreen QT_QPA_PLATFORM=offscreen && echo "the window ran $seconds s offscreen and ended by SIGTERM"

# The window on a real X server (Xvfb): a picture of its screen, then View > 3D view (the menu's
# last entry) opened with xdotool, which draws with OpenGL (Mesa's software renderer here, pulled
# in by Qt's Depends), a second picture, and the window must still be up. Xvfb keeps its
# framebuffer in a file (-fbdir, XWD), which ImageMagick here turns into a PNG; -displayfd: Xvfb
# picks a free display (the abstract X sockets are shared with this machine).
grab_screen() {  # $1: where to (a .png)
  if command -v convert >/dev/null; then
    convert "xwd:$root/tmp/fb/Xvfb_screen0" "png:$1" || fail "convert could not read Xvfb's screen"
  else
    cp "$root/tmp/fb/Xvfb_screen0" "${1%.png}.xwd"
    echo "no ImageMagick here: the screen is ${1%.png}.xwd"
  fi
}
on_xvfb() {  # $1: the window's pid
  grab_screen "$screenshot"
  # No window manager gives the window the focus: xdotool does, then Alt+V opens View, Up goes
  # round to its last entry.
  local x=(inroot env DISPLAY=":$display" xdotool)
  if "${x[@]}" search --sync --onlyvisible --name Downhill windowfocus --sync key alt+v sleep 0.5 key Up \
      sleep 0.3 key Return >"$work/xdotool.log" 2>&1; then
    sleep "$seconds"
    if kill -0 "$1" 2>/dev/null; then
      grab_screen "$screenshot_3d"
      echo "View > 3D view opened for $seconds s: $screenshot_3d"
    else
      fail "the window ended after View > 3D view was opened"
    fi
  else
    fail "xdotool could not open View > 3D view: $(tail -3 "$work/xdotool.log")"
  fi
}
if [ "$screenshot" != none ]; then
  screenshot_3d="${screenshot%.png}-3d.png"
  step "installing xvfb and xdotool in the root"
  if inroot apt-get install -y -q --no-install-recommends xvfb xdotool >"$work/xvfb.log" 2>&1; then
    mkdir -p "$root/tmp/fb"
    inroot Xvfb -displayfd 3 -screen 0 1280x800x24 -fbdir /tmp/fb -nolisten tcp 3>"$work/display" \
      >"$work/xvfb-server.log" 2>&1 &
    xvfb=$!
    pids+=("$xvfb")
    for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
    display="$(head -1 "$work/display" 2>/dev/null || true)"
    if [ -z "$display" ]; then
      fail "Xvfb did not start: $(tail -5 "$work/xvfb-server.log")"
    else
      step "the window on Xvfb :$display, $seconds s, then its 3D view $seconds s"
      rm -f "$screenshot" "$screenshot_3d"
      on_window_up=on_xvfb window_run xvfb DISPLAY=":$display" QT_QPA_PLATFORM=xcb &&
        echo "the window ran on Xvfb and ended by SIGTERM; its screen: $screenshot"
    fi
    kill -TERM "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
  else
    echo "SKIP: the window on Xvfb: apt could not install xvfb and xdotool: $(tail -3 "$work/xvfb.log")"
  fi
fi

step "apt-get purge downhill"
inroot apt-get purge -y -q downhill >"$work/purge.log" 2>&1 || fail "apt-get purge downhill: $(tail -5 "$work/purge.log")"
for f in /usr/bin/downhill /usr/bin/downhill-cli /usr/share/downhill /usr/share/doc/downhill; do
  [ ! -e "$root$f" ] || fail "$f is still there after apt-get purge downhill"
done

step "done"
if ((failures)); then
  echo "$failures check(s) failed on a fresh $suite" >&2
  exit 1
fi
echo "fresh install OK: $name on a fresh $suite, in $((SECONDS - started)) s"
