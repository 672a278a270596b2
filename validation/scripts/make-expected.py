#!/usr/bin/python3
"""Write validation/cases/CASE/expected.json from $WORK/out/CASE/compare.json (see build-case.sh), and
copy the pre-image of every file the patch touches to validation/cases/CASE/src/<tree path>
(and, for a .c compiled inside another TU, that TU and the .c files it includes).

Usage: make-expected.py CASE   (env: WORK [/tmp/kbuild], KSRC [/tmp/ksrc/linux-source-6.1])
An existing expected.json keeps its "notes".
"""
import json
import os
import re
import shutil
import sys

case = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
casedir = os.path.join(here, '..', 'cases', case)
work = os.environ.get('WORK', '/tmp/kbuild')
ksrc = os.environ.get('KSRC', '/tmp/ksrc/linux-source-6.1')

with open(os.path.join(work, 'out', case, 'compare.json')) as f:
    cmp = json.load(f)
with open(os.path.join(casedir, 'tus.txt')) as f:
    tus = [l.strip() for l in f if l.strip()]

exp_path = os.path.join(casedir, 'expected.json')
notes = ''
if os.path.exists(exp_path):
    with open(exp_path) as f:
        notes = json.load(f).get('notes', '')


def parent(n):
    return n[:-5] if n.endswith('.cold') else n


changed_by_tu, line_by_tu, added, removed = {}, {}, {}, {}
for tu in tus:
    r = cmp[tu[:-2] + '.o']
    ch = sorted({parent(n) for n in r['changed']})
    lo = sorted({parent(n) for n in r['lineOnlyCode'] + r['lineOnlyBugTable']} - set(ch))
    if ch:
        changed_by_tu[tu] = ch
    if lo:
        line_by_tu[tu] = lo
    if r['added']:
        added[tu] = r['added']
    if r['removed']:
        removed[tu] = r['removed']

expected = {
    'changed': sorted({n for v in changed_by_tu.values() for n in v}),
    'lineOnly': sorted({n for v in line_by_tu.values() for n in v}),
    'tus': tus,
    'notes': notes,
    'changedByTu': changed_by_tu,
    'lineOnlyByTu': line_by_tu,
    'addedSymbols': added,
    'removedSymbols': removed,
}
with open(exp_path, 'w') as f:
    json.dump(expected, f, indent=2)
    f.write('\n')

with open(os.path.join(casedir, 'fix.patch')) as f:
    files = re.findall(r'^\+\+\+ b/(\S+)', f.read(), re.M)
# A patched .c compiled inside another TU (rt.c in build_policy.c): ship that TU and every .c it
# includes too, for the review tier's caller search over the whole TU.
if any(p.endswith('.c') for p in files):
    for tu in tus:
        if tu in files:
            continue
        files.append(tu)
        with open(os.path.join(ksrc, tu)) as f:
            for inc in re.findall(r'^[ \t]*#[ \t]*include[ \t]*"([^"]+\.c)"', f.read(), re.M):
                files.append(os.path.normpath(os.path.join(os.path.dirname(tu), inc)))
for p in dict.fromkeys(files):
    dst = os.path.join(casedir, 'src', p)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(os.path.join(ksrc, p), dst)
print(json.dumps(expected, indent=2))
