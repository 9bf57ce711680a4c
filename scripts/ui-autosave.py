#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Unsaved work survives `kill -9`. Drives the real viewpoints executable
# through the accessibility tree and the keyboard, as ui-smoke.py does:
#
#   1. starts it on the sample articles, with state, data and
#      configuration folders of its own and an autosave interval of one
#      second (the autosave-interval key, through GSettings' key file
#      backend);
#   2. tags “the kingdom” as Saudi Arabia (Ctrl+T), and waits until the
#      autosave in $XDG_STATE_HOME/viewpoints holds the tag;
#   3. kills it with SIGKILL;
#   4. starts it again, without files, and checks that the work is back:
#      the three columns, the tag (the actors panel counts it as before),
#      the title's unsaved mark, and the toast that says so; takes a
#      screenshot of that;
#   5. presses the toast's Discard, and checks that the window is empty
#      and the autosave gone;
#   6. opens the samples again and ends it with SIGTERM, as a session
#      that ends does: it keeps the work in its autosave and quits.
#
# Run it inside an X display with a D-Bus session started within it:
#
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
#       /usr/bin/python3 scripts/ui-autosave.py
#
# `meson test ui-autosave` does so. Exits 77 (skipped) without AT-SPI,
# xdotool or ImageMagick's import.

import argparse
import glob
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The helpers of ui-smoke.py: waiting, walking the tree, tagging.
spec = importlib.util.spec_from_file_location('ui_smoke', os.path.join(HERE, 'ui-smoke.py'))
smoke = importlib.util.module_from_spec(spec)
spec.loader.exec_module(smoke)

from gi.repository import Atspi, GLib  # noqa: E402  (ui-smoke.py checked they are there)


