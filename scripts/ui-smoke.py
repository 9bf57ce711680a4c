#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real viewpoints executable as a user would, through the
# accessibility tree: opens the sample articles, activates a point of an
# outline, checks that its article scrolled to it, and takes a
# screenshot of the screen.
#
# With --actors it tags instead: it opens two of the samples with a few
# more of the bundled actors switched on, shows the actors panel
# (Shift+F9), selects “the kingdom” in an article and tags it as Saudi
# Arabia through “Tag as…” (Ctrl+T, a few letters, Enter), checks that
# the actor's counts in the panel grew, and takes a screenshot; --dark
# does it in the dark style.
#
# With --compare it opens the comparison under the columns (Ctrl+M),
# shows the matching proposals, goes to the naval hotline that all three
# samples propose, checks that the first and the last article scrolled to
# theirs, and takes a screenshot.
#
# Needs an X display with a D-Bus session inside it (the order matters:
# the accessibility bus must see DISPLAY), so run it as
#
#   xvfb-run -a -s "-screen 0 1800x1000x24" dbus-run-session -- \
#       /usr/bin/python3 scripts/ui-smoke.py --screenshot data/screenshots/main-window.png
#   xvfb-run -a -s "-screen 0 1800x1000x24" dbus-run-session -- \
#       /usr/bin/python3 scripts/ui-smoke.py --actors --screenshot data/screenshots/actors.png
#   xvfb-run -a -s "-screen 0 1800x1000x24" dbus-run-session -- \
#       /usr/bin/python3 scripts/ui-smoke.py --compare --screenshot data/screenshots/comparison.png
#
# which is how the README's screenshots are made; `meson test ui-smoke` runs
# it the same way at 1280×800. Use /usr/bin/python3: it has gi and Atspi.
# Exits 77 (skipped) when those tools are missing.

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
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

# What --actors tags, and the actors it switches on besides the default.
TAG_ARTICLE = 'Riyadh should lead the Gulf dialogue'
TAG_TEXT = 'the kingdom'
MORE_ACTORS = ('iraq', 'oman', 'yemen')

# What --compare goes to: the hotline of the last article, matched with
# the first's (POINT).
LAST_ARTICLE = 'Riyadh should lead the Gulf dialogue'
LAST_POINT = 'Riyadh and Tehran should set up a direct hotline'


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


def xdotool(*arguments):
    subprocess.run(['xdotool'] + list(arguments), check=True, timeout=20)


def panel_counts(app, actor):
    # A row of the actors panel is named "Saudi Arabia, State"; its
    # counts are the labels of digits in it.
    panel = find(app, 'list', 'Actors')
    row = find(panel, 'panel', f'{actor}, ') if panel is not None else None
    if row is None:
        return None
    return [n.get_name() for n in walk(row)
            if n.get_role_name() == 'label' and re.fullmatch(r'[0-9 ·]+', n.get_name() or '')]


def tag_in_panel(app, args):
    """Tags a phrase through Ctrl+T, as --actors asks."""
    xdotool('key', 'shift+F9')
    wait_for('the actors panel', lambda: find(app, 'list', 'Actors'))
    before = wait_for('the counts of Saudi Arabia', lambda: panel_counts(app, 'Saudi Arabia'))

    text = wait_for('the article view', lambda: find(app, 'text', TAG_ARTICLE))
    content = Atspi.Text.get_text(text, 0, Atspi.Text.get_character_count(text))
    start = content.find(TAG_TEXT)
    if start < 0:
        fail(f'the article does not contain “{TAG_TEXT}”')

    # Select it as a reader may: find it (Ctrl+F), go to the match,
    # which selects it, and close the find bar.
    xdotool('key', 'ctrl+f')
    time.sleep(0.5)
    xdotool('type', '--delay', '40', TAG_TEXT)
    time.sleep(0.5)
    xdotool('key', 'Return')
    time.sleep(0.3)
    xdotool('key', 'Escape')
    time.sleep(1.0)

    xdotool('key', 'ctrl+t')
    wait_for('the tag picker', lambda: find(app, 'text', 'Find an Actor') or
             find(app, 'entry', 'Find an Actor'))
    time.sleep(0.5)
    xdotool('type', '--delay', '40', 'saudi')
    time.sleep(0.5)
    xdotool('key', 'Return')

    after = wait_for('the new count of Saudi Arabia',
                     lambda: (lambda c: c if c and c != before else None)(panel_counts(app, 'Saudi Arabia')))
    print(f'ui-smoke: Saudi Arabia went from {before} to {after}')

    # Leave the new tag in sight, unselected.
    try:
        Atspi.Text.set_caret_offset(text, start)
    except GLib.Error:
        pass
    time.sleep(1.0)


