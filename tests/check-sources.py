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


def main(argv):
    if len(argv) >= 3 and argv[1] == "sql":
        return check_sql(argv[2])
    if len(argv) >= 5 and argv[1] == "network":
        return check_network(argv[2], argv[3], argv[4:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
