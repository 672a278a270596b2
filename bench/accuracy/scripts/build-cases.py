#!/usr/bin/python3
"""Rebuild every case of make-cases.py with its file changed, and compare the objects with the base
build function by function (validation/scripts/compare.py): the benchmark's ground truth.

Usage: build-cases.py CASES_DIR [CASE...]
       build-cases.py --recompare CASES_DIR   (compare again where the comparison failed)
Environment:
  OLD    pristine old tree [/tmp/k/p187/linux-source-6.1]
  NEW    pristine new tree [/tmp/k/6.1.190-1/linux-source-6.1]
  BUILD  the old tree fully built with the livepatch flags (build-base.sh)
         [/tmp/k/6.1.187-1/linux-source-6.1]; case files are swapped in, then restored
  OUT    results [/tmp/k/accuracy-out]: OUT/pre (base objects, copied once before any case),
         OUT/cases/<case>/{post,relined,compare.json,failed.txt}, OUT/batches/<n>.log
  JOBS   make -j [2]

Each case is its file's change ALONE. Kbuild's per-invocation cost (seconds) dominates small cases, so
cases are built together when that cannot mix them: no TU of one case reads the file of another case
of the batch (kbuild's deps lists say what each TU reads). The relined build (fix applied, pre-image
line numbers kept with #line, validation/scripts/reline.py) is made only for objects whose post build
differs from the base byte for byte. A case with compare.json is skipped (resumable).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
VAL = os.path.join(HERE, '../../../validation/scripts')
OLD = os.environ.get('OLD', '/tmp/k/p187/linux-source-6.1')
NEW = os.environ.get('NEW', '/tmp/k/6.1.190-1/linux-source-6.1')
BUILD = os.environ.get('BUILD', '/tmp/k/6.1.187-1/linux-source-6.1')
OUT = os.environ.get('OUT', '/tmp/k/accuracy-out')
JOBS = os.environ.get('JOBS', '2')
# compare.py needs pyelftools (Debian's python3-pyelftools), which only the system Python has.
PY = os.environ.get('PY', '/usr/bin/python3')
KCFLAGS = '-fdump-ipa-clones -flive-patching=inline-clone -ffunction-sections -fdata-sections'
BATCH_OBJECTS = 60


def deps_of(tu):
    d, b = os.path.split(tu)
    path = os.path.join(BUILD, d, '.' + b[:-2] + '.o.cmd')
    try:
        text = open(path, errors='replace').read()
    except OSError:
        return set()
    m = re.search(r'^deps_\S+ := \\\n((?:.*\\\n)*.*)', text, re.M)
    out = {tu}
    for e in (m.group(1).split('\\\n') if m else []):
        e = e.strip()
        if e and not e.startswith('$(wildcard'):
            out.add(os.path.normpath(e))
    return out


def obj(tu):
    return tu[:-2] + '.o'


def copy(src_root, dst_root, rel):
    s = os.path.join(src_root, rel)
    if not os.path.exists(s):
        return False
    d = os.path.join(dst_root, rel)
    os.makedirs(os.path.dirname(d), exist_ok=True)
    shutil.copyfile(s, d)
    return True


def install(f, tree_from):
    dst = os.path.join(BUILD, f)
    if os.path.exists(dst):
        os.unlink(dst)  # never write through a hard link
    src = os.path.join(tree_from, f)
    if os.path.exists(src):
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(src, dst)


def make(objs, log):
    with open(log, 'a') as out:
        subprocess.run(['make', '-C', BUILD, '-k', '-j' + JOBS, 'KCFLAGS=' + KCFLAGS] + objs,
                       stdout=out, stderr=subprocess.STDOUT)


def recompare(cases_dir):
    """Compare again the cases whose objects are built but whose comparison failed."""
    pre = os.path.join(OUT, 'pre')
    for n in sorted(os.listdir(os.path.join(OUT, 'cases'))):
        d = os.path.join(OUT, 'cases', n)
        if os.path.exists(os.path.join(d, 'compare.json')) or not os.path.isdir(os.path.join(d, 'post')):
            continue
        built = sorted(os.path.relpath(os.path.join(r, f), os.path.join(d, 'post'))
                       for r, _, fs in os.walk(os.path.join(d, 'post')) for f in fs if f.endswith('.o'))
        r = subprocess.run([PY, os.path.join(VAL, 'compare.py'), pre, os.path.join(d, 'post'),
                            os.path.join(d, 'relined')] + built, capture_output=True, text=True)
        if r.returncode == 0:
            open(os.path.join(d, 'compare.json'), 'w').write(r.stdout)
            if os.path.exists(os.path.join(d, 'compare.err')):
                os.unlink(os.path.join(d, 'compare.err'))
        else:
            open(os.path.join(d, 'compare.err'), 'w').write(r.stderr)
        print(n, 'compared' if r.returncode == 0 else 'compare failed', flush=True)


def main():
    if sys.argv[1] == '--recompare':
        return recompare(sys.argv[2])
    cases_dir = sys.argv[1]
    names = sys.argv[2:] or sorted(n for n in os.listdir(cases_dir)
                                   if os.path.isdir(os.path.join(cases_dir, n)))
    cases = []
    for n in names:
        meta = json.load(open(os.path.join(cases_dir, n, 'meta.json')))
        tus = open(os.path.join(cases_dir, n, 'tus.txt')).read().split()
        cases.append({'name': n, 'file': meta['file'], 'type': meta['type'], 'tus': tus,
                      'patch': os.path.join(cases_dir, n, 'fix.patch')})
    order = {'c': 0, 'header': 1, 'wide-header': 2}
    cases.sort(key=lambda c: (order[c['type']], len(c['tus']), c['name']))
    os.makedirs(os.path.join(OUT, 'pre'), exist_ok=True)
    os.makedirs(os.path.join(OUT, 'batches'), exist_ok=True)
    pre = os.path.join(OUT, 'pre')
    for c in cases:
        for tu in c['tus']:
            if not os.path.exists(os.path.join(pre, obj(tu))):
                copy(BUILD, pre, obj(tu)) and copy(BUILD, pre, tu + '.000i.ipa-clones')
    todo = [c for c in cases if not os.path.exists(os.path.join(OUT, 'cases', c['name'], 'compare.json'))]
    deps = {}
    batches = []
    for c in todo:
        c['tus'] = [t for t in c['tus'] if os.path.exists(os.path.join(pre, obj(t)))]
        for t in c['tus']:
            if t not in deps:
                deps[t] = deps_of(t)
        placed = False
        for b in batches:
            if b['objects'] + len(c['tus']) > BATCH_OBJECTS:
                continue
            files = b['files'] | {c['file']}
            if c['file'] in b['files'] or b['tus'] & set(c['tus']):
                continue
            if any(deps[t] & files != {x['file']} for x in b['cases'] + [c] for t in x['tus']):
                continue
            b['cases'].append(c)
            b['files'] = files
            b['tus'] |= set(c['tus'])
            b['objects'] += len(c['tus'])
            placed = True
            break
        if not placed:
            batches.append({'cases': [c], 'files': {c['file']}, 'tus': set(c['tus']), 'objects': len(c['tus'])})
    print(f'{len(todo)} cases to build in {len(batches)} batches', flush=True)
    for i, b in enumerate(batches):
        start = time.time()
        log = os.path.join(OUT, 'batches', f'{i}.log')
        objs = sorted({obj(t) for t in b['tus']})
        for c in b['cases']:
            install(c['file'], NEW)
        for o in objs:
            if os.path.exists(os.path.join(BUILD, o)):
                os.unlink(os.path.join(BUILD, o))
        make(objs, log)
        differ = []
        for c in b['cases']:
            d = os.path.join(OUT, 'cases', c['name'])
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            for t in c['tus']:
                if copy(BUILD, os.path.join(d, 'post'), obj(t)):
                    copy(BUILD, os.path.join(d, 'post'), t + '.000i.ipa-clones')
                    if open(os.path.join(pre, obj(t)), 'rb').read() != open(os.path.join(d, 'post', obj(t)), 'rb').read():
                        differ.append((c, t))
        if differ:
            for c in {id(c): c for c, _ in differ}.values():
                with open(log, 'a') as out:
                    subprocess.run([PY, os.path.join(VAL, 'reline.py'), c['patch'], BUILD],
                                   stdout=out, stderr=subprocess.STDOUT)
            for _, t in differ:
                if os.path.exists(os.path.join(BUILD, obj(t))):
                    os.unlink(os.path.join(BUILD, obj(t)))
            make(sorted({obj(t) for _, t in differ}), log)
            for c, t in differ:
                copy(BUILD, os.path.join(OUT, 'cases', c['name'], 'relined'), obj(t))
        for c in b['cases']:
            install(c['file'], OLD)
            d = os.path.join(OUT, 'cases', c['name'])
            built, failed = [], []
            for t in c['tus']:
                o = obj(t)
                if not os.path.exists(os.path.join(d, 'post', o)):
                    failed.append(o)
                    continue
                if not os.path.exists(os.path.join(d, 'relined', o)):
                    # Identical to the base, or the relined build failed: post stands in for it.
                    copy(os.path.join(d, 'post'), os.path.join(d, 'relined'), o)
                built.append(o)
            if failed:
                open(os.path.join(d, 'failed.txt'), 'w').write('\n'.join(failed) + '\n')
            if built:
                r = subprocess.run([PY, os.path.join(VAL, 'compare.py'), pre,
                                    os.path.join(d, 'post'), os.path.join(d, 'relined')] + built,
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    open(os.path.join(d, 'compare.err'), 'w').write(r.stderr)
                    continue
                open(os.path.join(d, 'compare.json'), 'w').write(r.stdout)
            else:
                open(os.path.join(d, 'compare.json'), 'w').write('{}\n')
        # The base's objects and dumps back into BUILD: a later run with another OUT copies its
        # `pre` from BUILD, and objects left built with a case's file made its truth (a header
        # holdout, then a `.c` one in the same BUILD: drbg.o kept a drbg.h fix, and the `.c`
        # run saw drbg.c's unchanged functions change).
        for o in objs:
            copy(pre, BUILD, o)
            copy(pre, BUILD, o[:-2] + '.c.000i.ipa-clones')
        print(f'batch {i + 1}/{len(batches)}: {len(b["cases"])} cases, {len(objs)} objects, '
              f'{len(differ)} differ, {time.time() - start:.0f} s', flush=True)


if __name__ == '__main__':
    main()
