#!/usr/bin/env python3
# test-journeys.py — what a coalition's staff do with Coalition, done in the
# real application from start to end, through the accessibility tree and
# the keyboard.
#
#   test-journeys.py [JOURNEY…]     runs the journeys named (all by default)
#
# Each journey starts the application on a database of its own, with scratch
# HOME and XDG folders, and fails with the step that did not give what a
# person would see. COALITION_E2E_DUMP=1 (or =brief) prints the windows'
# accessibility trees when one fails.
#
# Needs a display, a session bus and at-spi2-core (build-aux/dev test gives
# all three); skips (77) where the AT-SPI bindings are not installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import datetime
import locale
import os
import subprocess
import sys

from coalition_e2e import (
    KEY_RIGHT, KEY_TAB, MOD_CONTROL, Atspi, JourneyFailed, Role, State, children, click, description_of, do_action,
    extents, find, find_all, has_state, name_of, named, press, role_of, run_journeys, showing_text, text_of,
    wait_for,
)

ENGLISH = {
    "Start Empty": "Start Empty",
    "No People Yet": "No People Yet",
    "Organizations": "Organizations",
    "People": "People",
    "New Organization": "New Organization",
    "New Person": "New Person",
    "Name": "Name",
    "Given Name": "Given Name",
    "Family Name": "Family Name",
    "Add": "Add",
    "Search people": "Search people",
    "Members": "Members",
}

# Written out here, not read from the catalog, so that the journey proves
# what is on screen.
SPANISH = {
    "Start Empty": "Comenzar sin datos",
    "No People Yet": "Aún no hay personas",
    "Organizations": "Organizaciones",
    "People": "Personas",
    "New Organization": "Nueva organización",
    "New Person": "Nueva persona",
    "Name": "Nombre",
    "Given Name": "Nombre",
    "Family Name": "Apellidos",
    "Add": "Añadir",
    "Search people": "Buscar personas",
    "Members": "Miembros",
}


def cell_text(cell):
    """What a cell of a column view shows: the names of what is in it."""
    return " ".join(name for name in (name_of(kid) for kid in children(cell)) if name and not name.startswith("Gtk"))


def table_rows(app, table_name):
    """The rows of the table named table_name on screen, each a list of its cells' texts."""
    table = app.wait(named(table_name, Role.TREE_TABLE, Role.TABLE), f"the “{table_name}” table")
    rows = []
    for row in find_all(table, lambda a: role_of(a) == Role.TABLE_ROW):
        cells = [cell_text(cell) for cell in children(row) if role_of(cell) == Role.TABLE_CELL]
        if cells:
            rows.append(cells)
    return rows


def add_record(app, dialog_title, fields, label):
    """Opens New Person or New Organization with Ctrl+N, fills it, presses Add."""
    main = app.window
    app.point_at(main)
    press(ord("n"), MOD_CONTROL)
    dialog = app.new_window([main], f"the “{dialog_title}” dialog after Ctrl+N")
    title = name_of(dialog)
    if title != dialog_title:
        raise JourneyFailed(f"Ctrl+N opened “{title}”, not “{dialog_title}”")
    for name, text in fields:
        app.fill(app.field(name, dialog), text, window=dialog)
    app.press_button(label["Add"], dialog)
    app.wait_window_closed(dialog, f"the “{dialog_title}” dialog to close after {label['Add']}")


def first_start(session, label=ENGLISH):
    """An empty directory, an organization and two people, one found by a partial name without accents."""
    app = session.start()
    members = app.wait(named(label["Members"], Role.PAGE_TAB), f"the “{label['Members']}” tab")
    if not name_of(members):
        raise JourneyFailed("the Members tab has no name")
    app.press_button(label["Start Empty"])
    app.wait(named(label["No People Yet"]), f"the “{label['No People Yet']}” page")

    app.choose_toggle(label["Organizations"])
    add_record(app, label["New Organization"], [(label["Name"], "Eastside Tenants Union")], label)
    app.wait(showing_text("Eastside Tenants Union"), "the new organization in the list")

    app.choose_toggle(label["People"])
    add_record(app, label["New Person"],
               [(label["Given Name"], "Zoë"), (label["Family Name"], "Łukasz-Nguyễn")], label)
    add_record(app, label["New Person"],
               [(label["Given Name"], "Amara"), (label["Family Name"], "Okafor")], label)

    def both_listed():
        names = [row[0] for row in app_rows()]
        return "Zoë Łukasz-Nguyễn" in names and "Amara Okafor" in names

    def app_rows():
        return [row for row in table_rows(app, label["People"]) if row and row[0]]

    wait_for(both_listed, "both new people in the list")

    app.fill(app.field(label["Search people"]), "zoe")

    def only_zoe():
        names = [row[0] for row in app_rows()]
        return names == ["Zoë Łukasz-Nguyễn"]

    try:
        wait_for(only_zoe, "the search “zoe” to list Zoë Łukasz-Nguyễn alone", 10)
    except TimeoutError:
        raise JourneyFailed(f"the search “zoe” lists {[row[0] for row in app_rows()]}, "
                            "not Zoë Łukasz-Nguyễn alone")


