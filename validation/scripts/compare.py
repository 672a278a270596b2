#!/usr/bin/python3
"""Function-by-function machine-code comparison of kernel objects built twice (or three times).

Usage:
  compare.py PRE_DIR POST_DIR RELINED_DIR OBJ [OBJ...]   (OBJ paths relative to each DIR, e.g. net/ipv4/tcp.o)

PRE: objects built from the pristine tree. POST: objects built with the fix applied.
RELINED: objects built with the fix applied *plus* `#line` directives after every hunk that restore the
pre-image line numbering (so `__LINE__`, WARN/BUG bug-table lines and might_sleep() line arguments stay
what they were before the fix).

  changed  = functions whose normalised code differs between PRE and RELINED (a real code change)
  lineOnly = functions whose code or __bug_table entries differ between PRE and POST but not between
             PRE and RELINED (only line numbers moved)

Normalisation (what is deliberately NOT a difference):
  - instruction addresses / offsets inside the section (only the sequence of instructions matters);
  - branch targets are rewritten relative to the start of the function that contains them;
  - relocations against merged string/constant sections (.rodata.str1.1, and with -fdata-sections the
    per-function .rodata.<fn>.str1.1) are replaced by the string they point to,
    so strings shifting inside the object are not a change, a changed string is;
  - numbered local symbols GCC/the kernel macros create (`__already_done.12`, `__func__.3`, `__key.7`,
    `__UNIQUE_ID_ddebug342`) lose their number;
  - relocations into any merged section (.LC<n> constant-pool labels in .rodata.cst<N>) are named by
    the entry's bytes; a relocation against a section symbol names the function or object there;
  - the relocation offset printed by objdump is dropped (it is section-relative).
  dataChanged / dataLineOnly / dataAdded / dataRemoved: the same for data objects (OBJECT symbols:
  section, size, bytes, relocations), except the sections NOT_DATA lists.
Output: JSON on stdout.
"""
import json
from collections import Counter
import re
import subprocess
import sys

from elftools.elf.elffile import ELFFile
from elftools.elf.relocation import RelocationSection
from elftools.elf.sections import SymbolTableSection

KEEP_SUFFIX = ('constprop', 'isra', 'part', 'cold', 'lto_priv', 'localalias', 'clone')


# Sections whose objects are not data a livepatch would have to change (README, "Data truth"):
# discarded at link time, module metadata read by modpost/the loader, export tables, and dynamic-debug
# call-site descriptors (the call site's function owns them; their line numbers follow the code).
NOT_DATA = re.compile(r'^(\.discard|\.modinfo$|__modver$|__versions$|__ksymtab|___ksymtab|__kcrctab'
                      r'|___kcrctab|__dyndbg|\.comment$|\.note)')
SHF_MERGE, SHF_STRINGS = 0x10, 0x20


def norm_sym(name):
    # __UNIQUE_ID_foo123 -> __UNIQUE_ID_fooN
    name = re.sub(r'(__UNIQUE_ID_[A-Za-z_]*?)\d+', r'\1N', name)
    # initcall entries carry __COUNTER__ and __LINE__: __initcall__kmod_ext4__123_456_fn6
    name = re.sub(r'^(__initcall__kmod_\w+?__)\d+_\d+_', r'\1N_N_', name)

    # foo.12 -> foo.N unless the previous component is a clone suffix (foo.constprop.0 stays)
    def repl(m):
        prev = m.group(1).split('.')[-1]
        if prev in KEEP_SUFFIX:
            return m.group(0)
        return m.group(1) + '.N'

    return re.sub(r'([A-Za-z_][\w.]*?)\.(\d+)\b', repl, name)


