import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { type FileChange, mapChanges, normalizeCode } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'
import { kernelFile } from '../source/helpers.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

const patch = (name: string): string => readFileSync(join(TEST_DIR, 'patches', name), 'utf8')

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** Pre-image from the committed kernel files (the Makefile is the one the patches were made on). */
function changesOf(text: string, strip: number, side: 'pre' | 'post' = 'pre'): FileChange[] {
  return parsePatch(text, strip).files.map(f => {
    const path = f.newPath ?? f.oldPath ?? ''
    let source: string | null = null
    if (path === 'net/ipv4/Makefile') source = 'obj-y += tcp.o\n'
    else if (/\.[ch]$/.test(path)) source = kernelFile(path)
    if (side === 'post') return { patch: f, path, oldText: null, newText: null }
    return { patch: f, path, oldText: f.oldPath === null ? null : source, newText: null }
  })
}

describe('mapChanges', () => {
  it('maps a static helper change, a comment-only hunk and a #define used by functions', () => {
    const { changed, findings } = mapChanges(parser, changesOf(patch('tcp-git.patch'), 1))
    expect(changed.map(c => [c.name, c.change, c.line, c.via?.kind ?? 'direct'])).toEqual([
      ['tcp_compute_delivery_rate', 'modified', 395, 'direct'],
      // The #define sits right above its only user, whose body uses it twice.
      ['tcp_zerocopy_receive', 'modified', 2226, 'macro-use']
    ])
    expect(changed[0].hunks).toEqual([{ file: 'net/ipv4/tcp.c', line: 401 }])
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'comment-only',
        severity: 'info',
        file: 'net/ipv4/tcp.c',
        line: 1571
      }),
      expect.objectContaining({
        kind: 'macro-change',
        severity: 'warning',
        line: 2225,
        functions: ['tcp_zerocopy_receive']
      })
    ])
  })

  it('maps a SYSCALL_DEFINE body and flags Makefile (unresolved) and docs (info)', () => {
    const { changed, findings } = mapChanges(parser, changesOf(patch('read-format-patch.mbox'), 1))
    expect(changed).toEqual([
      {
        name: '__do_sys_read',
        symbols: ['__do_sys_read', '__se_sys_read', '__x64_sys_read', '__ia32_sys_read'],
        file: 'fs/read_write.c',
        line: 621,
        change: 'modified',
        hunks: [{ file: 'fs/read_write.c', line: 623 }]
      }
    ])
    expect(findings.map(f => [f.kind, f.severity, f.file])).toEqual([
      ['non-c-file', 'info', 'Documentation/notes.rst'],
      ['non-c-file', 'unresolved', 'net/ipv4/Makefile']
    ])
  })

  it('takes a .txt for prose only under Documentation/: kbuild generates code from others', () => {
    const hunk = (path: string): string =>
      `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1 +1 @@\n-a\n+b\n`
    const paths = [
      'Documentation/admin-guide/notes.txt',
      'arch/x86/lib/x86-opcode-map.txt',
      'fs/unicode/CaseFolding.txt',
      'scripts/head-object-list.txt',
      'drivers/net/README.md',
      'LICENSES/preferred/GPL-2.0'
    ]
    const { findings } = mapChanges(parser, changesOf(paths.map(hunk).join(''), 1))
    expect(findings).toHaveLength(paths.length)
    expect(Object.fromEntries(findings.map(f => [f.file, [f.kind, f.severity]]))).toEqual({
      'Documentation/admin-guide/notes.txt': ['non-c-file', 'info'],
      'arch/x86/lib/x86-opcode-map.txt': ['non-c-file', 'unresolved'],
      'fs/unicode/CaseFolding.txt': ['non-c-file', 'unresolved'],
      'scripts/head-object-list.txt': ['non-c-file', 'unresolved'],
      'drivers/net/README.md': ['non-c-file', 'info'],
      'LICENSES/preferred/GPL-2.0': ['non-c-file', 'info']
    })
  })

  it('takes repository metadata and tools/testing/ for files no build reads; the rest of tools/ is code', () => {
    const hunk = (path: string): string =>
      `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1 +1 @@\n-a\n+b\n`
    const created = (path: string): string =>
      `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+int main(void) { return 0; }\n`
    const text =
      ['MAINTAINERS', '.mailmap', 'net/.gitignore', '.github/workflows/ci.yml'].map(hunk).join('') +
      created('tools/testing/selftests/net/t.c') +
      ['tools/objtool/check.c', 'tools/bpf/resolve_btfids/main.c', 'scripts/Makefile.build']
        .map(hunk)
        .join('')
    const changes = parsePatch(text, 1).files.map(f => {
      const path = f.newPath ?? f.oldPath ?? ''
      return { patch: f, path, oldText: null, newText: null }
    })
    const { findings, changed } = mapChanges(parser, changes)
    expect(changed).toEqual([])
    expect(Object.fromEntries(findings.map(f => [f.file, `${f.kind} ${f.severity}`]))).toEqual({
      MAINTAINERS: 'not-built info',
      '.mailmap': 'not-built info',
      'net/.gitignore': 'not-built info',
      '.github/workflows/ci.yml': 'not-built info',
      'tools/testing/selftests/net/t.c': 'not-built info',
      'tools/objtool/check.c': 'source-missing unresolved',
      'tools/bpf/resolve_btfids/main.c': 'source-missing unresolved',
      'scripts/Makefile.build': 'non-c-file unresolved'
    })
    expect(findings.find(f => f.file === 'tools/testing/selftests/net/t.c')?.message).toBe(
      'userspace test code (tools/testing/): not part of the kernel or its modules'
    )
  })

  it('judges a rename into Documentation/ by its old path too', () => {
    const rename = (from: string, to: string): string =>
      `diff --git a/${from} b/${to}\nsimilarity index 90%\nrename from ${from}\nrename to ${to}\n` +
      `--- a/${from}\n+++ b/${to}\n@@ -1 +1 @@\n-a\n+b\n`
    const text =
      rename('lib/chain.c', 'Documentation/chain.txt') +
      rename('Documentation/a.txt', 'Documentation/b.rst')
    const { findings } = mapChanges(parser, changesOf(text, 1, 'post'))
    expect(Object.fromEntries(findings.map(f => [f.file, f.severity]))).toEqual({
      'Documentation/chain.txt': 'unresolved',
      'Documentation/b.rst': 'info'
    })
  })

  it('keeps a function an earlier patch of a series changed when a later one leaves it alone', () => {
    const v1 =
      'static int helper(int a) { return a * 3 + 1; }\nint api(int a) { return helper(a); }\n'
    const v2 = v1.replace('a * 3', 'a * 4')
    const v3 = v2.replace('helper(a); }', 'helper(a) + 1; }')
    const hunk = (from: string, to: string): string =>
      'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,2 +1,2 @@\n' +
      from
        .split('\n')
        .slice(0, 2)
        .map((l, i) => (l === to.split('\n')[i] ? ` ${l}\n` : `-${l}\n+${to.split('\n')[i]}\n`))
        .join('')
    const files = parsePatch(hunk(v1, v2) + hunk(v2, v3), 1).files
    expect(files).toHaveLength(2)
    const { changed } = mapChanges(parser, [
      { patch: files[0], path: 'x.c', oldText: v1, newText: null },
      { patch: files[1], path: 'x.c', oldText: v2, newText: null }
    ])
    expect(changed.map(c => c.name).sort()).toEqual(['api', 'helper'])
  })

  it('counts the callers of a function now defined in the file (declared only before) as changed', () => {
    const before =
      'int foo(int a);\nint caller(int a) { return foo(a) + 1; }\nint other(int a) { return a; }\n'
    const diff =
      'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,4 @@\n int foo(int a);\n' +
      ' int caller(int a) { return foo(a) + 1; }\n int other(int a) { return a; }\n' +
      '+int foo(int a) { return a * 2; }\n'
    const { files } = parsePatch(diff, 1)
    const r = mapChanges(parser, [{ patch: files[0], path: 'x.c', oldText: before, newText: null }])
    expect(r.changed.map(c => [c.name, c.change])).toEqual([
      ['caller', 'modified'],
      ['foo', 'added']
    ])
    expect(r.findings.find(f => f.functions?.includes('caller'))?.message).toMatch(
      /foo is now defined here, and caller called it before/
    )
  })

  it('maps macro bodies, invocations, struct members, header #defines and deletion-only hunks', () => {
    const { changed, findings } = mapChanges(parser, changesOf(patch('nupr.patch'), 1))
    const topo = changed.filter(c => c.file === 'drivers/base/topology.c')
    expect(topo.map(c => [c.name, c.via?.kind])).toEqual([
      ['physical_package_id_show', 'macro-body'],
      ['die_id_show', 'macro-body'],
      ['cluster_id_show', 'macro-body'],
      ['core_id_show', 'macro-body'],
      ['ppin_show', 'macro-invocation'],
      ['book_id_show', 'macro-body'],
      ['drawer_id_show', 'macro-body']
    ])
    expect(topo.find(c => c.name === 'ppin_show')?.hunks).toEqual([
      { file: 'drivers/base/topology.c', line: 21 },
      { file: 'drivers/base/topology.c', line: 77 }
    ])
    // The deleted `return 0;` maps by its old line number into the old image.
    expect(changed.find(c => c.name === 'kref_put')).toMatchObject({
      change: 'modified',
      line: 62,
      hunks: [{ file: 'include/linux/kref.h', line: 68 }]
    })
    expect(findings.map(f => [f.kind, f.severity, f.file, f.line])).toEqual([
      ['macro-change', 'warning', 'drivers/base/topology.c', 21],
      ['type-change', 'unresolved', 'include/linux/tcp.h', 237],
      ['macro-change', 'unresolved', 'include/linux/tcp.h', 250]
    ])
    expect(findings[0].functions).toHaveLength(7)
  })

  it('reports an added function and its caller, from the post-image alone', () => {
    const pre = parsePatch(patch('added-strip2.patch'), 2).files[0]
    const { changed, findings } = mapChanges(parser, [
      { patch: pre, path: 'fs/read_write.c', oldText: kernelFile('fs/read_write.c'), newText: null }
    ])
    expect(changed.map(c => [c.name, c.change, c.line])).toEqual([
      ['__do_sys_read', 'modified', 621],
      ['clamp_count', 'added', 621]
    ])
    expect(findings).toMatchObject([
      { kind: 'added-function', severity: 'info', functions: ['clamp_count'] }
    ])
  })

  it('reports missing and mismatching sources per hunk', () => {
    const [tcp] = changesOf(patch('tcp-git.patch'), 1, 'post')
    const missing = mapChanges(parser, [tcp])
    expect(missing.changed).toEqual([])
    expect(missing.findings.map(f => [f.kind, f.line])).toEqual([
      ['source-missing', 401],
      ['source-missing', 1571],
      ['source-missing', 2225]
    ])
    const wrong = mapChanges(parser, [{ ...tcp, oldText: kernelFile('fs/read_write.c') }])
    expect(
      wrong.findings.every(f => f.kind === 'source-mismatch' && f.severity === 'unresolved')
    ).toBe(true)
    expect(wrong.findings).toHaveLength(3)
  })

  it('reports removed functions, globals, includes and the export removed with them', () => {
    const oldText = [
      '#include <linux/a.h>',
      'static int limit = 4;',
      'static int gone(void)',
      '{',
      '\treturn limit;',
      '}',
      'EXPORT_SYMBOL(gone);',
      ''
    ].join('\n')
    const diff = [
      '--- a/x.c',
      '+++ b/x.c',
      '@@ -1,7 +1,2 @@',
      '-#include <linux/a.h>',
      '-static int limit = 4;',
      '-static int gone(void)',
      '-{',
      '-\treturn limit;',
      '-}',
      '-EXPORT_SYMBOL(gone);',
      '+#include <linux/b.h>',
      '+static int limit = 5;',
      ''
    ].join('\n')
    const [f] = parsePatch(diff, 1).files
    const { changed, findings } = mapChanges(parser, [
      { patch: f, path: 'x.c', oldText, newText: null }
    ])
    expect(changed).toMatchObject([{ name: 'gone', change: 'removed', line: 3 }])
    expect(findings.map(x => [x.kind, x.severity])).toEqual([
      // An existing symbol's export removed changes __ksymtab: no livepatch can do that.
      ['export-change', 'unresolved'],
      ['global-change', 'unresolved'],
      ['include-change', 'unresolved'],
      ['removed-function', 'warning']
    ])
  })
})