def first_start_spanish(session):
    """The first journey with the interface in Spanish."""
    env = session.env
    env.pop("LC_ALL", None)
    env["LANGUAGE"] = "es"
    try:
        locale.setlocale(locale.LC_ALL, "es_ES.UTF-8")
        locale.setlocale(locale.LC_ALL, "")
        env["LANG"] = "es_ES.UTF-8"
    except locale.Error:
        # Without the Spanish locale, gettext still follows LANGUAGE in any
        # locale but C: the messages are Spanish, dates and numbers are not.
        env["LANG"] = "C.UTF-8"
    first_start(session, SPANISH)


FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "import")


def choose_file(app, opened_by, title, path, button):
    """Opens a file chooser with a shortcut, types path into its location entry, and presses button."""
    main = app.window
    app.point_at(main)
    press(*opened_by)
    chooser = app.new_window([main], f"the “{title}” file chooser")
    if name_of(chooser) != title:
        raise JourneyFailed(f"expected the “{title}” file chooser, “{name_of(chooser)}” opened")
    # Ctrl+L shows the location entry, where a path can be typed whole.
    press(ord("l"), MOD_CONTROL)
    location = app.wait(lambda a: role_of(a) == Role.TEXT and has_state(a, State.EDITABLE),
                        "the location entry of the file chooser after Ctrl+L", chooser, 10)
    app.fill(location, path, window=chooser)
    app.press_button(button, chooser)
    app.wait_window_closed(chooser, f"the file chooser to close after {button}")


def import_members(session):
    """A Google Contacts and an Outlook export imported, and the person in both merged with both addresses."""
    # The Outlook on the web export, with one more row: Łukasz Wiśniewski of
    # the Google export, with the same work address and a second one.
    with open(os.path.join(FIXTURES, "outlook-web.csv"), newline="", encoding="utf-8") as source:
        reader = csv.DictReader(source)
        header, rows = reader.fieldnames, list(reader)
    row = dict.fromkeys(header, "")
    row.update({"First Name": "Łukasz", "Last Name": "Wiśniewski", "Company": "Eastside Tenants Union",
                "E-mail Address": "lukasz@eastside.example.org", "E-mail 2 Address": "lukasz.w@mail.example.net"})
    outlook = session.path("outlook-contacts.csv")
    with open(outlook, "w", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, header)
        writer.writeheader()
        writer.writerows(rows + [row])

    app = session.start()
    app.press_button("Start Empty")
    app.wait(named("No People Yet"), "the “No People Yet” page")

    expected = [
        (os.path.join(FIXTURES, "google-contacts.csv"), "google-contacts.csv (Google Contacts): people 4 added"),
        (outlook, "outlook-contacts.csv (Outlook on the web): people 2 added, 1 merged"),
    ]
    for path, summary in expected:
        choose_file(app, (ord("i"), MOD_CONTROL), "Import Members", path, "Import")
        report = app.new_window([app.window], f"the summary of importing {os.path.basename(path)}")
        if name_of(report) != "Members Imported":
            raise JourneyFailed(f"importing {os.path.basename(path)} ended with “{name_of(report)}”: "
                                + " ".join(text_of(a) for a in find_all(report, lambda a: role_of(a) == Role.LABEL)))
        try:
            app.wait(showing_text(summary), f"“{summary}” in the summary", report, 5)
        except TimeoutError:
            said = " ".join(text_of(a) for a in find_all(report, lambda a: role_of(a) == Role.LABEL))
            raise JourneyFailed(f"the summary says “{said}”, expected “{summary}…”")
        app.press_button("Close", report)
        app.wait_window_closed(report, "the summary to close")

    app.fill(app.field("Search people"), "lukasz")
    cell = app.wait(named("Łukasz Wiśniewski", Role.LABEL), "Łukasz Wiśniewski in the list after searching “lukasz”")
    click(cell)
    pane = app.wait(named("CoalitionPersonPane"), "the details pane")
    emails = app.wait(named("E-mail and Phone", Role.LIST), "the “E-mail and Phone” list of Łukasz Wiśniewski",
                      pane, 10)

    def listed():
        return [name_of(a) for a in children(emails) if role_of(a) == Role.LIST_ITEM]

    try:
        wait_for(lambda: {"lukasz@eastside.example.org", "lukasz.w@mail.example.net"} <= set(listed()),
                 "both e-mail addresses in the details", 10)
    except TimeoutError:
        raise JourneyFailed(f"the details of Łukasz Wiśniewski list {listed()}, "
                            "not the addresses of both files")


