#!/usr/bin/env python3
"""Checks on the sources and the built programs that no test can make at
run time.

  check-sources.py sql SRC_DIR
      No SQL is built from text: no sqlite3_mprintf () and friends, and no
      printf-style or concatenated string that reads as SQL takes a %s (or
      %q, %Q, %w) or a string argument. Values reach SQLite as bound
      parameters only. (Integers may be formatted, as in
      "PRAGMA user_version = %d".)

  check-sources.py network SRC_DIR MESON_BUILD PROGRAM...
      Nothing is sent anywhere: the programs link no HTTP, TLS or socket
      library, the build declares none, and the sources use no socket,
      resolver or HTTP API.

  check-sources.py strings SRC_DIR
      Every string a person reads is translatable: a literal with words
      given to a label, button, title, tooltip, toast, dialog, menu, file
      chooser, accessible name, error (g_set_error) or the command line's
      messages must be inside _(), N_(), C_() or ngettext; in .ui files such
      properties carry translatable="yes". A line that must stay as it is
      (a file format's own words) says why in a comment holding
      "untranslated".

Each check first proves on a made-up snippet that it catches what it looks
for, so a check that has rotted fails instead of passing everything.
"""
import os
import re
import subprocess
import sys

SQL_START = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH|BEGIN|ATTACH|VACUUM)\b")
SQL_WORDS = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|WHERE|VALUES|MATCH|ORDER BY|PRAGMA)\b")
TEXT_CONVERSION = re.compile(r"%[-+ #0-9.*]*(?:l|ll|z|h)?[sqQwz]")
PRINTF_CALLS = ("g_strdup_printf", "g_string_printf", "g_string_append_printf", "g_strdup_vprintf",
                "g_string_append_vprintf", "sprintf", "snprintf", "g_snprintf", "asprintf")
MPRINTF_CALLS = re.compile(r"\bsqlite3_(v?mprintf|v?snprintf|str_appendf|str_vappendf)\s*\(")
CONCAT_CALLS = ("g_strconcat", "g_strjoin")


def strip_comments(text):
    """C source without comments, strings and lines kept in place."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def call_arguments(text, start):
    """The top-level arguments of the call whose '(' is at start."""
    depth, i, args, current = 0, start, [], []
    while i < len(text):
        c = text[i]
        if c in "\"'":
            quote, j = c, i + 1
            while j < len(text) and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            current.append(text[i:j + 1])
            i = j + 1
            continue
        if c == "(":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c == ")":
            depth -= 1
            if depth == 0:
                args.append("".join(current).strip())
                return args
        elif c == "," and depth == 1:
            args.append("".join(current).strip())
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    return args


def literal_text(argument):
    """The text of adjacent string literals in an argument ("a" "b"), or None."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', argument)
    return "".join(parts) if parts else None


def sql_problems(name, text):
    problems = []
    code = strip_comments(text)

    def where(offset):
        return "%s:%d" % (name, code.count("\n", 0, offset) + 1)

    for match in MPRINTF_CALLS.finditer(code):
        problems.append("%s: %s builds SQL from text; bind the value instead" % (where(match.start()), match.group(0)))

    for call in PRINTF_CALLS:
        for match in re.finditer(r"\b%s\s*\(" % call, code):
            for argument in call_arguments(code, match.end() - 1):
                fmt = literal_text(argument)
                if fmt is None:
                    continue
                if (SQL_START.search(fmt) or SQL_WORDS.search(fmt)) and TEXT_CONVERSION.search(fmt):
                    problems.append("%s: %s formats text into SQL: %r" % (where(match.start()), call, fmt[:80]))
                break

    for call in CONCAT_CALLS:
        for match in re.finditer(r"\b%s\s*\(" % call, code):
            args = call_arguments(code, match.end() - 1)
            literals = [literal_text(a) for a in args]
            if any(l is not None and (SQL_START.search(l) or SQL_WORDS.search(l)) for l in literals) and \
               any(l is None and a not in ("NULL",) for l, a in zip(literals, args)):
                problems.append("%s: %s joins text into SQL" % (where(match.start()), call))
    return problems


