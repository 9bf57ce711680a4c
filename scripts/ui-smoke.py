#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real viewpoints executable as a user would, through the
# accessibility tree: opens the sample articles, activates a point of an
# outline, checks that its article scrolled to it, and takes a
# screenshot of the screen.
#
# Needs an X display with a D-Bus session inside it (the order matters:
# the accessibility bus must see DISPLAY), so run it as
#
#   xvfb-run -a -s "-screen 0 1800x1000x24" dbus-run-session -- \
#       /usr/bin/python3 scripts/ui-smoke.py --screenshot data/screenshots/main-window.png
#
# which is how the README's screenshot is made; `meson test ui-smoke` runs
# it the same way at 1280×800. Use /usr/bin/python3: it has gi and Atspi.
# Exits 77 (skipped) when those tools are missing.

import argparse
import glob
import os
import shutil
import subprocess
import sys
import time

SKIP = 77

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as error:
    print(f'ui-smoke: skipped, no AT-SPI bindings ({error})')
    sys.exit(SKIP)

# The point to open: the third proposal of "Washington should back the
# Gulf dialogue", well below the first screen of its column.
ARTICLE = 'Washington should back the Gulf dialogue'
POINT = 'A maritime hotline should connect'


def fail(message):
    print(f'ui-smoke: FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def wait_for(what, check, timeout=30.0):
    deadline = time.monotonic() + timeout
    context = GLib.MainContext.default()
    while time.monotonic() < deadline:
        # AT-SPI keeps the desktop's list of applications up to date from
        # D-Bus signals, which are only read while the main context runs:
        # without this, an application that registers after the first look
        # is never seen.
        while context.pending():
            context.iteration(False)
        result = check()
        if result:
            return result
        time.sleep(0.1)
    fail(f'timed out waiting for {what}')


def walk(node):
    yield node
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child)


def find_application():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == 'viewpoints':
            return app
    return None


def find(app, role, name_part):
    for node in walk(app):
        name = node.get_name() or ''
        if node.get_role_name() == role and name_part in name:
            return node
    return None


def action_index(node, name):
    for i in range(Atspi.Action.get_n_actions(node)):
        if Atspi.Action.get_action_name(node, i) == name:
            return i
    fail(f'“{node.get_name()}” has no action {name}')


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser()
    parser.add_argument('--exe', default=os.path.join(root, 'build', 'src', 'viewpoints'))
    parser.add_argument('--samples', default=os.path.join(root, 'data', 'samples'))
    parser.add_argument('--schemas', default=os.path.join(root, 'build', 'data'))
    parser.add_argument('--screenshot', default='ui-smoke.png')
    args = parser.parse_args()

    if 'DISPLAY' not in os.environ:
        print('ui-smoke: skipped, no display')
        return SKIP
    for tool in ('import', 'xdotool'):
        if shutil.which(tool) is None:
            print(f'ui-smoke: skipped, {tool} is not installed')
            return SKIP

    env = dict(os.environ,
               GSETTINGS_SCHEMA_DIR=args.schemas,
               GSETTINGS_BACKEND='memory',
               GDK_BACKEND='x11',
               GSK_RENDERER='cairo',
               GDK_DEBUG='gl-disable',
               LANG='C.UTF-8',
               LANGUAGE='en',
               VIEWPOINTS_SAMPLES_DIR=args.samples)
    env.pop('GTK_A11Y', None)

    samples = sorted(glob.glob(os.path.join(args.samples, '*.html')))
    if len(samples) < 3:
        fail(f'expected three sample articles in {args.samples}')

    app_process = subprocess.Popen([args.exe] + samples, env=env)
    try:
        app = wait_for('the application on the accessibility bus', find_application)
        wait_for('three articles',
                 lambda: sum(1 for n in walk(app) if n.get_role_name() == 'text') >= 3)

        # Fill the screen: with no window manager the window sits at the
        # top left at its default size.
        subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--name', '^Viewpoints$',
                        'windowsize', '100%', '100%'], check=True, timeout=20)
        time.sleep(1.0)

        text = wait_for('the article view', lambda: find(app, 'text', ARTICLE))
        content = Atspi.Text.get_text(text, 0, Atspi.Text.get_character_count(text))
        target = content.find(POINT)
        if target < 0:
            fail(f'the article does not contain “{POINT}”')

        window = wait_for('the window', lambda: find(app, 'frame', 'Viewpoints'))
        height = Atspi.Component.get_extents(window, Atspi.CoordType.SCREEN).height

        def point_y():
            return Atspi.Text.get_character_extents(text, target, Atspi.CoordType.WINDOW).y

        before = point_y()
        if 0 <= before < height:
            fail(f'the point is on screen before the jump (y={before})')

        row = wait_for('the outline row', lambda: find(app, 'panel', POINT))
        Atspi.Action.do_action(row, action_index(row, 'row.activate'))

        # The caret moves to the point's block, and the view scrolls it into
        # sight (to the top when the text below it is long enough).
        wait_for('the caret at the point',
                 lambda: 0 < target - Atspi.Text.get_caret_offset(text) <= 4)
        wait_for('the point on screen', lambda: 0 <= point_y() < height - 40)
        print(f'ui-smoke: the point moved from y={before} to y={point_y()} of {height}')

        # While the highlight is still showing.
        time.sleep(0.3)
        subprocess.run(['import', '-window', 'root', args.screenshot], check=True, timeout=30)
        print(f'ui-smoke: screenshot in {args.screenshot}')
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()

    return 0


if __name__ == '__main__':
    sys.exit(main())