def save_file(app, opener, title, path, button="Save"):
    """Opens a save dialog (opener clicks or types), types path as the name, and presses button."""
    main = app.window
    opener()
    chooser = app.new_window([main], f"the “{title}” file chooser")
    if name_of(chooser) != title:
        raise JourneyFailed(f"expected the “{title}” file chooser, “{name_of(chooser)}” opened")
    # The name field takes a whole path.
    name = app.wait(lambda a: role_of(a) == Role.TEXT and has_state(a, State.EDITABLE),
                    "the name field of the file chooser", chooser, 10)
    app.fill(name, path, window=chooser)
    app.press_button(button, chooser)
    app.wait_window_closed(chooser, f"the file chooser to close after {button}")
    wait_for(lambda: os.path.exists(path), f"{path} to be written", 20)


def open_new_meeting(app, title):
    """A new meeting on the Meetings page (Ctrl+N), from the standard agenda, retitled."""
    app.show_page(2)
    press(ord("n"), MOD_CONTROL)
    app.wait(named("Add an Item", Role.TEXT), "the agenda of the new meeting")
    app.wait(showing_text("Welcome and introductions"), "the standard agenda in the new meeting")
    app.fill(app.field("Title"), title, enter=True)
    app.wait(lambda a: role_of(a) == Role.LIST_ITEM and name_of(a).startswith(title), f"“{title}” in the list")


def invited(app):
    """The names on the meeting's attendance list."""
    attendance = app.wait(named("Attendance", Role.LIST), "the attendance list")
    return [name_of(a) for a in children(attendance) if role_of(a) == Role.LIST_ITEM]


def meeting_to_calendar(session):
    """A meeting planned from the template, with an item and a working group invited, saved as .ics."""
    session.run_cli("demo", "--people", "40")
    app = session.start()
    open_new_meeting(app, "Research Planning Session")
    app.choose("Group", "Research Working Group")
    app.fill(app.field("Add an Item"), "Rent survey findings", enter=True)
    app.wait(lambda a: role_of(a) == Role.LIST_ITEM and name_of(a).endswith("Rent survey findings"),
             "the new item on the agenda")
    app.click(app.button("Invite the Group"))
    people = wait_for(lambda: invited(app), "the working group on the attendance list")

    path = session.path("research planning.ics")
    save_file(app, lambda: app.click(app.button("Add to Calendar…")), "Add to Calendar", path)

    import icalendar
    with open(path, "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    events = [c for c in calendar.walk("VEVENT") if str(c.get("SUMMARY")) == "Research Planning Session"]
    if len(events) != 1:
        raise JourneyFailed(f"{len(events)} events called “Research Planning Session” in the file")
    event = events[0]
    start = event.get("DTSTART")
    if start is None or "TZID" not in start.params:
        raise JourneyFailed(f"DTSTART has no TZID: {event.get('DTSTART') and event['DTSTART'].to_ical()}")
    description = str(event.get("DESCRIPTION", ""))
    if "Rent survey findings" not in description:
        raise JourneyFailed(f"the agenda item is not in the DESCRIPTION: {description!r}")
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    names = {str(a.params.get("CN", "")): str(a) for a in attendees}
    for person in people:
        if person not in names:
            raise JourneyFailed(f"{person} was invited but is no ATTENDEE (attendees: {sorted(names)})")
        if not names[person].lower().startswith("mailto:") or "@" not in names[person]:
            raise JourneyFailed(f"the ATTENDEE {person} has no e-mail address: {names[person]}")


def sign_in_sheet(session):
    """The sign-in sheet of a meeting printed to a PDF file through the print dialog."""
    session.run_cli("demo", "--people", "40")
    app = session.start()
    open_new_meeting(app, "Research Check-in")
    app.choose("Group", "Research Working Group")
    app.click(app.button("Invite the Group"))
    people = wait_for(lambda: invited(app), "the working group on the attendance list")

    main = app.window
    app.point_at(main)
    press(ord("p"), MOD_CONTROL)
    choice = app.new_window([main], "the Print choice after Ctrl+P")
    app.choose("Document", "Sign-in Sheet", choice)
    app.press_button("Print…", choice)
    app.wait_window_closed(choice, "the Print choice to close")

    dialog = app.new_window([main], "the print dialog")
    printer = app.wait(lambda a: role_of(a) == Role.LABEL and name_of(a) == "Print to File",
                       "“Print to File” among the printers", dialog, 10)
    app.click(printer, dialog)
    # The file is named in a file chooser that its button opens.
    file_button = app.wait(lambda a: role_of(a) == Role.PUSH_BUTTON and name_of(a).endswith(".pdf"),
                           "the output file button of Print to File", dialog, 10)
    path = session.path("sign-in sheet.pdf")
    app.click(file_button, dialog)
    chooser = app.new_window([main, dialog], "the file chooser of Print to File")
    name = app.wait(lambda a: role_of(a) == Role.TEXT and has_state(a, State.EDITABLE),
                    "the name field of the file chooser", chooser, 10)
    app.fill(name, path, window=chooser)
    app.press_button("Select", chooser)
    app.wait_window_closed(chooser, "the file chooser to close after Select")
    app.point_at(dialog)
    app.wait(lambda a: role_of(a) == Role.PUSH_BUTTON and name_of(a).endswith("sign-in sheet.pdf"),
             "the output file button to name the file", dialog, 10)
    app.press_button("Print", dialog)
    app.wait_window_closed(dialog, "the print dialog to close after Print")
    wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, f"{path} to be written", 30)

    # The file is written as it prints: it is whole when pdftotext reads it.
    def text():
        result = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True)
        return " ".join(result.stdout.split()) if result.returncode == 0 else ""

    content = wait_for(lambda: "Sign-in Sheet" in text() and text(), "a readable sign-in sheet in the PDF", 20)
    missing = [person for person in people if person not in content]
    if missing:
        raise JourneyFailed(f"the printed sign-in sheet lacks {missing}: {content[:400]!r}")


