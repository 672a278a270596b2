import { globToRegExp } from '../../src/action/glob.js'
import { pickAnnotations, MAX_ANNOTATIONS } from '../../src/adapters/github/annotations.js'
import { diffFromFiles } from '../../src/adapters/github/pull-diff.js'
import type { AffectedFunction, Report } from '../../src/core/model.js'

describe('diffFromFiles', () => {
  it('rebuilds a unified diff, names files with no line changed, reports patches left out', () => {
    const { diff, findings } = diffFromFiles([
      { filename: 'a.c', status: 'modified', changes: 2, patch: '@@ -1 +1 @@\n-x\n+y' },
      { filename: 'n.c', status: 'added', changes: 1, patch: '@@ -0,0 +1 @@\n+z\n' },
      { filename: 'm.c', previous_filename: 'o.c', status: 'renamed', changes: 0 },
      // No line changed (binary, empty, a mode change): the mapper judges the path.
      { filename: 'blob.bin', status: 'modified', changes: 0 },
      { filename: 'Documentation/x.rst', status: 'added', changes: 0 },
      // GitHub leaves out the patch of a large file: its lines were never seen.
      { filename: 'big.c', status: 'modified', changes: 4000 }
    ])
    expect(diff).toBe(
      [
        'diff --git a/a.c b/a.c',
        '--- a/a.c',
        '+++ b/a.c',
        '@@ -1 +1 @@',
        '-x',
        '+y',
        'diff --git a/n.c b/n.c',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/n.c',
        '@@ -0,0 +1 @@',
        '+z',
        'diff --git a/blob.bin b/blob.bin',
        'Binary files a/blob.bin and b/blob.bin differ',
        'diff --git a/Documentation/x.rst b/Documentation/x.rst',
        'new file mode 100644',
        'Binary files /dev/null and b/Documentation/x.rst differ',
        ''
      ].join('\n')
    )
    expect(findings).toEqual([
      {
        kind: 'unmapped-hunk',
        severity: 'unresolved',
        file: 'big.c',
        message: 'GitHub did not return a patch for this file'
      }
    ])
  })
})

describe('diffFromFiles, a patch short of its changes', () => {
  it('analyses what it holds and says the rest was not', () => {
    const whole =
      '@@ -1,3 +1,3 @@\n a\n-x\n+y\n@@ -9 +9 @@\n--x\n+++y\n\\ No newline at end of file'
    expect(
      diffFromFiles([{ filename: 'a.c', status: 'modified', changes: 4, patch: whole }]).findings
    ).toEqual([])
    const cut = '@@ -1,3 +1,3 @@\n a\n-x\n+y\n'
    const { diff, findings } = diffFromFiles([
      { filename: 'a.c', status: 'modified', changes: 4, patch: cut }
    ])
    expect(diff).toContain('+y')
    expect(findings).toEqual([
      {
        kind: 'unmapped-hunk',
        severity: 'unresolved',
        file: 'a.c',
        message:
          "GitHub's patch for this file holds 2 of its 4 changed lines: the others were not analysed"
      }
    ])
  })
})

describe('pickAnnotations', () => {
  const fn = (origin: string, name: string): AffectedFunction => ({
    set: 's',
    name,
    tu: 'k.c',
    object: 'vmlinux',
    tier: 'required',
    symbol: 'present',
    origin,
    chain: []
  })
  const origins = Array.from({ length: 12 }, (_, i) => `f${i}`)
  const missing = origins.flatMap((o, i) =>
    Array.from({ length: i + 1 }, (_, j) => fn(o, `${o}_c${j}`))
  )
  const report = {
    sets: [{ label: 's' }],
    changed: origins.map((o, i) => ({
      name: o,
      symbols: [o],
      file: 'k.c',
      line: i,
      change: 'modified',
      hunks: [{ file: 'k.c', line: 100 + i }]
    })),
    coverage: { missing }
  } as unknown as Report

  it('keeps the 10 changes with the most missing functions, at their hunks', () => {
    const { annotations, omitted } = pickAnnotations(report, true)
    expect(annotations).toHaveLength(MAX_ANNOTATIONS)
    expect(omitted).toBe(2)
    expect(annotations[0]).toMatchObject({ file: 'k.c', line: 111 })
    expect(annotations[0].message).toMatch(/^f11 changed; .*f11_c11/)
    expect(pickAnnotations(report, false).annotations[0].file).toBeUndefined()
  })
})

describe('globToRegExp', () => {
  it('matches artifact names and paths', () => {
    expect(globToRegExp('dumps-*').test('dumps-x86_64')).toBe(true)
    expect(globToRegExp('dumps-*').test('logs')).toBe(false)
    expect(globToRegExp('out/**/*.ipa-clones').test('out/net/ipv4/route.c.000i.ipa-clones')).toBe(
      true
    )
    expect(globToRegExp('out/**/*.ipa-clones').test('out/x.ipa-clones')).toBe(true)
    expect(globToRegExp('*.patch').test('sub/a.patch')).toBe(false)
    expect(globToRegExp('v[0-9].patch').test('v1.patch')).toBe(true)
  })
})