def check_sql(src_dir):
    bad = '''
      char *a = sqlite3_mprintf ("SELECT * FROM person WHERE name = %Q", name);
      char *b = g_strdup_printf ("DELETE FROM person WHERE id IN (%s)", list);
      char *c = g_strconcat ("SELECT id FROM tag WHERE name = '", tag, "'", NULL);
      g_string_append_printf (sql, " WHERE name = '%s'", name);
    '''
    good = '''
      /* g_strdup_printf ("SELECT %s", x) in a comment is not code */
      char *d = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      char *e = g_strdup_printf (_("The database is damaged: %s"), message);
    '''
    caught = sql_problems("self-test", bad)
    if len(caught) != 4 or sql_problems("self-test", good):
        print("check-sources: the SQL check no longer catches what it should: %s" % caught, file=sys.stderr)
        return 1

    problems = []
    for root, _, files in os.walk(src_dir):
        for f in sorted(files):
            if f.endswith(".c"):
                path = os.path.join(root, f)
                with open(path, encoding="utf-8") as handle:
                    problems += sql_problems(os.path.relpath(path, os.path.dirname(src_dir)), handle.read())
    for p in problems:
        print("check-sources: " + p, file=sys.stderr)
    return 1 if problems else 0


NETWORK_LIBRARIES = re.compile(r"\b(libsoup|libcurl|libgnutls|libssl|libcrypto|libnghttp|libldap|libresolv|"
                               r"libwebkit|libjavascriptcore)[-.\w]*\.so")
NETWORK_DEPENDENCIES = re.compile(r"dependency\s*\(\s*'(libsoup[-\w.]*|libcurl|gnutls|openssl|webkit[-\w.]*)'")
NETWORK_CALLS = re.compile(r"\b(GSocket\w*|g_socket_\w+|GResolver|g_resolver_\w+|GNetwork\w*|g_network_\w+|"
                           r"soup_\w+|curl_\w+|getaddrinfo|gethostbyname|socket|connect|sendto|"
                           r"g_tls_\w+|GTls\w*|g_proxy_\w+)\s*\(")


def check_network(src_dir, meson_build, programs):
    problems = []
    if not NETWORK_CALLS.search("GSocketClient *c = g_socket_client_new ();") or \
       not NETWORK_LIBRARIES.search("libsoup-3.0.so.0 => /usr/lib/libsoup-3.0.so.0") or \
       NETWORK_CALLS.search("coalition_store_connect_signals (self);"):
        print("check-sources: the network check no longer catches what it should", file=sys.stderr)
        return 1

    for program in programs:
        linked = subprocess.run(["ldd", program], capture_output=True, text=True, check=True).stdout
        for match in NETWORK_LIBRARIES.finditer(linked):
            problems.append("%s links %s" % (os.path.basename(program), match.group(0)))

    with open(meson_build, encoding="utf-8") as handle:
        for match in NETWORK_DEPENDENCIES.finditer(handle.read()):
            problems.append("meson.build depends on %s" % match.group(1))

    for root, _, files in os.walk(src_dir):
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                path = os.path.join(root, f)
                with open(path, encoding="utf-8") as handle:
                    code = strip_comments(handle.read())
                for match in NETWORK_CALLS.finditer(code):
                    problems.append("%s:%d uses %s" % (os.path.relpath(path, os.path.dirname(src_dir)),
                                                       code.count("\n", 0, match.start()) + 1, match.group(1)))

    for p in problems:
        print("check-sources: nothing may be sent anywhere, but " + p, file=sys.stderr)
    return 1 if problems else 0