describe('comment-only detection keeps meaning', () => {
  it('treats a statement moved past unchanged code as a code change', async () => {
    const parser = await loadCParser()
    const oldText = 'void f(int *x)\n{\n\tkfree(x);\n\tuse(x);\n}\n'
    const newText = 'void f(int *x)\n{\n\tuse(x);\n\tkfree(x);\n}\n'
    const diff = '--- a/k.c\n+++ b/k.c\n@@ -3,2 +3,2 @@\n-\tkfree(x);\n \tuse(x);\n+\tkfree(x);\n'
    const { files } = parsePatch(diff, 1)
    const r = mapChanges(parser, [{ patch: files[0], path: 'k.c', oldText, newText }])
    expect(r.changed.map(c => c.name)).toEqual(['f'])
    expect(r.findings.filter(f => f.kind === 'comment-only')).toEqual([])
  })

  // Each checked against GCC 12's objects by a hostile review: foo_step's and foo_msg's code changes.
  it.each([
    [
      'a // comment continued by a backslash swallows the next, unchanged line',
      'int c;\nint foo_step(int v)\n{\n\tint r = v * 3;\n\t// adjust\n\tr += 7;\n\tc++;\n\treturn r;\n}\n',
      '@@ -4,4 +4,4 @@\n \tint r = v * 3;\n-\t// adjust\n+\t// adjust \\\n \tr += 7;\n \tc++;\n',
      'foo_step'
    ],
    [
      'a block comment opened with -U0 reaches lines past the hunk',
      'int c;\nint foo_step(int v)\n{\n\tint r = v * 3; // note\n\tc++;\n\tr -= 2; /* end */\n\treturn r;\n}\n',
      '@@ -4 +4 @@\n-\tint r = v * 3; // note\n+\tint r = v * 3; /* note\n',
      'foo_step'
    ],
    [
      'whitespace inside a string literal spliced over two lines',
      'char note[64];\n#define MSG "value: \\\n units"\nint foo_msg(int v)\n{\n\t__builtin_memcpy(note, MSG, sizeof(MSG));\n\treturn v;\n}\n',
      '@@ -3 +3 @@\n- units"\n+   units"\n',
      'foo_msg'
    ]
  ])('%s is a code change', (_what, oldText, hunk, name) => {
    const { files } = parsePatch(`--- a/k.c\n+++ b/k.c\n${hunk}`, 1)
    const r = mapChanges(parser, [{ patch: files[0], path: 'k.c', oldText, newText: null }])
    expect(r.changed.map(c => c.name)).toEqual([name])
    // (A -U0 hunk alone reads as comment-only; the lines its comment reaches are what change.)
    expect(r.findings.filter(f => f.kind === 'comment-only' && f.functions)).toEqual([])
  })

  it('keeps whitespace inside string literals and between words', () => {
    expect(normalizeCode('pr_info("a b");')).not.toBe(normalizeCode('pr_info("ab");'))
    expect(normalizeCode('return  x ;')).toBe(normalizeCode('return x;'))
    expect(normalizeCode('return x;')).not.toBe(normalizeCode('returnx;'))
    expect(normalizeCode('f( a,\n\tb )')).toBe(normalizeCode('f(a, b)'))
  })

  it('keeps a space that splits two tokens, and only there', () => {
    expect(normalizeCode('a + ++b')).not.toBe(normalizeCode('a++ + b'))
    expect(normalizeCode('x - -y')).not.toBe(normalizeCode('x--y'))
    expect(normalizeCode('p - > q')).not.toBe(normalizeCode('p->q'))
    expect(normalizeCode('x = -1;')).toBe(normalizeCode('x=-1;'))
    expect(normalizeCode('a && b || c')).toBe(normalizeCode('a&&b||c'))
  })
})
