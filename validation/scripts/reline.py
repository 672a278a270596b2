#!/usr/bin/python3
"""Insert `#line` directives into the post-image files of a patch so that every line not touched by the
patch keeps its PRE-image line number (the "relined" build: same code as the fix, old __LINE__ values).

Usage: reline.py FIX.patch TREE_DIR      (files are rewritten via rename: hard links are never written)

A directive is only a directive outside comments: a `#line` written inside a block comment (a hunk
that ends inside one, e.g. after an added `/*` line) is comment text, and the file is then shifted by
the hunk's delta plus the inserted line. Such a line is split: the comment is closed (`*/`), the
directive follows, and the line reopens the comment (`/*` + its text), which keeps its number exact.
After a line ending in a backslash (macro bodies, continued strings) no directive can be inserted: it
waits for the next line that starts a logical line.
"""
import os
import re
import sys


def hunks(patch_text):
    """file -> list of hunks (old_start, old_len, new_start, new_len, {new_line: old_line or None})."""
    files = {}
    cur = None
    left_old = left_new = 0
    for line in patch_text.splitlines():
        if left_old == 0 and left_new == 0:
            # Between hunks: only headers. Inside a hunk the counts decide, so a removed line that
            # reads "-- x" is never taken for a header.
            if line.startswith('+++ '):
                path = line[4:].split('\t')[0]
                cur = files.setdefault(path[2:] if path.startswith('b/') else path, [])
                continue
            m = re.match(r'^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@', line)
            if m and cur is not None:
                o, ol, n, nl = int(m.group(1)), int(m.group(2) or 1), int(m.group(3)), int(m.group(4) or 1)
                # An empty side counts from the line before the hunk ("-0,0", "+5,0").
                h = (o if ol else o + 1, ol, n if nl else n + 1, nl, {})
                cur.append(h)
                old, new = h[0], h[2]
                left_old, left_new = ol, nl
            continue
        if line.startswith('\\'):
            continue  # "\ No newline at end of file"
        m = cur[-1][4]
        if line.startswith('+'):
            m[new] = None
            new += 1
            left_new -= 1
        elif line.startswith('-'):
            old += 1
            left_old -= 1
        else:  # context (' ', or an empty line whose space an editor stripped)
            m[new] = old
            old += 1
            new += 1
            left_old -= 1
            left_new -= 1
    return files


def old_numbers(n_lines, file_hunks):
    """Old line number (or None for an added line) of every new line 1..n_lines."""
    out = [None] * (n_lines + 1)
    delta = 0  # old - new outside hunks, from the end of the previous hunk
    i = 1
    for o, ol, n, nl, m in sorted(file_hunks, key=lambda h: h[2]):
        while i < n and i <= n_lines:
            out[i] = i + delta
            i += 1
        for j in range(n, n + nl):
            if j <= n_lines:
                out[j] = m.get(j)
        i = max(i, n + nl)
        delta = (o + ol) - (n + nl)
    while i <= n_lines:
        out[i] = i + delta
        i += 1
    return out


def line_states(lines):
    """Per line, the lexical state at its start: 'code', 'comment' (inside /* */) or 'continued' (a
    // comment or a string that the previous line continued with a backslash)."""
    states = []
    state = 'code'  # or 'comment', 'line-comment', a quote character (inside a string)
    for text in lines:
        states.append(state if state in ('code', 'comment') else 'continued')
        i, n = 0, len(text)
        if state == 'line-comment':
            i = n
        while i < n:
            if state == 'comment':
                j = text.find('*/', i)
                if j < 0:
                    break
                state, i = 'code', j + 2
            elif state in ('"', "'"):
                while i < n and text[i] != state:
                    i += 2 if text[i] == '\\' else 1
                if i < n:
                    state = 'code'
                i += 1
            elif text.startswith('/*', i):
                state, i = 'comment', i + 2
            elif text.startswith('//', i):
                state, i = 'line-comment', n
            else:
                if text[i] in '"\'':
                    state = text[i]
                i += 1
        if state != 'comment' and not text.endswith('\\'):
            state = 'code'  # strings and line comments end with their line unless continued
    return states


def reline(path, file_hunks):
    with open(path) as f:
        lines = f.read().split('\n')
    olds = old_numbers(len(lines), file_hunks)
    states = line_states(lines)
    out = []
    prev_old = 0
    prev_cont = False
    pending = False
    for i, text in enumerate(lines, start=1):
        o = olds[i]
        if o is None or o != prev_old + 1:
            pending = True
        if pending and o is not None and not prev_cont and states[i - 1] != 'continued':
            if states[i - 1] == 'comment':
                out += ['*/', '#line %d' % o]
                text = '/*' + text
            else:
                out.append('#line %d' % o)
            pending = False
        out.append(text)
        prev_old = o if o is not None else -10
        prev_cont = lines[i - 1].endswith('\\')
    tmp = path + '.reline.tmp'
    with open(tmp, 'w') as f:
        f.write('\n'.join(out))
    os.replace(tmp, path)


def main():
    patch, tree = sys.argv[1], sys.argv[2]
    with open(patch) as f:
        maps = hunks(f.read())
    for path, h in maps.items():
        reline(os.path.join(tree, path), h)


if __name__ == '__main__':
    main()
