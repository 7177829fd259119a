#!/usr/bin/env bash
# Downhill quick start for Debian 12. Installs what is missing, builds, then either launches the
# window or runs the whole test suite.
#   ./setup.sh run     install, build, launch downhill with the built-in dataset
#   ./setup.sh test    install, build (warnings are errors), run every test with CTest
#   ./setup.sh test-headless   the same without the window: core, session and downhill-cli on Qt
#                      Core alone (-DDOWNHILL_BUILD_GUI=OFF), in build-headless/
#   ./setup.sh bench   install, build the benchmarks and run them (see bench/README.md)
#   ./setup.sh fuzz    install clang, build the libFuzzer targets in build-fuzz/ and run each for
#                      SECONDS (or FUZZ_SECONDS) seconds, default 60, from its seed corpus
#   ./setup.sh test-asan   install clang, build everything with ASan and UBSan (warnings are
#                      errors) in build-asan/ and run the whole suite, leaks checked, then each
#                      fuzz target for 60 s (FUZZ_SECONDS) from its seed corpus, in the same build
#   ./setup.sh test-tsan   install clang, build the threaded parts' tests with ThreadSanitizer in
#                      build-tsan/ and run them
#   (fuzzing, sanitizers and the parsers' limits: docs/hardening.md)
#   ./setup.sh package install, make the Debian package from a portable Release build in
#                      build-package/ and check it (tools/check_package.sh): build-package/*.deb
#   ./setup.sh package-fresh   the same, then install that package with apt on a fresh minimal
#                      Debian 12 bootstrapped into a temporary root and run it there
#                      (tools/check_package_fresh.sh: root, via sudo, and the network to Debian)
set -euo pipefail

start_seconds="$SECONDS"
mode="${1:-run}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# qt6-datavisualization-dev is for the 3D view (optional in CMake); Debian 12's package does not
# pull in the CMake configs its own config asks for (Qt6OpenGL, Qt6Qml, Qt6Quick), hence the two
# after it: without them CMake quietly builds the window without the 3D view. The translations
# need Qt's LinguistTools: the CMake package (qt6-tools-dev) and lupdate/lrelease
# (qt6-l10n-tools); qt6-translations-l10n holds Qt's own strings (qtbase_de.qm, qtbase_fr.qm)
# for the window.
packages=(g++ cmake ninja-build pkg-config qt6-base-dev qt6-svg-dev libqcustomplot-dev libqcustomplot2.1-qt6
  libeigen3-dev libpng-dev libgl-dev qt6-datavisualization-dev libqt6opengl6-dev qt6-declarative-dev
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n)
case "$mode" in
  run|test|test-headless) ;;
  bench) packages+=(libbenchmark-dev python3-numpy) ;;
  fuzz|test-asan|test-tsan) packages+=(clang-14 libclang-rt-14-dev) ;;
  # dpkg-shlibdeps (dpkg-dev) finds the package's Depends; help2man makes the man pages; the
  # rest check the result.
  package) packages+=(dpkg-dev fakeroot help2man desktop-file-utils appstream lintian file) ;;
  # debootstrap makes the fresh system; ImageMagick turns the window's screen there into a PNG.
  package-fresh) packages+=(dpkg-dev fakeroot help2man desktop-file-utils appstream lintian file debootstrap
    imagemagick) ;;
  *) echo "usage: $0 run|test|test-headless|test-asan|test-tsan|bench|fuzz|package|package-fresh" >&2; exit 2 ;;
esac

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Runs each libFuzzer target of build $1 for $2 seconds from its seed corpus; 1 if any found
# something. detect_leaks: a leak is a finding too. Inputs up to 1 MB (the readers' files are
# small); more than 2 GB of memory for one, or any single allocation over 256 MB, is a finding.
run_fuzz_targets() {
  local build="$1" seconds="$2" status=0 target corpus log rc
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export ASAN_OPTIONS UBSAN_OPTIONS
  for target in csv image_folder png settings run_file; do
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    local dict=()
    case "$target" in
      csv|image_folder) dict=(-dict="$here/tests/fuzz/csv.dict") ;;
      png) dict=(-dict="$here/tests/fuzz/png.dict") ;;
      settings|run_file) dict=(-dict="$here/tests/fuzz/json.dict") ;;
    esac
    echo "== fuzz_$target: $seconds s"
    # New inputs go to the build's corpus; the seeds in the tree stay as they are.
    log="$build/fuzz_$target.log"
    rc=0
    "$build/tests/fuzz/fuzz_$target" "$corpus" "$here/tests/fuzz/corpus/$target" "${dict[@]}" \
      -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=256 -max_len=1048576 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$build/fuzz_$target-" >"$log" 2>&1 || rc=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|SUMMARY' "$log" || true
    if [ "$rc" -ne 0 ]; then
      echo "fuzz_$target found something (exit $rc): see $log and $build/fuzz_$target-*" >&2
      status=1
    fi
  done
  return "$status"
}
# SECONDS is bash's own clock, which starts from the value given in the environment.
fuzz_seconds="${FUZZ_SECONDS:-$start_seconds}"
[ "$fuzz_seconds" -gt 1 ] || fuzz_seconds=60

