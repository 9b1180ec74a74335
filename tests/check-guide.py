#!/usr/bin/env python3
# Checks the user guide in docs/guide: every page is well-formed Mallard
# (validated by yelp-check when yelp-tools is installed), every figure a page
# shows exists, every link goes to a page (and section) that exists, and every
# page is linked from the index, so that Help shows all of it.
#
# Usage: check-guide.py GUIDE_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

MAL = '{http://projectmallard.org/1.0/}'


def main(guide):
    problems = []
    pages = {}
    for name in sorted(os.listdir(guide)):
        if not name.endswith('.page'):
            continue
        try:
            pages[name[:-5]] = ET.parse(os.path.join(guide, name)).getroot()
        except ET.ParseError as error:
            problems.append(f'{name}: not well-formed: {error}')
    if 'index' not in pages:
        problems.append('there is no index.page')

    def ids_of(root):
        return {e.get('id') for e in root.iter() if e.get('id')}

    for page_id, root in pages.items():
        name = page_id + '.page'
        if root.tag != MAL + 'page':
            problems.append(f'{name}: the root element is not a Mallard page')
            continue
        if root.get('id') != page_id:
            problems.append(f'{name}: its id is “{root.get("id")}”, not “{page_id}”')
        for media in root.iter(MAL + 'media'):
            src = media.get('src', '')
            if not os.path.isfile(os.path.join(guide, src)):
                problems.append(f'{name}: the figure {src} does not exist')
        for link in root.iter(MAL + 'link'):
            xref = link.get('xref')
            if xref is None:
                continue
            target, _, section = xref.partition('#')
            target = target or page_id
            if target not in pages:
                problems.append(f'{name}: links to {xref}, but there is no {target}.page')
            elif section and section not in ids_of(pages[target]):
                problems.append(f'{name}: links to {xref}, but {target}.page has no section “{section}”')
        if page_id != 'index':
            guides = [link.get('xref', '') for info in root.findall(MAL + 'info')
                      for link in info.findall(MAL + 'link') if link.get('type') == 'guide']
            if not any(g.partition('#')[0] == 'index' for g in guides):
                problems.append(f'{name}: not linked from the index (no <link type="guide" xref="index#…"/>)')

    yelp_check = shutil.which('yelp-check')
    if yelp_check:
        result = subprocess.run([yelp_check, 'validate', guide], capture_output=True, text=True)
        if result.returncode != 0 or result.stdout.strip():
            problems.append('yelp-check validate:\n' + result.stdout + result.stderr)
    else:
        print('yelp-check is not installed (apt-get install yelp-tools): only well-formedness, '
              'figures and links were checked')

    for problem in problems:
        print(problem)
    print(f'{len(pages)} pages, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        print('usage: check-guide.py GUIDE_DIR', file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