def history(app):
    """The entries of “How They Moved”, newest first, each its date and what it says (not the chart above them)."""
    moves = app.wait(named("How They Moved", Role.LIST), "the “How They Moved” list")
    return [" · ".join(name_of(label) for label in children_with_role(item, Role.LABEL))
            for item in children(moves) if role_of(item) == Role.LIST_ITEM and name_of(item) != "Stance over time"]


def children_with_role(accessible, role):
    return find_all(accessible, lambda a: role_of(a) == role)


def power_map(session):
    """A new decision maker placed on a new power map and moved with the arrow keys, the move in their history."""
    app = session.start()
    main = app.window
    app.press_button("Start Empty")
    app.show_page(1)
    app.click(app.button("New Power Map…"))
    dialog = app.new_window([main], "the “New Power Map” dialog")
    app.fill(app.field("Campaign Issue", dialog), "Rent Stabilization Ordinance", window=dialog)
    app.press_button("Create", dialog)
    app.wait_window_closed(dialog, "the “New Power Map” dialog to close")

    add = app.wait(lambda a: role_of(a) in (Role.PUSH_BUTTON, Role.TOGGLE_BUTTON) and name_of(a) == "Add to Map",
                   "the “Add to Map” button")
    app.click(add)
    # Inside a popover, which GTK 4.8 places where AT-SPI cannot say: its action.
    do_action(app.button("New Decision Maker…", timeout=10))
    dialog = app.new_window([main], "the “New Decision Maker” dialog")
    app.fill(app.field("Name", dialog), "Dana Whitfield", window=dialog)
    app.fill(app.field("Title (Council Member, District 3)", dialog), "Council Member, District 3", window=dialog)
    app.press_button("Add to Map", dialog)
    app.wait_window_closed(dialog, "the “New Decision Maker” dialog to close")
    app.wait(named("Dana Whitfield", Role.LABEL), "the details of Dana Whitfield beside the map")
    first = wait_for(lambda: history(app), "the placement of Dana Whitfield in “How They Moved”", 10)
    if len(first) != 1 or "Neutral or unknown" not in first[0]:
        raise JourneyFailed(f"a new decision maker's history is {first}, not one placement at “Neutral or unknown”")

    app.fill(app.field("Why They Moved (for the Next Move)"), "Heard from tenants at the hearing")

    # Keyboard only on the map: a click on an empty spot gives it the focus
    # and chooses no one, Tab chooses the one node, → moves them towards us.
    canvas = app.wait(named("Power map", Role.PANEL), "the power map")
    box = extents(canvas)
    Atspi.generate_mouse_event(box[0] + 12, box[1] + 12, "b1c")
    wait_for(lambda: has_state(canvas, State.FOCUSED), "the focus on the power map", 10)
    press(KEY_TAB)
    app.wait(named("Dana Whitfield", Role.LABEL), "Dana Whitfield chosen on the map with Tab", timeout=10)
    press(KEY_RIGHT)

    try:
        moves = wait_for(lambda: len(history(app)) == 2 and history(app), "the move in “How They Moved”", 10)
    except TimeoutError:
        raise JourneyFailed(f"after → on the map, “How They Moved” says {history(app)}")
    if "Leaning with us" not in moves[0] or "Heard from tenants at the hearing" not in moves[0]:
        raise JourneyFailed(f"the newest move says “{moves[0]}”, not “Leaning with us” with the note")

    # Above the moves, the chart of the stance over time, told in words.
    chart = app.wait(named("Stance over time", Role.IMAGE), "the chart of Dana Whitfield's stance over time")
    story = description_of(chart).splitlines()
    if len(story) != 2 or not story[0].startswith("Neutral or unknown since ") or \
            not story[1].startswith("Leaning with us since "):
        raise JourneyFailed(f"the chart of the stance says {story}, not neutral, then leaning with us")


