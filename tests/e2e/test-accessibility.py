#!/usr/bin/env python3
# test-accessibility.py — every control a person can reach in the running
# application has a name that a screen reader can say.
#
# Starts the real application on an example coalition with the accessibility
# bus on, and reads it as a screen reader does, through AT-SPI: each page
# (switched with Alt+1…4), each page again with the first item of its list
# chosen, the main menu, and the main dialogs (Preferences, Keyboard
# Shortcuts, New Person, New Group, a meeting's Print choice, New Power Map,
# New Campaign), each closed with Escape. Every push button, toggle, check
# box, radio button, menu item, combo box, text field, spin button, slider,
# link, page tab and focusable list item that is on screen must have a name
# of its own or be labelled by another element. Prints the path to each one
# that has none and fails.
#
# Needs a display, a session bus and at-spi2-core (build-aux/dev test gives
# all three); skips (77) where the AT-SPI bindings are not installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

# The application must talk to the accessibility bus, and warnings from the
# AT-SPI client library are no concern of this test.
for name in ("NO_AT_BRIDGE", "G_DEBUG"):
    os.environ.pop(name, None)

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as error:
    print(f"SKIP: the AT-SPI bindings are not installed ({error}); "
          "on Debian: apt-get install python3-gi gir1.2-atspi-2.0 at-spi2-core")
    sys.exit(77)

TIMEOUT = 30.0

Role = Atspi.Role
State = Atspi.StateType

# What a person operates: each must be named.
INTERACTIVE = {
    Role.PUSH_BUTTON, Role.TOGGLE_BUTTON, Role.CHECK_BOX, Role.RADIO_BUTTON,
    Role.MENU_ITEM, Role.CHECK_MENU_ITEM, Role.RADIO_MENU_ITEM,
    Role.COMBO_BOX, Role.TEXT, Role.ENTRY, Role.PASSWORD_TEXT,
    Role.SPIN_BUTTON, Role.SLIDER, Role.LINK, Role.PAGE_TAB,
}
# A window is announced by its title.
INTERACTIVE |= {Role.FRAME, Role.DIALOG, Role.WINDOW}
# Interactive only when they take focus or can be clicked.
INTERACTIVE_IF_FOCUSABLE = {Role.LIST_ITEM}

# GTK 4.8 answers a widget's type name when it has no name at all; a screen
# reader then says "GtkToggleButton", which is no name either.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Gdk|Coalition)[A-Z][A-Za-z0-9]*$")

# The application's warnings fail the test, as G_DEBUG=fatal-warnings would,
# but it runs on to report the rest. GTK 4.8's shortcuts window now and then
# warns about its own layout; a bare GtkShortcutsWindow does the same.
WARNING = re.compile(r"-(WARNING|CRITICAL) \*\*")
KNOWN_WARNING = re.compile(r"GtkLabel 0x[0-9a-f]+ \(label\) reported min width -[0-9]+, but sizes must be >= 0")

KEY_ESCAPE = 0xFF1B
KEY_COMMA = 0x2C
KEY_QUESTION = 0x3F
MOD_CONTROL = 1 << 2
MOD_ALT = 1 << 3
MOD_SHIFT = 1 << 0


def log(message):
    print(message, flush=True)


def wait_for(condition, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.1)


def settle(seconds=0.8):
    time.sleep(seconds)


def press(keysym, modifiers=0):
    if modifiers:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    finally:
        if modifiers:
            Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def safe(call, default=None):
    try:
        return call()
    except Exception:  # the element went away while we looked at it
        return default


def role_of(accessible):
    return safe(accessible.get_role, Role.INVALID)


def name_of(accessible):
    return safe(accessible.get_name, "") or ""


def children(accessible):
    count = safe(accessible.get_child_count, 0)
    for index in range(count):
        child = safe(lambda: accessible.get_child_at_index(index))
        if child is not None:
            yield child


def extents(accessible):
    """(x, y, width, height) in the window, or None for no Component."""
    if "Component" not in safe(accessible.get_interfaces, []):
        return None
    rect = safe(lambda: accessible.get_extents(Atspi.CoordType.WINDOW))
    return None if rect is None else (rect.x, rect.y, rect.width, rect.height)


