# coalition_e2e.py — drives the running application over AT-SPI, as a
# screen reader or a person at the keyboard does.
#
# Shared by the accessibility test and the journeys: starts the real
# `coalition` on a scratch database with scratch HOME and XDG folders and the
# accessibility bus on, finds it on the desktop, reads its windows, clicks,
# types and waits for what should appear. Every wait polls the tree with a
# time limit; nothing relies on a fixed pause alone.
#
# Under Xvfb no window manager gives a window the focus: X sends the keys to
# the window under the pointer, and every window opens in the top left corner
# of the screen. `Application.point_at ()` puts the pointer over a window
# before keys are sent to it.
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
# AT-SPI client library are no concern of the tests.
for _name in ("NO_AT_BRIDGE", "G_DEBUG"):
    os.environ.pop(_name, None)

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as _error:
    print(f"SKIP: the AT-SPI bindings are not installed ({_error}); "
          "on Debian: apt-get install python3-gi gir1.2-atspi-2.0 at-spi2-core")
    sys.exit(77)

TIMEOUT = 30.0

Role = Atspi.Role
State = Atspi.StateType

# The application's warnings fail a test, as G_DEBUG=fatal-warnings would.
# GTK 4.8's shortcuts window now and then warns about its own layout; a bare
# GtkShortcutsWindow does the same.
WARNING = re.compile(r"-(WARNING|CRITICAL) \*\*")
NO_DISPLAY = re.compile(r"cannot open display")
KNOWN_WARNING = re.compile(r"GtkLabel 0x[0-9a-f]+ \(label\) reported min width -[0-9]+, but sizes must be >= 0")

KEY_ESCAPE = 0xFF1B
KEY_RETURN = 0xFF0D
KEY_TAB = 0xFF09
KEY_BACKSPACE = 0xFF08
KEY_LEFT = 0xFF51
KEY_UP = 0xFF52
KEY_RIGHT = 0xFF53
KEY_DOWN = 0xFF54
KEY_HOME = 0xFF50
KEY_END = 0xFF57
KEY_COMMA = 0x2C
KEY_QUESTION = 0x3F
MOD_SHIFT = 1 << 0
MOD_CONTROL = 1 << 2
MOD_ALT = 1 << 3


class JourneyFailed(Exception):
    """A step of a journey did not give what a person would see."""


def log(message):
    print(message, flush=True)


