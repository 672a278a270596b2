#!/usr/bin/python3
"""Structural diff of two -fdump-ipa-clones dumps: line/column/uid fields dropped, lines compared as
multisets. Shows inlining/cloning decisions that flipped between PRE and POST.
Usage: dumpdiff.py PRE.ipa-clones POST.ipa-clones"""
import collections
import sys


def load(p):
    c = collections.Counter()
    for line in open(p):
        f = line.rstrip('\n').split(';')
        if f[0] == 'Callgraph clone' and len(f) >= 12:
            c[('clone', f[1], f[3], f[6], f[8], f[11])] += 1
        elif f[0] == 'Callgraph removal' and len(f) >= 3:
            c[('removal', f[1], f[3])] += 1
    return c


a, b = load(sys.argv[1]), load(sys.argv[2])
for k in sorted(set(a) | set(b)):
    if a[k] != b[k]:
        print('%+d %s' % (b[k] - a[k], ';'.join(k)))