def has_state(accessible, state):
    states = safe(accessible.get_state_set)
    return states is not None and states.contains(state)


def describe(accessible):
    return f"{safe(accessible.get_role_name, '?')} '{name_of(accessible)}'"


def is_unnamed(name):
    return not name.strip() or TYPE_NAME.match(name) is not None


def labelled_by_a_name(accessible):
    for relation in safe(accessible.get_relation_set, []) or []:
        if relation.get_relation_type() != Atspi.RelationType.LABELLED_BY:
            continue
        for index in range(relation.get_n_targets()):
            target = relation.get_target(index)
            if target is not None and not is_unnamed(name_of(target)):
                return True
    return False


def is_interactive(accessible, role):
    if role in INTERACTIVE:
        return True
    if role in INTERACTIVE_IF_FOCUSABLE:
        return has_state(accessible, State.FOCUSABLE) or safe(accessible.get_n_actions, 0) > 0
    return False


class Walk:
    """One reading of a window, as a screen reader reads what is on screen."""

    def __init__(self, pages=None, selected_page=None):
        self.pages = pages
        self.selected_page = selected_page
        self.unnamed = []
        self.visited = 0
        self.controls = 0

    def run(self, root):
        self.visit(root, [], (), False)
        return self

    def visit(self, accessible, path, where, in_combo_box):
        self.visited += 1
        role = role_of(accessible)
        path = path + [describe(accessible)]

        # The items shown inside a combo box are read as its value.
        if is_interactive(accessible, role) and not (in_combo_box and role == Role.LIST_ITEM):
            self.controls += 1
            if is_unnamed(name_of(accessible)) and not labelled_by_a_name(accessible):
                self.unnamed.append((where, path))
        in_combo_box = in_combo_box or role == Role.COMBO_BOX

        kids = list(children(accessible))
        boxes = [extents(kid) for kid in kids]
        shown = [box is None or (box[2] > 0 and box[3] > 0) for box in boxes]

        # GTK 4.8 does not say which page of a stack is on screen, and a page
        # that was shown once keeps its size after it is hidden: the pages of
        # the view stack are its children that share one rectangle, and only
        # the one whose tab is selected is on screen.
        if self.pages and len(kids) == self.pages:
            same = [box for box, on in zip(boxes, shown) if box is not None and on]
            if len(same) >= 2 and all(box == same[0] for box in same):
                shown = [index == self.selected_page for index in range(len(kids))]

        for index, (kid, on) in enumerate(zip(kids, shown)):
            if on:  # nothing of size zero is on screen
                self.visit(kid, path, where + (index,), in_combo_box)


def condensed(path):
    """The path without the anonymous boxes in between."""
    parts = []
    for index, part in enumerate(path):
        last = index == len(path) - 1
        if not last and index > 0 and part.endswith(" ''"):
            if parts[-1] != "…":
                parts.append("…")
            continue
        parts.append(part)
    return " > ".join(parts)


