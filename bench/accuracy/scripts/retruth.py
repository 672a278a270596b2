#!/usr/bin/python3
"""Derive the truth again after reline.py or compare.py changed, without writing into the base build or
into build-cases.py's OUT: the relined objects are rebuilt only where reline.py's output changed.

Usage: retruth.py OLD_RELINE.py NEW_OUT [CASE...]
  OLD_RELINE.py  the reline.py that made OUT's relined objects (git show <rev>:validation/scripts/reline.py)
  NEW_OUT        written: NEW_OUT/pre -> OUT/pre, NEW_OUT/cases/<case>/{relined/,compare.json,failed.txt}
                 (relined objects are links to OUT's where nothing changed), NEW_OUT/src/<case>/ (relined
                 files), NEW_OUT/rebuilt.json; then collect-truth.py CASES_DIR NEW_OUT
Environment: OLD, NEW, BUILD, OUT, PY as in build-cases.py.

A TU is compiled with its .cmd command line (depfile dropped, output in NEW_OUT, objtool after), the
relined file taken from a private copy: a .c file with `#line 1 "<its path>"` (same __FILE__) and
`-iquote` its directory; a header through an overlay directory placed before the -I directory it was
found in, so that `<...>` finds it first. Checked: the post image built this way is byte-identical to
build-cases.py's post object (a .c and a header case).
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VAL = os.path.join(HERE, '../../../validation/scripts')
CASES = os.path.join(HERE, '../cases')
NEW = os.environ.get('NEW', '/tmp/k/6.1.190-1/linux-source-6.1')
BUILD = os.environ.get('BUILD', '/tmp/k/6.1.187-1/linux-source-6.1')
OUT = os.environ.get('OUT', '/tmp/k/accuracy-out')
PY = os.environ.get('PY', '/usr/bin/python3')


def compile_tu(tu, case_file, src, out_obj, tmp_root):
    obj = tu[:-2] + '.o'
    d, b = os.path.split(obj)
    text = open(os.path.join(BUILD, d, '.' + b + '.cmd')).read()
    cc, _, post = re.search(r'^cmd_\S+ := (.*)$', text, re.M).group(1).partition(' ; ')
    args = [a for a in shlex.split(cc) if not a.startswith('-Wp,-MMD')]
    assert args[-3:] == ['-o', obj, tu], args[-3:]
    out_obj = os.path.abspath(out_obj)
    os.makedirs(os.path.dirname(out_obj), exist_ok=True)
    tmp = tempfile.mkdtemp(dir=tmp_root)
    body = open(src).read()
    if case_file == tu:
        shadow = os.path.join(tmp, tu)
        os.makedirs(os.path.dirname(shadow))
        open(shadow, 'w').write('#line 1 "%s"\n' % tu + body)
        args = args[:-3] + ['-iquote', os.path.dirname(tu) or '.', '-o', out_obj, shadow]
    else:
        inc = next(a[2:] for a in args
                   if a.startswith('-I') and case_file.startswith(os.path.normpath(a[2:]) + '/'))
        rel = os.path.relpath(case_file, os.path.normpath(inc))
        shadow = os.path.join(tmp, 'ov', rel)
        os.makedirs(os.path.dirname(shadow))
        open(shadow, 'w').write('#line 1 "%s/%s"\n' % (inc, rel) + body)
        k = args.index('-I' + inc)
        args = args[:k] + ['-I' + os.path.join(tmp, 'ov')] + args[k:-3] + ['-o', out_obj, tu]
    try:
        subprocess.run(['nice'] + args, cwd=BUILD, check=True)
        if post.strip():
            pa = shlex.split(post.strip())
            assert pa[-1] == obj, pa
            subprocess.run(['nice'] + pa[:-1] + [out_obj], cwd=BUILD, check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def relined(script, case, case_file, dest):
    path = os.path.join(dest, case_file)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    shutil.copyfile(os.path.join(NEW, case_file), path)
    subprocess.run([PY, script, os.path.join(CASES, case, 'fix.patch'), dest], check=True)
    return path


def objects(d):
    return sorted(os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs
                  if f.endswith('.o')) if os.path.isdir(d) else []


def main():
    old_reline, new_out = sys.argv[1], os.path.abspath(sys.argv[2])
    names = sys.argv[3:] or sorted(os.listdir(os.path.join(OUT, 'cases')))
    os.makedirs(os.path.join(new_out, 'cases'), exist_ok=True)
    os.makedirs(os.path.join(new_out, 'tmp'), exist_ok=True)
    if not os.path.exists(os.path.join(new_out, 'pre')):
        os.symlink(os.path.join(OUT, 'pre'), os.path.join(new_out, 'pre'))
    rebuilt = {}
    for c in names:
        src, d = os.path.join(OUT, 'cases', c), os.path.join(new_out, 'cases', c)
        os.makedirs(d, exist_ok=True)
        if os.path.exists(os.path.join(src, 'failed.txt')) and not os.path.exists(os.path.join(d, 'failed.txt')):
            os.symlink(os.path.join(src, 'failed.txt'), os.path.join(d, 'failed.txt'))
        if os.path.exists(os.path.join(d, 'compare.json')):
            continue
        post = os.path.join(src, 'post')
        built = objects(post)
        if not built:
            open(os.path.join(d, 'compare.json'), 'w').write('{}\n')
            continue
        case_file = json.load(open(os.path.join(CASES, c, 'meta.json')))['file']
        # Only objects whose post build differs from the base were relined (build-cases.py).
        differ = [o for o in built if open(os.path.join(OUT, 'pre', o), 'rb').read()
                  != open(os.path.join(post, o), 'rb').read()]
        if differ:
            a = open(relined(old_reline, c, case_file, os.path.join(new_out, 'tmp', 'old'))).read()
            new_src = relined(os.path.join(VAL, 'reline.py'), c, case_file, os.path.join(new_out, 'src', c))
            if a != open(new_src).read():
                for o in differ:
                    compile_tu(o[:-2] + '.c', case_file, new_src, os.path.join(d, 'relined', o),
                               os.path.join(new_out, 'tmp'))
                rebuilt[c] = differ
        for o in built:
            dst = os.path.join(d, 'relined', o)
            if not os.path.exists(dst):
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                os.symlink(os.path.join(src, 'relined', o), dst)
        r = subprocess.run(['nice', PY, os.path.join(VAL, 'compare.py'), os.path.join(new_out, 'pre'), post,
                            os.path.join(d, 'relined')] + built, capture_output=True, text=True)
        if r.returncode != 0:
            open(os.path.join(d, 'compare.err'), 'w').write(r.stderr)
        else:
            open(os.path.join(d, 'compare.json'), 'w').write(r.stdout)
        print(c, 'rebuilt %d' % len(rebuilt.get(c, [])) if c in rebuilt else '',
              'compared' if r.returncode == 0 else 'compare failed', flush=True)
    with open(os.path.join(new_out, 'rebuilt.json'), 'w') as f:
        json.dump(rebuilt, f, indent=1, sort_keys=True)


if __name__ == '__main__':
    main()