if [ "$mode" = fuzz ]; then
  # Only the readers' libraries and the five targets: core and session, instrumented.
  build="${DOWNHILL_BUILD_DIR:-$here/build-fuzz}"
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DDOWNHILL_FUZZ=ON -DDOWNHILL_BUILD_GUI=OFF -DDOWNHILL_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j "$(nproc)" --target downhill_fuzz
  status=0
  run_fuzz_targets "$build" "$fuzz_seconds" || status=1
  exit "$status"
fi
if [ "$mode" = test-asan ]; then
  # clang, not g++: GCC's warnings change under -fsanitize (false -Wmaybe-uninitialized and
  # -Wstringop-* reports), and this build keeps warnings as errors. -O1 with line tables: a
  # readable stack at half the cost of full debug information. docs/hardening.md#sanitizers
  build="${DOWNHILL_BUILD_DIR:-$here/build-asan}"
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DDOWNHILL_WERROR=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" -DDOWNHILL_FUZZ=ON >/dev/null
  cmake --build "$build" -j "$(nproc)"
  # intercept_tls_get_addr=0: clang 14's LeakSanitizer on Debian 12's glibc 2.36 crashes at exit
  # reading a bogus dynamic-TLS range ("Tracer caught signal 11", "DTLS ... at 0x...b7b0"), a
  # runtime bug, not a finding; leaks are still checked. docs/hardening.md#sanitizers
  export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:intercept_tls_get_addr=0"
  export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
  echo "$mode: the suite passed after $((SECONDS - start_seconds)) s"
  # The same instrumented build holds the fuzz targets (DOWNHILL_FUZZ): a short run of each.
  status=0
  run_fuzz_targets "$build" "$fuzz_seconds" || status=1
  echo "$mode: $((SECONDS - start_seconds)) s"
  exit "$status"
fi
if [ "$mode" = test-tsan ]; then
  # The threaded parts alone, under ThreadSanitizer: the thread pool and the grids it runs, the
  # training, race and landscape workers and their controllers, the snapshot hand-over. Qt Core
  # is not instrumented; tests/sanitizers/tsan.supp says which of its reports are suppressed and
  # why. docs/hardening.md#sanitizers
  build="${DOWNHILL_BUILD_DIR:-$here/build-tsan}"
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DDOWNHILL_WERROR=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" -DDOWNHILL_TSAN=ON \
    -DDOWNHILL_BUILD_GUI=OFF >/dev/null
  tsan_tests=(core_test_thread_pool core_test_landscape core_test_network_plane_grid session_test_snapshot_buffer
    session_test_landscape_worker session_test_training_worker session_test_training_controller session_test_race_worker
    session_test_race_controller)
  cmake --build "$build" -j "$(nproc)" --target "${tsan_tests[@]}"
  export TSAN_OPTIONS="suppressions=$here/tests/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1:print_suppressions=0"
  regex="$(printf '%s|' "${tsan_tests[@]}" | sed -e 's/_test_/\/test_/g' -e 's/|$//')"
  ctest --test-dir "$build" --output-on-failure -j "$(nproc)" -R "^($regex)\$"
  echo "$mode: $((SECONDS - start_seconds)) s"
  exit 0
fi
if [ "$mode" = package ]; then
  exec "$here/tools/check_package.sh" "${DOWNHILL_BUILD_DIR:-$here/build-package}"
fi
if [ "$mode" = package-fresh ]; then
  build="${DOWNHILL_BUILD_DIR:-$here/build-package}"
  "$here/tools/check_package.sh" "$build"
  fresh=("$here/tools/check_package_fresh.sh")
  [ -z "$sudo" ] || fresh=(sudo --preserve-env=DOWNHILL_CACHE_DIR,DOWNHILL_FRESH_SECONDS,DOWNHILL_FRESH_SCREENSHOT "${fresh[@]}")
  exec "${fresh[@]}" "$(ls -t "$build"/downhill_*.deb | head -1)"
fi

build="${DOWNHILL_BUILD_DIR:-$here/build}"
werror=OFF
bench=OFF
gui=ON
[ "$mode" = test ] && werror=ON
[ "$mode" = bench ] && bench=ON
if [ "$mode" = test-headless ]; then
  werror=ON
  gui=OFF
  build="${DOWNHILL_BUILD_DIR:-$here/build-headless}"
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DDOWNHILL_WERROR="$werror" -DDOWNHILL_BUILD_BENCH="$bench" -DDOWNHILL_BUILD_GUI="$gui" >/dev/null
cmake --build "$build" -j "$(nproc)"

case "$mode" in
  run) exec "$build/app/downhill" ;;
  test|test-headless) ctest --test-dir "$build" --output-on-failure -j "$(nproc)" ;;
  bench) "$here/bench/run_all.sh" "$build" ;;
esac
