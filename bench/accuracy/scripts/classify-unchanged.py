#!/usr/bin/python3
"""Classify the entries a report lists (tiers required/review/layout, rebuilt TUs) whose code did not
change: what the precision figure counts against the engine (RESULTS.md).

Usage: classify-unchanged.py REPORTS_DIR [OUT] [BASE]
  REPORTS_DIR  score.mjs --reports DIR (one <case>.json report per case)
  OUT          build-cases.py's or retruth.py's output: cases/<case>/compare.json, pre/<objects>
               [/tmp/k/accuracy-out]
  BASE         the unpacked base bundle (dumps) [/tmp/k/base-dir]
Prints the classes with counts, then every entry (case, TU, function, chain, tier) by class.
"""
import collections
import functools
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, '../cases')
TIERS = {'required', 'review', 'layout'}


def main():
    reports = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else '/tmp/k/accuracy-out'
    base = sys.argv[3] if len(sys.argv) > 3 else '/tmp/k/base-dir'

    @functools.lru_cache(None)
    def base_functions(tu):
        text = subprocess.run(['readelf', '-sW', os.path.join(out, 'pre', tu[:-2] + '.o')],
                              capture_output=True, text=True).stdout
        return {f[7] for f in (line.split() for line in text.splitlines()) if len(f) >= 8 and f[3] == 'FUNC'}

    @functools.lru_cache(None)
    def dump(tu):
        names, removed = set(), set()
        path = os.path.join(base, tu + '.000i.ipa-clones')
        lines = open(path).read().splitlines() if os.path.exists(path) else []
        for line in lines:
            f = line.split(';')
            if f[0] == 'Callgraph clone' and len(f) > 6:
                names.update((f[1], f[6]))
            elif f[0] == 'Callgraph removal' and len(f) > 1:
                names.add(f[1])
                removed.add(f[1])
        return names, removed

    def classify(a, truth, cmp):
        kinds = [link['kind'] for link in a['chain']]
        if a['name'] in cmp.get(a['tu'][:-2] + '.o', {}).get('removed', []):
            return 'gone after the fix (in the base object, not in the fixed one)'
        if a['name'] not in base_functions(a['tu']):
            names, removed = dump(a['tu'])
            if a['name'] in removed:
                return 'no symbol in the base object: inlined everywhere; report: symbol ' + a['symbol']
            if a['name'] in names:
                return 'no symbol in the base object, no removal line; report: symbol ' + a['symbol']
            return 'not compiled in this configuration; report: symbol ' + a['symbol']
        if a['name'] in truth['lineOnly'].get(a['tu'], []):
            return 'line numbers only'
        if a['tier'] == 'layout':
            return 'layout reach, same code'
        if a['tier'] == 'review' and 'caller-of' in kinds:
            return 'caller of a changed clone (review), same code'
        if kinds[-1] == 'inlined-into':
            return 'inline container, same code'
        if kinds[-1] == 'cloned-as':
            return 'clone, same code'
        if kinds == ['changed']:
            return 'edited function, same code'
        return a['tier'] + ' ' + '/'.join(kinds) + ', same code'

    by = collections.defaultdict(list)
    for f in sorted(os.listdir(reports)):
        case = f[:-5]
        report = json.load(open(os.path.join(reports, f)))
        if report is None or not os.path.exists(os.path.join(CASES, case, 'truth.json')):
            continue
        truth = json.load(open(os.path.join(CASES, case, 'truth.json')))
        cmp_path = os.path.join(out, 'cases', case, 'compare.json')
        cmp = json.load(open(cmp_path)) if os.path.exists(cmp_path) else {}
        built = set(truth['built'])
        changed = {(tu, n) for tu, names in truth['changed'].items() for n in names}
        seen = set()  # the scorer counts a TU's function once
        for a in report['affected']:
            key = (a['tu'], a['name'])
            if a['tier'] not in TIERS or a['tu'] not in built or key in seen or key in changed:
                continue
            seen.add(key)
            chain = ' > '.join(link['kind'] + ' ' + link['name'] for link in a['chain'])
            by[classify(a, truth, cmp)].append((case, a['tu'], a['name'], chain, a['tier']))
    ranked = sorted(by.items(), key=lambda kv: -len(kv[1]))
    print('%d entries whose code did not change' % sum(len(v) for v in by.values()))
    for cls, entries in ranked:
        print('%5d  %3d cases  %s' % (len(entries), len({e[0] for e in entries}), cls))
    for cls, entries in ranked:
        print('\n## ' + cls)
        for e in entries:
            print('  %s  %s:%s  [%s]  %s' % (e[0], e[1], e[2], e[4], e[3]))


if __name__ == '__main__':
    main()