def wait_for(condition, what, timeout=TIMEOUT):
    """Polls condition until it returns something true, or fails."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def settle(seconds=0.8):
    """Lets GTK catch up after a burst of events. Never the only wait."""
    time.sleep(seconds)


def press(keysym, modifiers=0):
    if modifiers:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    finally:
        if modifiers:
            Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    time.sleep(0.05)


def type_text(text):
    """Types text as keys; characters missing from the keymap are mapped on the fly."""
    for character in text:
        Atspi.generate_keyboard_event(0, character, Atspi.KeySynthType.STRING)
        time.sleep(0.02)


def safe(call, default=None):
    try:
        return call()
    except Exception:  # the element went away while we looked at it
        return default


def role_of(accessible):
    return safe(accessible.get_role, Role.INVALID)


def name_of(accessible):
    """The accessible name, as a screen reader says it.

    GTK 4.8 names a button with a mnemonic label by the label with its
    underscore, then the label ("_Start Empty Start Empty"): this gives the
    label alone.
    """
    name = safe(accessible.get_name, "") or ""
    half = len(name) // 2
    if "_" in name and name[half:half + 1] == " " and name[:half].replace("_", "") == name[half + 1:]:
        return name[half + 1:]
    return name


def description_of(accessible):
    return safe(accessible.get_description, "") or ""


def text_of(accessible):
    """The text an element holds (a label, a field), or ''."""
    if "Text" not in (safe(accessible.get_interfaces, []) or []):
        return ""
    # GTK 4.8 answers nothing for the end offset -1.
    return safe(lambda: accessible.get_text(0, accessible.get_character_count()), "") or ""


def children(accessible):
    count = safe(accessible.get_child_count, 0)
    for index in range(count):
        child = safe(lambda: accessible.get_child_at_index(index))
        if child is not None:
            yield child


def extents(accessible, coords=Atspi.CoordType.WINDOW):
    """(x, y, width, height), or None for no Component.

    GTK 4.8 knows only positions in the window (and warns when asked for the
    screen's); under Xvfb every window is in the top left corner, so the two
    are the same.
    """
    if "Component" not in (safe(accessible.get_interfaces, []) or []):
        return None
    rect = safe(lambda: accessible.get_extents(coords))
    return None if rect is None else (rect.x, rect.y, rect.width, rect.height)


def shown(accessible):
    box = extents(accessible)
    return box is None or (box[2] > 0 and box[3] > 0)


def has_state(accessible, state):
    states = safe(accessible.get_state_set)
    return states is not None and states.contains(state)


def describe(accessible):
    return f"{safe(accessible.get_role_name, '?')} '{name_of(accessible)}'"


def walk(root, shown_only=True):
    """Every element under root (root included), in tree order."""
    stack = [root]
    while stack:
        accessible = stack.pop()
        yield accessible
        kids = list(children(accessible))
        if shown_only:
            kids = [kid for kid in kids if shown(kid)]
        stack.extend(reversed(kids))


def find(root, predicate, shown_only=True):
    """The first element under root, in tree order, that matches."""
    for accessible in walk(root, shown_only):
        if safe(lambda: predicate(accessible), False):
            return accessible
    return None


def find_all(root, predicate, shown_only=True):
    return [a for a in walk(root, shown_only) if safe(lambda: predicate(a), False)]


def named(name, *roles):
    """A predicate: this name (a string, or a compiled pattern) and one of these roles."""
    def predicate(accessible):
        if roles and role_of(accessible) not in roles:
            return False
        actual = name_of(accessible)
        if isinstance(name, re.Pattern):
            return name.search(actual) is not None
        return actual == name
    return predicate


def showing_text(text):
    """A predicate: an element whose name or text contains text."""
    def predicate(accessible):
        return text in name_of(accessible) or text in text_of(accessible)
    return predicate


def dump(root, out=sys.stdout, shown_only=True):
    """Prints the tree under root, for debugging a journey."""
    def visit(accessible, depth):
        box = extents(accessible)
        text = text_of(accessible)
        if os.environ.get("COALITION_E2E_DUMP") == "brief" and not name_of(accessible) and not text:
            for kid in children(accessible):
                if not shown_only or shown(kid):
                    visit(kid, depth)
            return
        extra = f" text={text[:60]!r}" if text and text != name_of(accessible) else ""
        out.write(f"{'  ' * depth}{describe(accessible)}{extra} {box}\n")
        for kid in children(accessible):
            if not shown_only or shown(kid):
                visit(kid, depth + 1)
    visit(root, 0)
    out.flush()


def do_action(accessible, wanted=None):
    """Runs an element's action (its first, or the one named wanted)."""
    count = safe(accessible.get_n_actions, 0)
    if not count:
        raise JourneyFailed(f"{describe(accessible)} has no action")
    index = 0
    if wanted is not None:
        names = [safe(lambda: accessible.get_action_name(i), "") for i in range(count)]
        if wanted not in names:
            raise JourneyFailed(f"{describe(accessible)} has no action “{wanted}” (only {names})")
        index = names.index(wanted)
    accessible.do_action(index)


def click(accessible):
    """Clicks the middle of an element with the pointer's first button."""
    box = extents(accessible)
    if not box or box[2] <= 0 or box[3] <= 0:
        raise JourneyFailed(f"{describe(accessible)} is not on screen to click")
    Atspi.generate_mouse_event(box[0] + box[2] // 2, box[1] + box[3] // 2, "b1c")


def focus(accessible):
    """Gives an element the keyboard focus, and waits until it has it."""
    if not safe(accessible.grab_focus, False):
        click(accessible)
    wait_for(lambda: has_state(accessible, State.FOCUSED), f"the focus on {describe(accessible)}", 5)


class Application:
    """The real application, started on a database, found on the desktop."""

    def __init__(self, command, env):
        self.warnings = []
        self.scope = None
        # A display that has only just started may turn the first client
        # away: the application is started again then, for a few seconds.
        deadline = time.monotonic() + 10
        while True:
            self.no_display = False
            self.process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, errors="replace")
            self.reader = threading.Thread(target=self.read_stderr, daemon=True)
            self.reader.start()
            try:
                self.app = wait_for(self.find_in_registry, "the application on the accessibility bus")
                break
            except RuntimeError:
                self.reader.join(5)
                if not self.no_display or time.monotonic() > deadline:
                    raise
                self.warnings.clear()
                time.sleep(0.5)
        self.window = wait_for(self.main_window, "the main window")
        self.point_at(self.window)

    def read_stderr(self):
        for line in self.process.stderr:
            sys.stderr.write(line)
            if NO_DISPLAY.search(line):
                self.no_display = True
            elif WARNING.search(line) and not KNOWN_WARNING.search(line):
                self.warnings.append(line.strip())

    def find_in_registry(self):
        self.check_alive()
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
        """Puts the pointer over window, so that it gets the keyboard."""
        box = extents(window)
        if box is not None:
            Atspi.generate_mouse_event(box[0] + box[2] // 2, box[1] + box[3] // 2, "abs")
            time.sleep(0.1)

    def find(self, root, predicate, shown_only=True):
        return find(root, predicate, shown_only)

    def page_tabs(self):
        """The tabs of the view switcher on screen, in order."""
        switcher = find(self.window, lambda a: role_of(a) == Role.PAGE_TAB_LIST)
        if switcher is None:
            return []
        return [tab for tab in children(switcher) if role_of(tab) == Role.PAGE_TAB]

    PAGES = ("CoalitionMembersPage", "CoalitionMapPage", "CoalitionMeetingsPage", "CoalitionCampaignsPage")

    def show_page(self, index):
        """Switches to page index (0…3) with Alt+1…4 and waits for its tab.

        From then on, waits look in that page only (pass the window as root
        for the header bar or a toast): GTK 4.8 leaves the pages shown once
        with their size, and reading them all over again is slow.
        """
        def selected():
            tabs = self.page_tabs()
            return len(tabs) > index and has_state(tabs[index], State.SELECTED)

        self.point_at(self.window)
        press(ord(str(index + 1)), MOD_ALT)
        wait_for(selected, f"page {index + 1} after Alt+{index + 1}", 10)
        self.scope = self.wait(named(self.PAGES[index]), f"the {self.PAGES[index]}", self.window)

    def check_alive(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"the application exited with {self.process.returncode}")

    def wait(self, predicate, what, root=None, timeout=TIMEOUT):
        """Waits for an element under root (the page shown, else the main window) that matches."""
        def found():
            self.check_alive()
            return find(root or self.scope or self.window, predicate)
        return wait_for(found, what, timeout)

    def wait_gone(self, predicate, what, root=None, timeout=TIMEOUT):
        def gone():
            self.check_alive()
            return find(root or self.scope or self.window, predicate) is None
        return wait_for(gone, what, timeout)

    def new_window(self, known, what, timeout=TIMEOUT):
        """Waits for a window that is not in known (a list), and points at it."""
        def opened():
            self.check_alive()
            others = [w for w in self.windows() if w not in known]
            return others[-1] if others else None
        window = wait_for(opened, what, timeout)
        # It is on screen once it has a size.
        wait_for(lambda: (extents(window) or (0, 0, 0, 0))[2] > 0, f"{what} on screen", timeout)
        self.point_at(window)
        return window

    def wait_window_closed(self, window, what, timeout=TIMEOUT):
        wait_for(lambda: window not in self.windows(), what, timeout)
        self.point_at(self.window)

    def button(self, name, root=None, timeout=TIMEOUT):
        """Waits for a push button (or toggle) named name under root."""
        return self.wait(named(name, Role.PUSH_BUTTON, Role.TOGGLE_BUTTON),
                         f"a “{name}” button", root, timeout)

    def press_button(self, name, root=None, timeout=TIMEOUT):
        button = self.button(name, root, timeout)
        wait_for(lambda: has_state(button, State.SENSITIVE), f"the “{name}” button to be enabled", timeout)
        do_action(button)
        return button

    def choose_toggle(self, name, root=None, timeout=TIMEOUT):
        """Turns on the toggle button named name and waits until it is on.

        A button's action clicks it a moment later (GtkButton shows itself
        pressed first), so the state is what to wait for.
        """
        def on():
            return has_state(button, State.PRESSED) or has_state(button, State.CHECKED)

        button = self.button(name, root, timeout)
        if not on():
            do_action(button)
        wait_for(on, f"the “{name}” toggle to be on", timeout)
        return button

    def field(self, name, root=None, timeout=TIMEOUT):
        """Waits for a text field named name under root."""
        return self.wait(named(name, Role.TEXT, Role.ENTRY, Role.PASSWORD_TEXT, Role.SPIN_BUTTON),
                         f"a text field named “{name}”", root, timeout)

    def reveal(self, accessible, window=None):
        """Scrolls with the mouse wheel until accessible is wholly inside its window.

        GTK 4.8 does not scroll to an element for AT-SPI, nor give it the
        focus: a person scrolls to it, as this does.
        """
        window = window or self.window
        for _ in range(60):
            box, frame = extents(accessible), extents(window)
            if not box or not frame:
                raise JourneyFailed(f"{describe(accessible)} is not on screen")
            # Below the main window's header bar and above the bottom of the window.
            top = 50 if window == self.window else 0
            if box[1] >= top and box[1] + box[3] <= frame[3]:
                return
            button = "b5c" if box[1] + box[3] > frame[3] else "b4c"
            x = min(max(box[0] + box[2] // 2, 1), frame[2] - 2)
            Atspi.generate_mouse_event(x, frame[3] // 2, button)
            time.sleep(0.05)
        raise JourneyFailed(f"could not scroll {describe(accessible)} into view (it is at {extents(accessible)})")

    def click(self, accessible, window=None):
        """Scrolls to an element and clicks it."""
        self.reveal(accessible, window)
        time.sleep(0.2)
        click(accessible)

    def choose(self, name, item, root=None):
        """Opens the drop-down named name and picks item from its list with the arrow keys.

        The items of a GTK 4.8 drop-down have no accessible name: the label
        inside each says what it is. The list opens on the item chosen now.
        """
        combo = self.wait(lambda a: role_of(a) == Role.COMBO_BOX and name_of(a).startswith(name),
                          f"the “{name}” drop-down", root)
        button = find(combo, named(name, Role.PUSH_BUTTON, Role.TOGGLE_BUTTON)) or combo

        def current():
            labels = [name_of(a) for a in find_all(button, lambda a: role_of(a) == Role.LABEL)]
            return labels[-1] if labels else ""

        if current() == item:
            return combo
        before = current()
        self.click(button)
        popover = wait_for(lambda: find(combo, lambda a: name_of(a) == "GtkPopover" and shown(a)),
                           f"the list of the “{name}” drop-down", 10)
        items = wait_for(lambda: [name_of(a) for a in find_all(popover, lambda a: role_of(a) == Role.LABEL)],
                         f"the items of the “{name}” drop-down", 10)
        if item not in items:
            raise JourneyFailed(f"the “{name}” drop-down offers {items}, not “{item}”")
        start = items.index(before) if before in items else 0
        steps = items.index(item) - start
        time.sleep(0.3)
        for _ in range(abs(steps)):
            press(KEY_DOWN if steps > 0 else KEY_UP)
        press(KEY_RETURN)
        wait_for(lambda: current() == item, f"the “{name}” drop-down to show “{item}” (it shows “{current()}”)", 10)
        return combo

    def fill(self, accessible, text, enter=False, window=None):
        """Clicks a field, types text over what it holds, and waits to see it there.

        GTK 4.8 does not report the focus of an entry row, so what proves that
        the keys went to the field is its text.
        """
        for attempt in range(2):
            self.click(accessible, window)
            time.sleep(0.3)
            press(ord("a"), MOD_CONTROL)
            press(KEY_BACKSPACE)
            type_text(text)
            try:
                wait_for(lambda: text_of(accessible) == text, f"{describe(accessible)} to hold “{text}”", 5)
                break
            except TimeoutError:
                if attempt == 1:
                    raise JourneyFailed(f"typed “{text}” into {describe(accessible)}, "
                                        f"but it holds “{text_of(accessible)}”")
        if enter:
            press(KEY_RETURN)

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(10)


class Session:
    """Scratch HOME and XDG folders, a database path, and the programs."""

    def __init__(self, prefix="coalition-e2e-"):
        self.gui = os.environ.get("COALITION_GUI")
        self.cli = os.environ.get("COALITION_CLI")
        if not self.gui or not self.cli:
            raise RuntimeError("COALITION_GUI and COALITION_CLI must name the application and its command line tool")
        self.scratch = tempfile.mkdtemp(prefix=prefix)
        self.env = dict(os.environ)
        for part in ("home", "config", "data", "cache", "state"):
            os.makedirs(os.path.join(self.scratch, part))
        self.env.update({
            "HOME": os.path.join(self.scratch, "home"),
            "XDG_CONFIG_HOME": os.path.join(self.scratch, "config"),
            "XDG_DATA_HOME": os.path.join(self.scratch, "data"),
            "XDG_CACHE_HOME": os.path.join(self.scratch, "cache"),
            "XDG_STATE_HOME": os.path.join(self.scratch, "state"),
            "GSETTINGS_BACKEND": "memory",
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GTK_A11Y": "atspi",
            # No portal: file choosers and print dialogs are GTK's own.
            "GTK_USE_PORTAL": "0",
        })
        self.database = os.path.join(self.scratch, "coalition.db")
        self.application = None

    def path(self, *parts):
        return os.path.join(self.scratch, *parts)

    def run_cli(self, *args):
        return subprocess.run([self.cli, "--database", self.database, *args], env=self.env, check=True,
                              stdout=subprocess.PIPE, text=True).stdout

    def start(self, *args):
        self.application = Application([self.gui, "--database", self.database, *args], self.env)
        return self.application

    def close(self):
        if self.application is not None:
            self.application.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


def run_journeys(journeys, argv):
    """Runs the journeys named in argv (all when none are), each in its own session.

    journeys maps a name to a function that takes a Session. Prints one line
    per journey and returns the exit status: 0 when all passed.
    """
    names = argv[1:] or list(journeys)
    unknown = [name for name in names if name not in journeys]
    if unknown:
        log(f"unknown journeys {unknown}; known: {', '.join(journeys)}")
        return 2
    failed = []
    for name in names:
        started = time.monotonic()
        session = Session(f"coalition-{name}-")
        try:
            journeys[name](session)
            application = session.application
            if application is not None:
                application.check_alive()
                if application.warnings:
                    raise JourneyFailed("the application warned: " + "; ".join(application.warnings))
            log(f"ok {name} ({time.monotonic() - started:.1f} s)")
        except Exception as error:  # report every kind of failure the same way
            failed.append(name)
            log(f"FAIL {name} ({time.monotonic() - started:.1f} s): {type(error).__name__}: {error}")
            if os.environ.get("COALITION_E2E_DUMP") and session.application is not None:
                for window in safe(session.application.windows, []) or []:
                    dump(window)
        finally:
            session.close()
    return 1 if failed else 0
