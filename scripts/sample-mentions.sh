#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints the precision and recall of the automatic tagger on the sample
# articles (data/samples/*.html), against the mentions of the default
# actors found by hand in tests/data/samples-mentions.json.
#
#   scripts/sample-mentions.sh [BUILD-DIR]     (default: build)
set -euo pipefail

cd "$(dirname "$0")/.."
build=${1:-build}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dwerror=true
fi
ninja -C "$build" tests/test-samples >/dev/null

G_TEST_SRCDIR="$PWD/tests" G_TEST_BUILDDIR="$PWD/$build/tests" \
  "$build/tests/test-samples" --figures
