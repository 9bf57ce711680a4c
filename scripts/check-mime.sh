#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Registers the workspace MIME type in a scratch MIME database, as
# update-mime-database does on installation, and checks that GIO then
# recognises a workspace by its name and, under another name, by its
# contents.
#
#   scripts/check-mime.sh MIME.xml WORKSPACE.viewpoints
set -eu

mime_xml=$1
sample=$2
type=application/x-viewpoints

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/data/mime/packages"
cp "$mime_xml" "$tmp/data/mime/packages/org.example.Viewpoints.xml"

# The database is looked up where XDG_DATA_DIRS says; update-mime-database
# complains on standard error about what it cannot use.
XDG_DATA_HOME="$tmp/none"
XDG_DATA_DIRS="$tmp/data:/usr/share"
export XDG_DATA_HOME XDG_DATA_DIRS
update-mime-database "$tmp/data/mime" 2>"$tmp/errors"
if [ -s "$tmp/errors" ]; then
  cat "$tmp/errors" >&2
  exit 1
fi

cp "$sample" "$tmp/named.viewpoints"
cp "$sample" "$tmp/no-suffix"
printf '<?xml version="1.0"?>\n<notes xmlns="https://example.com/notes"/>\n' >"$tmp/other-xml"

# A workspace by its name, or by its contents when its name says nothing
# (GIO, like xdg-mime, believes a name that gives one type, such as
# "*.xml", without looking inside); other XML is not one.
status=0
for check in named.viewpoints:$type no-suffix:$type other-xml:application/xml; do
  file=${check%%:*}
  expected=${check#*:}
  found=$(GIO_USE_VFS=local gio info -a standard::content-type "$tmp/$file" |
          sed -n 's/.*standard::content-type: //p')
  echo "$file: $found"
  [ "$found" = "$expected" ] || status=1
done

exit $status
