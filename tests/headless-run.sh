#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# headless-run.sh COMMAND…: runs COMMAND on a private X server and D-Bus
# session, as the test setup 'headless' does for every test.
#
# Xvfb picks a free display number itself (-displayfd) and says which once
# it accepts connections. xvfb-run -a instead guesses a number from lock
# files, and tests started together can pick the same one: one of them then
# talks to the other's server and loses it when that test ends.
set -eu

fifo_dir=$(mktemp -d)
trap 'kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; rm -rf "$fifo_dir"' EXIT
mkfifo "$fifo_dir/display"

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
  3>"$fifo_dir/display" 2>"$fifo_dir/xvfb.log" &
xvfb_pid=$!

# Blocks until the server is ready and has written its number.
read -r number <"$fifo_dir/display" || {
  echo "headless-run: Xvfb did not start:" >&2
  cat "$fifo_dir/xvfb.log" >&2
  exit 1
}

DISPLAY=":$number"
export DISPLAY
unset WAYLAND_DISPLAY

# The accessibility bus is started by the session bus and inherits its
# environment, so the session must start after DISPLAY is set.
dbus-run-session -- "$@"
