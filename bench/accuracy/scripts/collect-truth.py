#!/usr/bin/python3
"""Reduce build-cases.sh's compare.json of every case to the committed truth.json.

Usage: collect-truth.py CASES_DIR OUT   (OUT as in build-cases.sh)

truth.json: {"built": [tu...], "failed": [tu...], "changed": {tu: [symbol...]},
             "lineOnly": {tu: [symbol...]}, "added": {tu: [...]}, "removed": {tu: [...]},
             "dataChanged": {tu: [object...]}}
`changed` holds the functions whose machine code differs from the base with pre-image line numbers
kept (X.cold folded into X); `lineOnly` those whose code or __bug_table differs only through moved
line numbers. `dataChanged` holds the data objects that exist on both sides and whose bytes or
relocations differ with pre-image line numbers kept (function-local statics by their name without the
number; module metadata, export tables and dynamic-debug descriptors are not data: compare.py). A case whose every object failed to build (the file needs other parts of the update)
gets "built": [].
"""
import json
import os
import sys


def main():
    cases, out = sys.argv[1:3]
    for c in sorted(os.listdir(cases)):
        d = os.path.join(out, 'cases', c)
        cmp_path = os.path.join(d, 'compare.json')
        if not os.path.isdir(os.path.join(cases, c)) or not os.path.exists(cmp_path):
            continue
        data = json.load(open(cmp_path))
        failed_path = os.path.join(d, 'failed.txt')
        failed = open(failed_path).read().split() if os.path.exists(failed_path) else []
        truth = {'built': [], 'failed': sorted(o[:-2] + '.c' for o in failed),
                 'changed': {}, 'lineOnly': {}, 'added': {}, 'removed': {}, 'dataChanged': {}}
        for obj, r in sorted(data.items()):
            tu = obj[:-2] + '.c'
            truth['built'].append(tu)
            if r['changedParents']:
                truth['changed'][tu] = r['changedParents']
            line_only = sorted(set(r['lineOnlyCode']) | set(r['lineOnlyBugTable']))
            line_only = sorted({n[:-5] if n.endswith('.cold') else n for n in line_only} - set(r['changedParents']))
            if line_only:
                truth['lineOnly'][tu] = line_only
            if r.get('dataChanged'):
                truth['dataChanged'][tu] = r['dataChanged']
            if r['added']:
                truth['added'][tu] = r['added']
            if r['removed']:
                truth['removed'][tu] = r['removed']
        with open(os.path.join(cases, c, 'truth.json'), 'w') as f:
            json.dump(truth, f, indent=1, sort_keys=True)
            f.write('\n')


if __name__ == '__main__':
    main()
