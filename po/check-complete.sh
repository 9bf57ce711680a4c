#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-complete.sh SRCDIR LANG: fails when LANG.po lacks a translation of
# any string in the sources today, or when a source file with translatable
# strings is missing from POTFILES.in. Extracts the strings the way
# meson's glib gettext preset does, into a scratch folder.
set -eu
srcdir=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$srcdir"

# Every C file that marks strings for translation must be listed.
missing=$(grep -lE '(^|[^A-Za-z_])(N?_|C_|g_dngettext) ?\(' src/*.c src/core/*.c 2>/dev/null |
          while read -r f; do grep -qxF "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in:" $missing
  exit 1
fi

grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --files-from="$tmp/files" --directory="$srcdir" --output="$tmp/all.pot" \
  --from-code=UTF-8 --add-comments --package-name=viewpoints \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "po/$lang.po" "$tmp/all.pot"
stats=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/$lang.po is not complete: run the viewpoints-update-po target and translate"; exit 1 ;;
esac