def fail(message):
    print(f'ui-autosave: FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def find_application(pid):
    """The application of process @pid: one killed may linger in the list."""
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_name() == 'viewpoints' and app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def n_articles(app):
    # Columns going away while the tree is walked make it fail: look again.
    try:
        return sum(1 for n in smoke.walk(app) if n.get_role_name() == 'text')
    except GLib.Error:
        return -1


def window_title(app):
    for node in smoke.walk(app):
        if node.get_role_name() == 'frame':
            return node.get_name() or ''
    return ''


def autosaves(state_dir):
    return glob.glob(os.path.join(state_dir, 'viewpoints', 'autosave-*.viewpoints'))


def autosave_holds_tag(state_dir):
    for path in autosaves(state_dir):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        if 'actor="saudi-arabia"' in text and f'<text>{smoke.TAG_TEXT}</text>' in text:
            return path
    return None


def start(exe, env, files):
    process = subprocess.Popen([exe] + files, env=env)
    app = smoke.wait_for('the application on the accessibility bus',
                         lambda: find_application(process.pid))
    return process, app


def main():
    root = os.path.dirname(HERE)
    parser = argparse.ArgumentParser()
    parser.add_argument('--exe', default=os.path.join(root, 'build', 'src', 'viewpoints'))
    parser.add_argument('--samples', default=os.path.join(root, 'data', 'samples'))
    parser.add_argument('--schemas', default=os.path.join(root, 'build', 'data'))
    parser.add_argument('--screenshot', default='ui-autosave.png')
    args = parser.parse_args()

    if 'DISPLAY' not in os.environ:
        print('ui-autosave: skipped, no display')
        return smoke.SKIP
    for tool in ('import', 'xdotool'):
        if shutil.which(tool) is None:
            print(f'ui-autosave: skipped, {tool} is not installed')
            return smoke.SKIP

    folders = [tempfile.TemporaryDirectory(prefix=f'ui-autosave-{name}-')
               for name in ('config', 'state', 'data')]
    config_dir, state_dir, data_dir = (f.name for f in folders)

    # Settings in a key file of the test's own: the autosave interval,
    # which the memory backend could not carry into the program.
    settings_dir = os.path.join(config_dir, 'glib-2.0', 'settings')
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, 'keyfile'), 'w', encoding='utf-8') as f:
        f.write('[org/example/Viewpoints]\nautosave-interval=uint32 1\n')

    env = dict(os.environ,
               GSETTINGS_SCHEMA_DIR=args.schemas,
               GSETTINGS_BACKEND='keyfile',
               GDK_BACKEND='x11',
               GSK_RENDERER='cairo',
               GDK_DEBUG='gl-disable',
               LANG='C.UTF-8',
               LANGUAGE='en',
               XDG_CONFIG_HOME=config_dir,
               XDG_STATE_HOME=state_dir,
               XDG_DATA_HOME=data_dir,
               VIEWPOINTS_SAMPLES_DIR=args.samples)
    env.pop('GTK_A11Y', None)

    samples = sorted(glob.glob(os.path.join(args.samples, '*.html')))
    if len(samples) < 3:
        fail(f'expected three sample articles in {args.samples}')

    process = None
    try:
        # 1. The first run, and a change.
        process, app = start(args.exe, env, samples)
        smoke.wait_for(f'{len(samples)} articles', lambda: n_articles(app) >= len(samples))
        subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--name', 'Viewpoints$',
                        'windowsize', '100%', '100%'], check=True, timeout=20)
        time.sleep(1.0)

        smoke.tag_in_panel(app, args)
        tagged = smoke.wait_for('the counts of Saudi Arabia',
                                lambda: smoke.panel_counts(app, 'Saudi Arabia'))
        if not window_title(app).startswith('• '):
            fail(f'the title “{window_title(app)}” does not say the work is unsaved')

        # 2. The autosave holds it within the interval.
        path = smoke.wait_for('the autosave with the tag', lambda: autosave_holds_tag(state_dir),
                              timeout=15)
        print(f'ui-autosave: {os.path.basename(path)} holds the tag')

        # 3. Killed: nothing runs, and nothing is deleted.
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        process = None
        if not autosave_holds_tag(state_dir):
            fail('the autosave is gone with the program')
        print('ui-autosave: killed with SIGKILL, the autosave is still there')

        # 4. The next start brings the work back, and says so.
        process, app = start(args.exe, env, [])
        smoke.wait_for(f'{len(samples)} restored articles',
                       lambda: n_articles(app) >= len(samples))
        toast = smoke.wait_for('the toast', lambda: smoke.find(app, 'label', 'was restored'))
        print(f'ui-autosave: the toast says “{toast.get_name()}”')
        title = window_title(app)
        if title != '• Unsaved Workspace — Viewpoints':
            fail(f'the title is “{title}”')

        subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--name', 'Viewpoints$',
                        'windowsize', '100%', '100%'], check=True, timeout=20)
        # The panel is shown as the first run left it (a setting).
        smoke.wait_for('the actors panel', lambda: smoke.find(app, 'list', 'Actors'))
        restored = smoke.wait_for('the counts of Saudi Arabia',
                                  lambda: smoke.panel_counts(app, 'Saudi Arabia'))
        if restored != tagged:
            fail(f'Saudi Arabia counts {restored} after the restart, {tagged} before')
        print(f'ui-autosave: Saudi Arabia counts {restored}, as before the crash')

        time.sleep(0.5)
        subprocess.run(['import', '-window', 'root', args.screenshot], check=True, timeout=30)
        print(f'ui-autosave: screenshot in {args.screenshot}')

        # 5. The toast's Discard drops the restored work, and its autosave.
        button = smoke.wait_for('the Discard button',
                                lambda: smoke.find(app, 'push button', 'Discard'))
        Atspi.Action.do_action(button, smoke.action_index(button, 'click'))
        smoke.wait_for('an empty window', lambda: n_articles(app) == 0)
        smoke.wait_for('no autosave', lambda: not autosaves(state_dir))
        if window_title(app) != 'Viewpoints':
            fail(f'the title is “{window_title(app)}” once discarded')
        print('ui-autosave: discarded, the window is empty and the autosave gone')

        # 6. Ended from outside, it quits without asking, work kept.
        button = smoke.wait_for('the samples button',
                                lambda: smoke.find(app, 'push button', 'Open Sample Articles'))
        Atspi.Action.do_action(button, smoke.action_index(button, 'click'))
        smoke.wait_for('the samples again', lambda: n_articles(app) >= len(samples))
        process.terminate()
        status = process.wait(timeout=10)
        process = None
        if status != 0:
            fail(f'ended with SIGTERM, the program exited with {status}')
        kept = autosaves(state_dir)
        if len(kept) != 1:
            fail(f'ended with SIGTERM, the program left {len(kept)} autosaves')
        with open(kept[0], encoding='utf-8') as f:
            if f.read().count('<article ') != len(samples):
                fail('the autosave written at SIGTERM does not hold the articles')
        print('ui-autosave: ended with SIGTERM, the work is in the autosave')
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for folder in folders:
            folder.cleanup()

    return 0


if __name__ == '__main__':
    sys.exit(main())
