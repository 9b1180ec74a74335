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

import re
import sys
import time

from coalition_e2e import (
    Atspi, Role, State, KEY_COMMA, KEY_ESCAPE, KEY_QUESTION, MOD_ALT, MOD_CONTROL, MOD_SHIFT,
    Session, children, describe, extents, has_state, log, name_of, press, role_of,
    safe, settle, wait_for,
)

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
    session = Session("coalition-a11y-")
    try:
        session.run_cli("demo", "--people", "400")
        started = time.monotonic()
        application = session.start()
        checker = Checker(application)
        run(application, checker)
    finally:
        session.close()

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
