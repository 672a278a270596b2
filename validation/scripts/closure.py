#!/usr/bin/python3
"""Plain dump closure (for comparison with the machine-code truth): every cgraph node reachable from the
named functions through `Callgraph clone` lines (inlining and clones), minus removed nodes.
Usage: closure.py DUMP FUNC [FUNC...]   Prints the reachable present function names."""
import collections
import sys

edges = collections.defaultdict(set)
removed, names = set(), {}
for line in open(sys.argv[1]):
    f = line.rstrip('\n').split(';')
    if f[0] == 'Callgraph clone' and len(f) >= 12:
        a, b = (f[1], f[2]), (f[6], f[7])
        edges[a].add(b)
        names[a[1]], names[b[1]] = a[0], b[0]
    elif f[0] == 'Callgraph removal':
        removed.add((f[1], f[2]))
start = [n for n in edges if n[0] in sys.argv[2:]] + [n for n in removed if n[0] in sys.argv[2:]]
seen, todo = set(start), list(start)
while todo:
    for m in edges[todo.pop()]:
        if m not in seen:
            seen.add(m)
            todo.append(m)
present = sorted({n[0] for n in seen if n not in removed})
print('\n'.join(present))
