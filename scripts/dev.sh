#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Set up, build, run and test Viewpoints on Debian 12.
#
#   scripts/dev.sh run        install what is missing, build, open the sample articles
#   scripts/dev.sh test       install what is missing, build (warnings are errors), run every test
#   scripts/dev.sh sanitize   the core tests under AddressSanitizer and UBSan
#   scripts/dev.sh fuzz [S]   build the fuzzers with clang and run each for S seconds (default 60)
#   scripts/dev.sh deps       only install the Debian packages that are missing
set -euo pipefail

cd "$(dirname "$0")/.."

# Everything the build, the tests and the tools need, from Debian 12.
packages=(
  gcc meson ninja-build pkg-config gettext git
  libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils libjson-glib-dev
  libgtk-4-dev libadwaita-1-dev libpango1.0-dev libcairo2-dev
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-gi gir1.2-atspi-2.0
  poppler-utils libpoppler-glib-dev imagemagick xdotool fonts-dejavu-core
)
sanitizer_packages=(clang libclang-rt-14-dev llvm)

install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  if [ ! -f build/build.ninja ]; then
    meson setup build -Dwerror=true
  fi
  meson compile -C build
}

# Runs the built program in place, with its schemas and translations.
run_uninstalled() {
  GSETTINGS_SCHEMA_DIR="$PWD/build/data" exec ./build/src/viewpoints "$@"
}

cmd=${1:-run}
shift || true

case "$cmd" in
  deps)
    install_missing "${packages[@]}"
    ;;
  run)
    install_missing "${packages[@]}"
    build
    shopt -s nullglob
    samples=(data/samples/*.html)
    run_uninstalled "${samples[@]}" "$@"
    ;;
  test)
    install_missing "${packages[@]}"
    build
    meson test -C build --print-errorlogs "$@"
    ;;
  sanitize)
    install_missing "${packages[@]}" "${sanitizer_packages[@]}"
    if [ ! -f build-asan/build.ninja ]; then
      meson setup build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
    fi
    meson compile -C build-asan
    ASAN_OPTIONS=detect_leaks=1 meson test -C build-asan --suite core --print-errorlogs "$@"
    ;;
  fuzz)
    seconds=${1:-60}
    install_missing "${packages[@]}" "${sanitizer_packages[@]}"
    if [ ! -f build-fuzz/build.ninja ]; then
      CC=clang meson setup build-fuzz -Dwerror=true -Dfuzzing=true \
        -Db_sanitize=address,undefined -Db_lundef=false
    fi
    meson compile -C build-fuzz
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    for kind in html text; do
      # Start from our own fixtures; the fuzzer's new inputs go to a scratch folder.
      corpus=$(mktemp -d)
      cp -r tests/data/"$kind"/. "$corpus"/ 2>/dev/null || true
      echo "Fuzzing the $kind importer for $seconds s"
      build-fuzz/fuzz/fuzz-"$kind"-importer -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 "$corpus"
      rm -rf "$corpus"
    done
    corpus=$(mktemp -d)
    cp -r tests/data/workspaces/. "$corpus"/
    echo "Fuzzing the workspace reader for $seconds s"
    build-fuzz/fuzz/fuzz-workspace-reader -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 "$corpus"
    rm -rf "$corpus"
    ;;
  *)
    echo "usage: scripts/dev.sh run|test|sanitize|fuzz [SECONDS]|deps" >&2
    exit 2
    ;;
esac