class Application:
    def __init__(self, command, env):
        self.warnings = []
        self.process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, errors="replace")
        self.reader = threading.Thread(target=self.read_stderr, daemon=True)
        self.reader.start()
        self.app = wait_for(self.find_in_registry, "the application on the accessibility bus")
        self.window = wait_for(self.main_window, "the main window")

    def read_stderr(self):
        for line in self.process.stderr:
            sys.stderr.write(line)
            if WARNING.search(line) and not KNOWN_WARNING.search(line):
                self.warnings.append(line.strip())

    def find_in_registry(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"the application exited with {self.process.returncode}")
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            if safe(app.get_process_id) == self.process.pid:
                return app
        return None

    def windows(self):
        """The application's windows on screen; GTK leaves out hidden ones."""
        return list(children(self.app))

    def main_window(self):
        windows = [w for w in self.windows() if has_state(w, State.SHOWING)]
        return windows[0] if windows else None

    def point_at(self, window):
        """Puts the pointer over window, so that it gets the keyboard.

        Under Xvfb no window manager gives a new window the focus: X sends
        the keys to the window under the pointer, and every window opens in
        the top left corner of the screen.
        """
        box = extents(window)
        if box is not None:
            Atspi.generate_mouse_event(box[2] // 2, box[3] // 2, "abs")

    def find(self, root, predicate, shown_only=True):
        """The first element under root, in tree order, that matches."""
        stack = [root]
        while stack:
            accessible = stack.pop()
            if predicate(accessible):
                return accessible
            kids = list(children(accessible))
            if shown_only:
                kids = [k for k in kids if (lambda b: b is None or (b[2] > 0 and b[3] > 0))(extents(k))]
            stack.extend(reversed(kids))
        return None

    def page_tabs(self):
        """The tabs of the view switcher on screen, in order."""
        switcher = self.find(self.window, lambda a: role_of(a) == Role.PAGE_TAB_LIST)
        if switcher is None:
            return []
        return [tab for tab in children(switcher) if role_of(tab) == Role.PAGE_TAB]

    def check_alive(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"the application exited with {self.process.returncode}")

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(10)


class Checker:
    def __init__(self, application):
        self.application = application
        self.findings = {}
        self.problems = []
        self.controls = 0
        self.visited = 0

    def walk(self, where, root, pages=None, selected_page=None):
        self.application.check_alive()
        started = time.monotonic()
        walk = Walk(pages, selected_page).run(root)
        self.controls += walk.controls
        self.visited += walk.visited
        new = 0
        for key, path in walk.unnamed:
            key = (root, key)
            if key not in self.findings:
                self.findings[key] = (where, condensed(path))
                new += 1
        log(f"# {where}: {walk.visited} elements, {walk.controls} controls, "
            f"{len(walk.unnamed)} unnamed ({new} new), {time.monotonic() - started:.1f} s")

    def show_page(self, index, title):
        press(ord(str(index + 1)), MOD_ALT)
        tabs = self.application.page_tabs()

        def selected():
            tabs = self.application.page_tabs()
            return len(tabs) > index and has_state(tabs[index], State.SELECTED)

        try:
            wait_for(selected, f"the {title} page after Alt+{index + 1}", 10)
        except TimeoutError as error:
            self.application.check_alive()
            self.problems.append(str(error))
            # Still read the page: through its tab, as a screen reader user would.
            safe(lambda: tabs[index].do_action(0))
            wait_for(selected, f"the {title} page after clicking its tab", 10)
        settle()

    def choose_first(self, list_name, where):
        """Clicks the first item of the list named list_name on screen."""
        window = self.application.window
        lst = self.application.find(window, lambda a: role_of(a) in (Role.LIST, Role.TREE_TABLE, Role.TABLE)
                                    and name_of(a) == list_name)
        if lst is None:
            self.problems.append(f"{where}: no list named “{list_name}” on screen")
            return False
        # The first item that is a row of the list, not a column heading.
        item = self.application.find(lst, lambda a: a != lst and role_of(a) in (Role.LIST_ITEM, Role.TABLE_ROW)
                                     and role_of(a.get_parent()) in (Role.LIST, Role.TABLE))
        box = item and extents(item)
        if not box:
            self.problems.append(f"{where}: “{list_name}” has no item to choose")
            return False
        # The window is in the top left corner of the screen (see point_at).
        Atspi.generate_mouse_event(box[0] + box[2] // 2, box[1] + box[3] // 2, "b1c")
        settle()
        return True

    def dialog(self, title, opener):
        """Opens a dialog, reads it, and closes it with Escape."""
        main = self.application.window
        if not opener():
            return

        def opened():
            others = [w for w in self.application.windows() if w != main]
            return others[-1] if others else None

        try:
            window = wait_for(opened, f"the {title} dialog", 10)
        except TimeoutError as error:
            self.application.check_alive()
            self.problems.append(str(error))
            return
        settle()
        self.walk(f"{title} dialog", window)

        self.application.point_at(window)
        settle(0.3)
        press(KEY_ESCAPE)
        try:
            wait_for(lambda: window not in self.application.windows(), f"Escape to close the {title} dialog", 10)
        except TimeoutError as error:
            self.problems.append(str(error))
            # Close it all the same so that the next step starts clean.
            close = self.application.find(window, lambda a: role_of(a) == Role.PUSH_BUTTON
                                          and name_of(a) in ("Close", "Cancel", "_Cancel"))
            if close is not None:
                safe(lambda: close.do_action(0))
        wait_for(lambda: self.application.windows() == [main], "the dialog to close", 10)
        self.application.point_at(main)
        settle(0.3)

    def click(self, name, where):
        def opener():
            button = self.application.find(self.application.window,
                                           lambda a: role_of(a) == Role.PUSH_BUTTON and name_of(a) == name)
            if button is None:
                self.problems.append(f"{where}: no “{name}” button on screen")
                return False
            return safe(lambda: button.do_action(0), False)
        return opener

    def keys(self, keysym, modifiers):
        def opener():
            press(keysym, modifiers)
            return True
        return opener


def main():
    gui = os.environ.get("COALITION_GUI")
    cli = os.environ.get("COALITION_CLI")
    if not gui or not cli:
        print("COALITION_GUI and COALITION_CLI must name the application and its command line tool",
              file=sys.stderr)
        return 1

    scratch = tempfile.mkdtemp(prefix="coalition-a11y-")
    try:
        env = dict(os.environ)
        for part in ("home", "config", "data", "cache", "state"):
            os.makedirs(os.path.join(scratch, part))
        env.update({
            "HOME": os.path.join(scratch, "home"),
            "XDG_CONFIG_HOME": os.path.join(scratch, "config"),
            "XDG_DATA_HOME": os.path.join(scratch, "data"),
            "XDG_CACHE_HOME": os.path.join(scratch, "cache"),
            "XDG_STATE_HOME": os.path.join(scratch, "state"),
            "GSETTINGS_BACKEND": "memory",
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GTK_A11Y": "atspi",
        })
        database = os.path.join(scratch, "coalition.db")
        subprocess.run([cli, "--database", database, "demo", "--people", "400"], env=env, check=True,
                       stdout=subprocess.DEVNULL)

        started = time.monotonic()
        application = Application([gui, "--database", database], env)
        try:
            checker = Checker(application)
            run(application, checker)
        finally:
            application.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    log(f"# {checker.visited} elements read, {checker.controls} controls, "
        f"in {time.monotonic() - started:.0f} s")
    # The same control repeated in a list is printed once, with a count.
    counts = {}
    for where, path in checker.findings.values():
        counts[(where, path)] = counts.get((where, path), 0) + 1
    for (where, path), count in counts.items():
        log(f"unnamed ({where}): {path}" + (f" ({count} like it)" if count > 1 else ""))
    for problem in checker.problems:
        log(f"problem: {problem}")
    for warning in application.warnings:
        checker.problems.append(warning)
        log(f"problem: the application warned: {warning}")
    if checker.findings or checker.problems:
        log(f"FAIL: {len(checker.findings)} controls without a name, {len(checker.problems)} other problems")
        return 1
    log("PASS: every control on screen has a name")
    return 0


def run(application, checker):
    # The list of members fills in after the window shows.
    settle(2)
    tabs = application.page_tabs()
    titles = [name_of(tab) for tab in tabs]
    if len(titles) != 4:
        raise RuntimeError(f"expected the four pages in the view switcher, found {titles}")

    lists = {0: "People", 1: "Power maps", 2: "Meetings", 3: "Campaigns"}
    for index, title in enumerate(titles):
        checker.show_page(index, title)
        checker.walk(f"{title} page", application.window, len(titles), index)
        if checker.choose_first(lists[index], f"{title} page"):
            checker.walk(f"{title} page, first item chosen", application.window, len(titles), index)

        if index == 0:
            checker.dialog("New Person", checker.keys(ord("n"), MOD_CONTROL))
            checker.dialog("New Group", checker.keys(ord("g"), MOD_CONTROL))
        elif index == 1:
            checker.dialog("New Power Map", checker.click("New Power Map…", f"{title} page"))
        elif index == 2:
            checker.dialog("Print", checker.keys(ord("p"), MOD_CONTROL))
        elif index == 3:
            checker.dialog("New Campaign", checker.click("New Campaign…", f"{title} page"))

    checker.dialog("Preferences", checker.keys(KEY_COMMA, MOD_CONTROL))
    checker.dialog("Keyboard Shortcuts", checker.keys(KEY_QUESTION, MOD_CONTROL | MOD_SHIFT))


if __name__ == "__main__":
    sys.exit(main())