class Obj:
    def __init__(self, path):
        self.path = path
        self.f = open(path, 'rb')
        self.elf = ELFFile(self.f)
        self.secdata = {}
        self.funcs = {}  # name -> (section name, value, size)
        self.objects = []  # (name, section name, value, size) of data objects
        self.merged_syms = {}  # local labels in merged sections (.LC<n> constant-pool entries)
        self.by_section = {}  # section name -> [(value, size, name)] of its functions and objects
        symtab = self.elf.get_section_by_name('.symtab')
        self.symtab = symtab
        for s in symtab.iter_symbols():
            if not isinstance(s['st_shndx'], int) or s['st_shndx'] == 0:
                continue
            sec = self.elf.get_section(s['st_shndx'])
            kind = s['st_info']['type']
            if kind in ('STT_FUNC', 'STT_OBJECT') and s['st_size'] > 0:
                self.by_section.setdefault(sec.name, []).append((s['st_value'], s['st_size'], s.name))
            if kind == 'STT_FUNC':
                self.funcs[s.name] = (sec.name, s['st_value'], s['st_size'])
            elif kind == 'STT_OBJECT':
                self.objects.append((s.name, sec.name, s['st_value'], s['st_size']))
            elif kind == 'STT_NOTYPE' and s.name and sec['sh_flags'] & SHF_MERGE:
                self.merged_syms[s.name] = (sec.name, s['st_value'])

    def data(self, secname):
        if secname not in self.secdata:
            sec = self.elf.get_section_by_name(secname)
            self.secdata[secname] = sec.data() if sec is not None else b''
        return self.secdata[secname]

    def string_at(self, secname, off):
        d = self.data(secname)
        if off < 0 or off >= len(d):
            return None
        end = d.find(b'\0', off)
        return d[off:end].decode('latin-1')

    def merged_at(self, secname, off):
        """Content of a merged section's entry: GCC numbers constant-pool labels (.LC<n>) and the
        assembler places strings per object, so only the bytes say what the code reads."""
        sec = self.elf.get_section_by_name(secname)
        if sec is None or not sec['sh_flags'] & SHF_MERGE:
            return None
        if sec['sh_flags'] & SHF_STRINGS:
            s = self.string_at(secname, off)
            return None if s is None else 'STR%r' % s
        d = self.data(secname)
        size = max(sec['sh_entsize'], 1)
        if off < 0 or off + size > len(d):
            return None
        return 'CST%s' % d[off:off + size].hex()

    def in_section(self, secname, off, adj=0):
        """`name+delta` of the function or object at `off` in a section several share (`.init.text`,
        `.init.rodata`, `.data.once`): its offset there moves when an earlier one changes size."""
        for value, size, name in self.by_section.get(secname, []):
            if value <= off + adj < value + size:
                return '%s%+d' % (norm_sym(name), off - value)
        return '%s%+d' % (norm_sym(secname), off)

    def reloc_target(self, sym, addend):
        """A relocation's target, named so that it is the same in two builds of the same code."""
        if sym['st_info']['type'] == 'STT_SECTION' and isinstance(sym['st_shndx'], int):
            secname = self.elf.get_section(sym['st_shndx']).name
            c = self.merged_at(secname, addend)
            return c if c is not None else self.in_section(secname, addend)
        if sym.name in self.merged_syms:
            secname, value = self.merged_syms[sym.name]
            c = self.merged_at(secname, value + addend)
            if c is not None:
                return c
        return '%s%+d' % (norm_sym(sym.name), addend)

    def data_objects(self):
        """normalised name -> sorted list of (section, size, bytes, relocations) of the data objects
        (several per name where only a number told them apart, as for function-local statics)."""
        if hasattr(self, '_data_objects'):
            return self._data_objects
        wanted = {secname for _, secname, _, _ in self.objects if not NOT_DATA.match(secname)}
        relocs = {}
        for sec in self.elf.iter_sections():
            if isinstance(sec, RelocationSection) and sec['sh_info']:
                target = self.elf.get_section(sec['sh_info']).name
                if target not in wanted:
                    continue
                lst = relocs.setdefault(target, [])
                for r in sec.iter_relocations():
                    s = self.symtab.get_symbol(r['r_info_sym'])
                    lst.append((r['r_offset'], r['r_info_type'], self.reloc_target(s, r['r_addend'])))
        out = {}
        for name, secname, value, size in self.objects:
            if NOT_DATA.match(secname):
                continue
            sec = self.elf.get_section_by_name(secname)
            body = 'nobits' if sec['sh_type'] == 'SHT_NOBITS' else self.data(secname)[value:value + size].hex()
            rel = tuple(sorted((o - value, t, tgt) for o, t, tgt in relocs.get(secname, [])
                               if value <= o < value + max(size, 1)))
            out.setdefault(norm_sym(name), []).append((norm_sym(secname), size, body, rel))
        self._data_objects = {k: sorted(v) for k, v in out.items()}
        return self._data_objects

    def func_at(self, secname, off):
        best = None
        for name, (sec, val, size) in self.funcs.items():
            if sec == secname and val <= off < val + max(size, 1):
                if best is None or val > best[1]:
                    best = (name, val)
        return best

    def bug_lines(self):
        """function -> sorted list of (offset in function, line, flags) from __bug_table."""
        sec = self.elf.get_section_by_name('__bug_table')
        out = {}
        if sec is None:
            return out
        rela = self.elf.get_section_by_name('.rela__bug_table')
        data = sec.data()
        syms = self.symtab
        by_off = {}
        for r in rela.iter_relocations():
            by_off[r['r_offset']] = r
        for e in range(0, len(data) - 11, 12):
            r = by_off.get(e)
            if r is None:
                continue
            s = syms.get_symbol(r['r_info_sym'])
            if s['st_info']['type'] == 'STT_SECTION':
                secname = self.elf.get_section(s['st_shndx']).name
                off = r['r_addend']
            elif isinstance(s['st_shndx'], int):
                secname = self.elf.get_section(s['st_shndx']).name
                off = s['st_value'] + r['r_addend']
            else:
                continue
            f = self.func_at(secname, off)
            if f is None:
                continue
            line = int.from_bytes(data[e + 8:e + 10], 'little')
            flags = int.from_bytes(data[e + 10:e + 12], 'little')
            out.setdefault(f[0], []).append((off - f[1], line, flags))
        return {k: sorted(v) for k, v in out.items()}

    def listings(self):
        """function -> normalised list of instruction lines."""
        if hasattr(self, '_listings'):
            return self._listings
        out = subprocess.run(['objdump', '-d', '-r', '-w', '--no-show-raw-insn', self.path],
                             check=True, capture_output=True, text=True).stdout
        res = {}
        cur = None
        cursec = None
        start = end = 0
        for line in out.splitlines():
            m = re.match(r'Disassembly of section (\S+):', line)
            if m:
                cursec = m.group(1)
                cur = None
                continue
            m = re.match(r'^([0-9a-f]+) <(.+)>:$', line)
            if m:
                name = m.group(2)
                if name in self.funcs:
                    cur = name
                    _, start, size = self.funcs[name]
                    end = start + size
                    res[cur] = []
                else:
                    cur = None
                continue
            if cur is None:
                continue
            m = re.match(r'^\s*([0-9a-f]+):\t(.*)$', line)
            if not m:
                continue
            addr = int(m.group(1), 16)
            if addr >= end:
                continue  # alignment padding after the function
            body = m.group(2)
            insn, _, rel = body.partition('\t')
            if rel:
                # relocation: drop its offset, resolve strings, normalise symbol names
                rm = re.match(r'[0-9a-f]+: (\S+)\s+(\S+?)(?:([+-])0x([0-9a-f]+))?$', rel.strip())
                if rm:
                    rtype, sym, sign, add = rm.groups()
                    addend = int(add, 16) * (-1 if sign == '-' else 1) if add else 0
                    adj = 4 if rtype in ('R_X86_64_PC32', 'R_X86_64_PLT32') else 0
                    base = (sym, 0) if sym.startswith('.rodata') else self.merged_syms.get(sym)
                    c = self.merged_at(base[0], base[1] + addend + adj) if base else None
                    if c is not None:
                        rel = '%s %s%+d' % (rtype, c, -adj)
                    elif sym.startswith('.rodata') and re.search(r'\.(str|cst)\d', sym):
                        rel = rtype + ' ' + sym
                    elif sym in self.by_section:  # a section symbol: objdump prints the section's name
                        rel = '%s %s' % (rtype, self.in_section(sym, addend, adj))
                    else:
                        rel = '%s %s%+d' % (rtype, norm_sym(sym), addend)
                # the branch/call target is meaningless when a relocation fills it
                insn = re.sub(r'\b[0-9a-f]+ <[^>]*>', '<reloc>', insn)
            else:
                def tgt(mm):
                    t = int(mm.group(1), 16)
                    if start <= t < end:
                        return '<.%+#x>' % (t - start)
                    return '<%s>' % norm_sym(mm.group(2))
                insn = re.sub(r'\b([0-9a-f]+) <([^>]*)>', tgt, insn)
            insn = re.sub(r'\s+', ' ', insn.strip())
            res[cur].append(insn + ('  ; ' + rel if rel else ''))
        self._listings = res
        return res


