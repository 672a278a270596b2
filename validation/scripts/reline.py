#!/usr/bin/python3
"""Insert `#line` directives into the post-image files of a patch so that every line not touched by the
patch keeps its PRE-image line number (the "relined" build: same code as the fix, old __LINE__ values).

Usage: reline.py FIX.patch TREE_DIR      (files are rewritten via rename: hard links are never written)
"""
import os
import re
import sys


def hunk_maps(patch_text):
    """file -> list of (new_line, old_line or None) for every line covered by hunks."""
    files = {}
    cur = None
    old = new = 0
    for line in patch_text.splitlines():
        if line.startswith('+++ '):
            path = line[4:].split('\t')[0]
            cur = files.setdefault(path[2:] if path.startswith('b/') else path, {})
            continue
        m = re.match(r'^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@', line)
        if m:
            old, new = int(m.group(1)), int(m.group(2))
            continue
        if cur is None or line.startswith('--- ') or line.startswith('diff ') or line.startswith('index '):
            continue
        if line.startswith('+'):
            cur[new] = None
            new += 1
        elif line.startswith('-'):
            old += 1
        elif line.startswith(' ') or line == '':
            cur[new] = old
            old += 1
            new += 1
    return files


def reline(path, m):
    with open(path) as f:
        lines = f.read().split('\n')
    # old line number of every new line: outside hunks the offset is that of the last hunk line seen
    out = []
    delta = 0  # old - new for unchanged lines
    prev_old = 0
    prev_cont = False
    pending = False
    for i, text in enumerate(lines, start=1):
        if i in m:
            o = m[i]
            if o is not None:
                delta = o - i
        else:
            o = i + delta
        if o is None:
            pending = True
        elif o != prev_old + 1:
            pending = True
        if pending and o is not None and not prev_cont:
            out.append('#line %d' % o)
            pending = False
        out.append(text)
        if o is not None:
            prev_old = o
        else:
            prev_old = -10
        prev_cont = text.endswith('\\')
    tmp = path + '.reline.tmp'
    with open(tmp, 'w') as f:
        f.write('\n'.join(out))
    os.replace(tmp, path)


def main():
    patch, tree = sys.argv[1], sys.argv[2]
    with open(patch) as f:
        maps = hunk_maps(f.read())
    for path, m in maps.items():
        reline(os.path.join(tree, path), m)


if __name__ == '__main__':
    main()