# call: the positions (from 0) of its arguments that a person reads.
UI_CALLS = {
    "gtk_label_new": (0,), "gtk_label_set_text": (1,), "gtk_label_set_label": (1,),
    "gtk_label_set_markup": (1,), "gtk_label_new_with_mnemonic": (0,),
    "gtk_button_new_with_label": (0,), "gtk_button_new_with_mnemonic": (0,), "gtk_button_set_label": (1,),
    "gtk_check_button_new_with_label": (0,), "gtk_check_button_new_with_mnemonic": (0,),
    "gtk_check_button_set_label": (1,), "gtk_toggle_button_new_with_label": (0,),
    "gtk_menu_button_set_label": (1,), "gtk_widget_set_tooltip_text": (1,), "gtk_widget_set_tooltip_markup": (1,),
    "gtk_window_set_title": (1,), "gtk_entry_set_placeholder_text": (1,), "gtk_text_set_placeholder_text": (1,),
    "gtk_search_entry_set_placeholder_text": (1,), "gtk_file_filter_set_name": (1,),
    "gtk_file_chooser_native_new": (0, 3, 4), "gtk_print_operation_set_job_name": (1,),
    "adw_window_title_new": (0, 1), "adw_window_title_set_title": (1,), "adw_window_title_set_subtitle": (1,),
    "adw_preferences_row_set_title": (1,), "adw_action_row_set_subtitle": (1,),
    "adw_expander_row_set_subtitle": (1,), "adw_preferences_group_set_title": (1,),
    "adw_preferences_group_set_description": (1,), "adw_preferences_page_set_title": (1,),
    "adw_status_page_set_title": (1,), "adw_status_page_set_description": (1,),
    "adw_toast_new": (0,), "adw_toast_set_title": (1,), "adw_toast_set_button_label": (1,),
    "adw_message_dialog_new": (1, 2), "adw_message_dialog_set_heading": (1,), "adw_message_dialog_set_body": (1,),
    "adw_message_dialog_add_response": (2,), "adw_message_dialog_format_body": (1,),
    "adw_message_dialog_format_heading": (1,), "adw_view_stack_add_titled": (3,),
    "adw_view_stack_page_set_title": (1,), "adw_entry_row_new": (), "adw_combo_row_new": (),
    "g_menu_append": (1,), "g_menu_item_new": (0,), "g_menu_append_section": (1,),
    "g_menu_append_submenu": (1,), "g_menu_item_new_section": (0,), "g_menu_item_new_submenu": (0,),
    "g_set_error": (3,), "g_set_error_literal": (3,), "g_prefix_error": (1,),
    "g_option_context_new": (0,), "g_option_context_set_summary": (1,),
    "g_option_context_set_description": (1,), "g_printerr": (0,), "g_print": (0,),
    "printf": (0,), "fprintf": (1,),
    "gtk_show_about_dialog": (), "adw_about_window_set_developer_name": (1,),
    "adw_about_window_set_comments": (1,), "adw_about_window_set_translator_credits": (),
}
ACCESSIBLE_TEXT = re.compile(r"GTK_ACCESSIBLE_PROPERTY_(LABEL|DESCRIPTION|PLACEHOLDER)")
TRANSLATED = re.compile(r"^\s*(?:\(\s*char\s*\*\s*\)\s*)?(?:_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2|dngettext)\s*\(")
UI_PROPERTIES = ("label", "title", "subtitle", "tooltip-text", "tooltip-markup", "placeholder-text",
                 "description", "heading", "body", "text", "button-label", "comments")


def reads_as_words(text):
    """A literal a person would read: a letter, and a space or a capital."""
    text = re.sub(r"%[-+ #0-9.*]*(?:l|ll|z|h|G_G?INT64_FORMAT)?[a-zA-Z]", "", text)
    text = re.sub(r"\\[nt]", " ", text)
    if not re.search(r"[^\W\d_]", text):
        return False
    if text.endswith("-symbolic") or re.fullmatch(r"[a-z0-9._:-]+", text):
        return False
    return " " in text.strip() or bool(re.match(r"[^\W\d_]", text.strip())) and text.strip()[0].isupper()


