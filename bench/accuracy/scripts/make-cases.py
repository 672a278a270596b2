#!/usr/bin/python3
"""Split a stable update into one case per changed C file that this build compiles.

Usage: make-cases.py OLD_TREE NEW_TREE BUILD_TREE OUT_DIR [MAX_TUS]

OLD_TREE/NEW_TREE: pristine source trees before and after the update (Debian linux-source-6.1).
BUILD_TREE: OLD_TREE fully built with the livepatch flags (its kbuild `.*.o.cmd` files say which TUs
read which file). OUT_DIR/<case>/ gets fix.patch (the file's diff alone, a/ b/ paths), tus.txt (the
TUs to rebuild: every dependent TU, or MAX_TUS of them sampled evenly over the sorted list) and
meta.json. Files no TU reads are listed in OUT_DIR/not-built.txt; non-C files in OUT_DIR/non-c.txt.
"""
import json
import os
import re
import subprocess
import sys


def changed_files(old, new):
    out = subprocess.run(['diff', '-rq', old, new], capture_output=True, text=True).stdout
    files = set()
    for line in out.splitlines():
        m = re.match(r'^Files (.+) and (.+) differ$', line)
        if m:
            files.add(os.path.relpath(m.group(1), old))
            continue
        m = re.match(r'^Only in (.+): (.+)$', line)
        if m:
            base = old if m.group(1).startswith(old) else new
            path = os.path.relpath(os.path.join(m.group(1), m.group(2)), base)
            full = os.path.join(base, path)
            if os.path.isdir(full):
                for root, _, names in os.walk(full):
                    for n in names:
                        files.add(os.path.relpath(os.path.join(root, n), base))
            else:
                files.add(path)
    return sorted(files)


def dependents(build):
    """file -> sorted TUs (source .c of an object) whose kbuild deps name it."""
    deps = {}
    for root, _, names in os.walk(build):
        for n in names:
            if not (n.startswith('.') and n.endswith('.o.cmd')):
                continue
            text = open(os.path.join(root, n), errors='replace').read()
            src = re.search(r'^source_\S+ := (\S+\.c)$', text, re.M)
            if not src:
                continue
            tu = os.path.normpath(os.path.relpath(os.path.join(build, src.group(1)), build))
            # Only TUs that left a dump count (host tools and assembler sources never do).
            if tu.startswith('..') or not os.path.exists(os.path.join(build, tu + '.000i.ipa-clones')):
                continue
            m = re.search(r'^deps_\S+ := \\\n((?:.*\\\n)*.*)', text, re.M)
            for entry in (m.group(1).split('\\\n') if m else []):
                entry = entry.strip()
                if not entry or entry.startswith('$(wildcard'):
                    continue
                path = os.path.normpath(entry)
                if os.path.isabs(path):
                    path = os.path.relpath(path, build)
                deps.setdefault(path, set()).add(tu)
            deps.setdefault(tu, set()).add(tu)
    return {k: sorted(v) for k, v in deps.items()}


def sample(tus, n):
    if len(tus) <= n:
        return tus
    step = len(tus) / n
    return [tus[int(i * step)] for i in range(n)]


def main():
    old, new, build, out = sys.argv[1:5]
    max_tus = int(sys.argv[5]) if len(sys.argv) > 5 else 40
    os.makedirs(out, exist_ok=True)
    deps = dependents(build)
    not_built, non_c = [], []
    n = 0
    for f in changed_files(old, new):
        if not re.search(r'\.[ch]$', f):
            non_c.append(f)
            continue
        tus = deps.get(f, [])
        if not tus:
            not_built.append(f)
            continue
        case = f.replace('/', '__')
        d = os.path.join(out, case)
        os.makedirs(d, exist_ok=True)
        a, b = os.path.join(old, f), os.path.join(new, f)
        args = ['diff', '-u', '--label', 'a/' + f if os.path.exists(a) else '/dev/null',
                '--label', 'b/' + f if os.path.exists(b) else '/dev/null',
                a if os.path.exists(a) else '/dev/null', b if os.path.exists(b) else '/dev/null']
        patch = subprocess.run(args, capture_output=True, text=True).stdout
        open(os.path.join(d, 'fix.patch'), 'w').write(patch)
        picked = sample(tus, max_tus)
        open(os.path.join(d, 'tus.txt'), 'w').write(''.join(t + '\n' for t in picked))
        kind = 'c' if f.endswith('.c') else ('header' if len(tus) <= max_tus else 'wide-header')
        json.dump({'file': f, 'type': kind, 'tusTotal': len(tus), 'tusSampled': len(picked)},
                  open(os.path.join(d, 'meta.json'), 'w'), indent=1)
        n += 1
    open(os.path.join(out, 'not-built.txt'), 'w').write(''.join(x + '\n' for x in not_built))
    open(os.path.join(out, 'non-c.txt'), 'w').write(''.join(x + '\n' for x in non_c))
    print(f'{n} cases, {len(not_built)} C files not built, {len(non_c)} non-C files', file=sys.stderr)


if __name__ == '__main__':
    main()