def review_after_held(session):
    """A meeting closed with an open action item: the item is on the next meeting's review."""
    app = session.start()
    main = app.window
    open_new_meeting(app, "Tenant Assembly")
    app.fill(app.field("Add an Action Item"), "Call the housing inspector", enter=True)
    actions = app.wait(named("Action Items", Role.LIST), "the action items of the meeting")
    app.wait(lambda a: role_of(a) == Role.LIST_ITEM and name_of(a) == "Call the housing inspector",
             "the new action item", actions, 10)

    app.click(app.button("Mark as Held…"))
    dialog = app.new_window([main], "the “When Is the Next Meeting?” dialog")
    if name_of(dialog) != "When Is the Next Meeting?":
        raise JourneyFailed(f"Mark as Held opened “{name_of(dialog)}”, not “When Is the Next Meeting?”")
    next_day = datetime.date.today() + datetime.timedelta(days=35)
    app.fill(app.field("Date of the next meeting, as year-month-day", dialog), next_day.isoformat(), window=dialog)
    app.fill(app.field("Start time, as hours:minutes", dialog), "18:30", window=dialog)
    app.press_button("Plan It", dialog)
    app.wait_window_closed(dialog, "the dialog to close after Plan It")
    app.wait(showing_text("Marked as held. The next meeting:"), "the toast saying when the next meeting is",
             app.window)

    # The next meeting, by its date in the list of meetings.
    when = next_day.strftime("%A %-d %B %Y")
    meetings = app.wait(named("Meetings", Role.LIST), "the list of meetings")
    item = app.wait(lambda a: role_of(a) == Role.LIST_ITEM and name_of(a) == "Tenant Assembly"
                    and find(a, lambda l: role_of(l) == Role.LABEL and when in name_of(l)) is not None,
                    f"the next “Tenant Assembly”, on {when}, in the list", meetings)
    app.click(item)
    app.wait(lambda a: role_of(a) == Role.TEXT and name_of(a) == "Date, as Year-Month-Day"
             and text_of(a) == next_day.isoformat(), f"the next meeting ({next_day.isoformat()}) open")
    review = app.wait(named("Review of Action Items", Role.LIST), "the review of action items of the next meeting")
    try:
        app.wait(lambda a: role_of(a) == Role.LIST_ITEM and name_of(a) == "Call the housing inspector",
                 "“Call the housing inspector” in the review of action items", review, 10)
    except TimeoutError:
        listed = [name_of(a) for a in children(review) if role_of(a) == Role.LIST_ITEM]
        raise JourneyFailed(f"the next meeting's review of action items lists {listed}, "
                            "not “Call the housing inspector”")


JOURNEYS = {
    "first-start": first_start,
    "first-start-es": first_start_spanish,
    "import-members": import_members,
    "meeting-to-calendar": meeting_to_calendar,
    "sign-in-sheet": sign_in_sheet,
    "power-map": power_map,
    "review-after-held": review_after_held,
}

if __name__ == "__main__":
    sys.exit(run_journeys(JOURNEYS, sys.argv))