def string_problems(name, text):
    problems = []
    code = strip_comments(text)
    lines = text.split("\n")

    def where(offset):
        return code.count("\n", 0, offset) + 1

    for call, positions in UI_CALLS.items():
        for match in re.finditer(r"\b%s\s*\(" % call, code):
            args = call_arguments(code, match.end() - 1)
            picked = list(positions)
            if call == "gtk_accessible_update_property":
                picked = []
            for pos in picked:
                if pos >= len(args) or TRANSLATED.match(args[pos]):
                    continue
                literal = literal_text(args[pos]) if args[pos].lstrip().startswith('"') else None
                if literal is None or not reads_as_words(literal):
                    continue
                line = where(match.start())
                if "untranslated" in lines[line - 1] or (line >= 2 and "untranslated" in lines[line - 2]):
                    continue
                problems.append("%s:%d: %s shows %r untranslated; wrap it in _()" % (name, line, call, literal[:60]))
    # Properties set by name, as in g_object_new () or adw_show_about_window ().
    for match in re.finditer(r'"(%s|developer-name|copyright)"\s*,\s*"((?:[^"\\]|\\.)*)"' % "|".join(UI_PROPERTIES), code):
        line = where(match.start())
        if reads_as_words(match.group(2)) and "untranslated" not in lines[line - 1]:
            problems.append("%s:%d: property %s %r untranslated; wrap it in _()" % (name, line, match.group(1), match.group(2)[:60]))
    for match in re.finditer(r"\bgtk_accessible_update_property\s*\(", code):
        args = call_arguments(code, match.end() - 1)
        for i in range(1, len(args) - 1):
            if ACCESSIBLE_TEXT.search(args[i]) and not TRANSLATED.match(args[i + 1]):
                literal = literal_text(args[i + 1]) if args[i + 1].lstrip().startswith('"') else None
                if literal is not None and reads_as_words(literal):
                    problems.append("%s:%d: an accessible name %r untranslated; wrap it in _()"
                                    % (name, where(match.start()), literal[:60]))
    return problems


def ui_problems(name, text):
    problems = []
    for match in re.finditer(r'<property\s+name="([^"]+)"([^>]*)>([^<]*)</property>', text):
        prop, attributes, value = match.groups()
        if prop in UI_PROPERTIES and 'translatable="yes"' not in attributes and reads_as_words(value):
            problems.append("%s:%d: property %s %r is not translatable=\"yes\""
                            % (name, text.count("\n", 0, match.start()) + 1, prop, value[:60]))
    return problems


def check_strings(src_dir):
    bad_c = '''
      gtk_widget_set_tooltip_text (button, "Delete this person");
      adw_toast_new ("Saved");
      g_object_new (ADW_TYPE_ABOUT_WINDOW, "developer-name", "The Coalition developers", NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The file could not be read");
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom In", -1);
    '''
    good_c = '''
      gtk_widget_set_tooltip_text (button, _("Delete this person"));
      gtk_button_set_icon_name (button, "user-trash-symbolic");
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_label_set_text (label, "—");
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be read"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom In"), -1);
      gtk_label_set_text (label, "BEGIN:VCALENDAR"); /* untranslated: the format's own word */
    '''
    bad_ui = '<property name="label">Add Person</property>'
    good_ui = '<property name="label" translatable="yes">Add Person</property><property name="icon-name">list-add-symbolic</property>'
    if len(string_problems("bad.c", bad_c)) != 5 or string_problems("good.c", good_c) or \
       len(ui_problems("bad.ui", bad_ui)) != 1 or ui_problems("good.ui", good_ui):
        print("check-sources: the strings check no longer tells untranslated text from translated", file=sys.stderr)
        return 1
    problems = []
    for root, dirs, files in os.walk(src_dir):
        for file in sorted(files):
            path = os.path.join(root, file)
            shown = os.path.relpath(path, os.path.dirname(src_dir))
            if file.endswith(".c"):
                with open(path, encoding="utf-8") as source:
                    problems += string_problems(shown, source.read())
            elif file.endswith(".ui"):
                with open(path, encoding="utf-8") as source:
                    problems += ui_problems(shown, source.read())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("%d strings a person reads are not translatable" % len(problems), file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "sql":
        return check_sql(argv[2])
    if len(argv) >= 3 and argv[1] == "strings":
        return check_strings(argv[2])
    if len(argv) >= 5 and argv[1] == "network":
        return check_network(argv[2], argv[3], argv[4:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