def go_to_group(app):
    """Opens the comparison and goes to the first group, as --compare asks."""
    first = wait_for('the first article view', lambda: find(app, 'text', ARTICLE))
    last = wait_for('the last article view', lambda: find(app, 'text', LAST_ARTICLE))
    window = wait_for('the window', lambda: find(app, 'frame', 'Viewpoints'))

    xdotool('key', 'ctrl+m')
    tab = wait_for('the comparison', lambda: find(app, 'page tab', 'Matching Proposals'))
    Atspi.Action.do_action(tab, action_index(tab, 'click'))
    row = wait_for('the first group', lambda: find(app, 'list item', 'Matching proposals 1,'))
    if 'in 3 of 3 articles' not in row.get_name():
        fail(f'the first group is not in all three articles: {row.get_name()}')
    time.sleep(0.5)

    # The pane takes room from the columns: measure once it is there.
    height = Atspi.Component.get_extents(window, Atspi.CoordType.SCREEN).height

    def point_y(text, point):
        content = Atspi.Text.get_text(text, 0, Atspi.Text.get_character_count(text))
        offset = content.find(point)
        if offset < 0:
            fail(f'the article does not contain “{point}”')
        return Atspi.Text.get_character_extents(text, offset, Atspi.CoordType.WINDOW).y

    before = point_y(first, POINT)
    if 0 <= before < height / 2:
        fail(f"the first article's point is on screen before the jump (y={before})")

    Atspi.Action.do_action(row, action_index(row, 'row.activate'))

    for text, point in ((first, POINT), (last, LAST_POINT)):
        wait_for(f'“{point}” on screen', lambda: 0 <= point_y(text, point) < height / 2)
    print(f"ui-smoke: the first article's point moved from y={before} to y={point_y(first, POINT)}")

    # While the highlights are still showing.
    time.sleep(0.3)


def write_actors(config_dir, source):
    """The bundled actors, with a few more switched on."""
    with open(source, encoding='utf-8') as f:
        xml = f.read()
    for actor in MORE_ACTORS:
        xml = re.sub(rf'(<actor id="{actor}"[^>]*enabled=")false"', r'\1true"', xml)
    folder = os.path.join(config_dir, 'viewpoints')
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, 'actors.xml'), 'w', encoding='utf-8') as f:
        f.write(xml)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser()
    parser.add_argument('--exe', default=os.path.join(root, 'build', 'src', 'viewpoints'))
    parser.add_argument('--samples', default=os.path.join(root, 'data', 'samples'))
    parser.add_argument('--schemas', default=os.path.join(root, 'build', 'data'))
    parser.add_argument('--screenshot', default='ui-smoke.png')
    parser.add_argument('--actors', action='store_true',
                        help='tag through the actors panel instead of jumping to a point')
    parser.add_argument('--compare', action='store_true',
                        help='go to matching proposals from the comparison instead')
    parser.add_argument('--dark', action='store_true', help='in the dark style')
    args = parser.parse_args()

    if 'DISPLAY' not in os.environ:
        print('ui-smoke: skipped, no display')
        return SKIP
    for tool in ('import', 'xdotool'):
        if shutil.which(tool) is None:
            print(f'ui-smoke: skipped, {tool} is not installed')
            return SKIP

    # The user's actor set lives in the configuration folder, recent files
    # in the data folder and unsaved work in the state folder: never the
    # developer's own.
    config_dir = tempfile.TemporaryDirectory(prefix='ui-smoke-')
    state_dir = tempfile.TemporaryDirectory(prefix='ui-smoke-state-')
    data_dir = tempfile.TemporaryDirectory(prefix='ui-smoke-data-')

    env = dict(os.environ,
               GSETTINGS_SCHEMA_DIR=args.schemas,
               GSETTINGS_BACKEND='memory',
               GDK_BACKEND='x11',
               GSK_RENDERER='cairo',
               GDK_DEBUG='gl-disable',
               LANG='C.UTF-8',
               LANGUAGE='en',
               XDG_CONFIG_HOME=config_dir.name,
               XDG_STATE_HOME=state_dir.name,
               XDG_DATA_HOME=data_dir.name,
               VIEWPOINTS_SAMPLES_DIR=args.samples)
    env.pop('GTK_A11Y', None)
    if args.dark:
        env['ADW_DEBUG_COLOR_SCHEME'] = 'prefer-dark'

    samples = sorted(glob.glob(os.path.join(args.samples, '*.html')))
    if len(samples) < 3:
        fail(f'expected three sample articles in {args.samples}')

    if args.actors:
        # Two columns leave room for the panel on a 1800-pixel screen.
        samples = [s for s in samples if os.path.basename(s) != 'leverage-before-talks.html']
        write_actors(config_dir.name, os.path.join(root, 'data', 'actors.xml'))

    app_process = subprocess.Popen([args.exe] + samples, env=env)
    try:
        app = wait_for('the application on the accessibility bus', find_application)
        wait_for(f'{len(samples)} articles',
                 lambda: sum(1 for n in walk(app) if n.get_role_name() == 'text') >= len(samples))

        # Fill the screen: with no window manager the window sits at the
        # top left at its default size. Its title names the workspace
        # first ("• Unsaved Workspace — Viewpoints").
        subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--name', 'Viewpoints$',
                        'windowsize', '100%', '100%'], check=True, timeout=20)
        time.sleep(1.0)

        if args.actors or args.compare:
            if args.actors:
                tag_in_panel(app, args)
            else:
                go_to_group(app)
            subprocess.run(['import', '-window', 'root', args.screenshot], check=True, timeout=30)
            print(f'ui-smoke: screenshot in {args.screenshot}')
            return 0

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
        config_dir.cleanup()
        state_dir.cleanup()
        data_dir.cleanup()

    return 0


if __name__ == '__main__':
    sys.exit(main())