def parent(name):
    return name[:-5] if name.endswith('.cold') else name


def compare(pre, post):
    a, b = pre.listings(), post.listings()
    changed = sorted(n for n in set(a) & set(b) if a[n] != b[n])
    added = sorted(set(b) - set(a))
    removed = sorted(set(a) - set(b))
    return changed, added, removed, a, b


def compare_data(pre, post):
    """(changed, added, removed) data objects by normalised name. Where a name stands for several
    objects, one side holding a sub-multiset of the other's is an addition or removal, not a change."""
    a, b = pre.data_objects(), post.data_objects()
    changed, added, removed = [], sorted(set(b) - set(a)), sorted(set(a) - set(b))
    for n in sorted(set(a) & set(b)):
        if a[n] == b[n]:
            continue
        ca, cb = Counter(a[n]), Counter(b[n])
        if not ca - cb:
            added.append(n)
        elif not cb - ca:
            removed.append(n)
        else:
            changed.append(n)
    return changed, sorted(added), sorted(removed)


def main():
    pre_dir, post_dir, rel_dir = sys.argv[1:4]
    result = {}
    for obj in sys.argv[4:]:
        pre = Obj(f'{pre_dir}/{obj}')
        post = Obj(f'{post_dir}/{obj}')
        rel = Obj(f'{rel_dir}/{obj}')
        c_real, added, removed, _, _ = compare(pre, rel)
        c_all, added2, removed2, _, _ = compare(pre, post)
        bpre, bpost, brel = pre.bug_lines(), post.bug_lines(), rel.bug_lines()
        bug_post = {f for f in set(bpre) | set(bpost) if bpre.get(f) != bpost.get(f)}
        bug_rel = {f for f in set(bpre) | set(brel) if bpre.get(f) != brel.get(f)}
        d_real, d_added, d_removed = compare_data(pre, rel)
        d_all = compare_data(pre, post)[0]
        line_only_code = sorted(set(c_all) - set(c_real))
        line_only_bug = sorted(bug_post - bug_rel - set(c_real) - set(c_all))
        result[obj] = {
            'changed': c_real,
            'changedParents': sorted({parent(n) for n in c_real}),
            'added': added,
            'removed': removed,
            'lineOnlyCode': line_only_code,
            'lineOnlyBugTable': line_only_bug,
            'bugTableChangedInReal': sorted(bug_rel),
            'dataChanged': d_real,
            'dataLineOnly': sorted(set(d_all) - set(d_real)),
            'dataAdded': d_added,
            'dataRemoved': d_removed,
            'postVsRelinedExtra': sorted(set(added2) ^ set(added)) + sorted(set(removed2) ^ set(removed)),
        }
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == '__main__':
    main()
