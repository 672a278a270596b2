import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  applyHunks,
  detectStrip,
  parsePatch,
  rawPatchPaths,
  reverseHunks
} from '../../../src/core/diff/patch.js'
import { kernelFile } from '../source/helpers.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

const patch = (name: string): string => readFileSync(join(TEST_DIR, 'patches', name), 'utf8')

const TREE = new Set([
  'fs/read_write.c',
  'net/ipv4/tcp.c',
  'net/ipv4/Makefile',
  'drivers/base/topology.c',
  'include/linux/tcp.h',
  'include/linux/kref.h'
])
const exists = (p: string): boolean => TREE.has(p)

describe('parsePatch', () => {
  it('reads git diff with a/ b/ prefixes at strip 1', () => {
    const text = patch('tcp-git.patch')
    expect(detectStrip(rawPatchPaths(text), exists)).toBe(1)
    const { files, findings } = parsePatch(text, 1)
    expect(findings).toEqual([])
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({
      oldPath: 'net/ipv4/tcp.c',
      newPath: 'net/ipv4/tcp.c',
      binary: false
    })
    expect(files[0].hunks.map(h => [h.oldStart, h.newStart])).toEqual([
      [398, 398],
      [1568, 1568],
      [2222, 2222]
    ])
    const changed = files[0].hunks[0].lines.filter(l => l.type !== 'ctx')
    expect(changed).toEqual([
      { type: 'del', text: '\tif (rate && intv) {', oldLine: 401 },
      { type: 'add', text: '\tif (rate && intv && rate < U32_MAX) {', newLine: 401 }
    ])
  })

  it('reads every patch of a format-patch mbox, skipping mail headers, diffstat and signature', () => {
    const text = patch('read-format-patch.mbox')
    expect(rawPatchPaths(text)).toEqual([
      'a/fs/read_write.c',
      'b/fs/read_write.c',
      'b/Documentation/notes.rst',
      'a/net/ipv4/Makefile',
      'b/net/ipv4/Makefile'
    ])
    const { files } = parsePatch(text, 1)
    expect(files.map(f => [f.oldPath, f.newPath])).toEqual([
      ['fs/read_write.c', 'fs/read_write.c'],
      [null, 'Documentation/notes.rst'],
      ['net/ipv4/Makefile', 'net/ipv4/Makefile']
    ])
    // The `-- ` signature after the last hunk is not a removed line.
    expect(files[0].hunks[0].lines.filter(l => l.type === 'del')).toEqual([])
  })

  it('reads diff -Nupr linux.orig/ linux/ (timestamps dropped) at strip 1', () => {
    const text = patch('nupr.patch')
    expect(detectStrip(rawPatchPaths(text), exists)).toBe(1)
    const { files } = parsePatch(text, 1)
    expect(files.map(f => f.newPath)).toEqual([
      'drivers/base/topology.c',
      'include/linux/kref.h',
      'include/linux/tcp.h'
    ])
  })

  it('detects strip 2 for extra leading directories', () => {
    const text = patch('added-strip2.patch')
    expect(rawPatchPaths(text)).toEqual(['a/linux/fs/read_write.c', 'b/linux/fs/read_write.c'])
    expect(detectStrip(rawPatchPaths(text), exists)).toBe(2)
    expect(parsePatch(text, 2).files[0].oldPath).toBe('fs/read_write.c')
  })

  it('reports text that is no diff', () => {
    const { files, findings } = parsePatch('just some words\n', 1)
    expect(files).toEqual([])
    expect(findings).toMatchObject([{ kind: 'diff-unparsed', severity: 'unresolved' }])
  })
})

describe('diff -N', () => {
  it('takes an epoch-dated side that every hunk leaves empty for a file that is not there', () => {
    const text = [
      'diff -Nupr a/y.c b/y.c',
      '--- a/y.c\t1970-01-01 00:00:00.000000000 +0000',
      '+++ b/y.c\t2026-12-06 17:30:58.807315137 +0000',
      '@@ -0,0 +1 @@',
      '+int newfn(int a) { return a; }',
      'diff -Nupr a/z.c b/z.c',
      '--- a/z.c\t2026-12-06 17:30:58.807315137 +0000',
      '+++ b/z.c\t1969-12-31 19:00:00.000000000 -0500',
      '@@ -1 +0,0 @@',
      '-int gone(int a) { return a; }',
      'diff -Nupr a/e.c b/e.c',
      '--- a/e.c\t1970-01-01 00:00:00.000000000 +0000',
      '+++ b/e.c\t2026-12-06 17:30:58.807315137 +0000',
      '@@ -1 +1 @@',
      '-int old(void);',
      '+int new(void);',
      ''
    ].join('\n')
    expect(parsePatch(text, 1).files.map(f => [f.oldPath, f.newPath])).toEqual([
      [null, 'y.c'],
      ['z.c', null],
      // A file dated at the epoch that holds lines (a reproducible tree) is there.
      ['e.c', 'e.c']
    ])
  })
})

describe('applyHunks / reverseHunks', () => {
  const pre = kernelFile('net/ipv4/tcp.c')
  const hunks = parsePatch(patch('tcp-git.patch'), 1).files[0].hunks

  it('round-trips a real file', () => {
    const post = applyHunks(pre, hunks)
    expect(post).not.toBeNull()
    expect(post).toContain('if (rate && intv && rate < U32_MAX) {')
    expect(reverseHunks(post ?? '', hunks)).toBe(pre)
  })

  it('returns null on context mismatch instead of throwing', () => {
    expect(applyHunks(kernelFile('fs/read_write.c'), hunks)).toBeNull()
    expect(applyHunks('', hunks)).toBeNull()
  })
})

describe('malformed diffs are findings, never silently skipped', () => {
  const head = 'diff --git a/k.c b/k.c\n--- a/k.c\n+++ b/k.c\n'
  const kinds = (text: string) => parsePatch(text, 1).findings.map(f => `${f.kind}/${f.severity}`)

  it('flags a hunk whose header counts are too small (later changes would be dropped)', () => {
    const text = head + '@@ -1,1 +1,1 @@\n a\n-b\n+c\n d\n'
    expect(kinds(text)).toContain('diff-unparsed/unresolved')
  })

  it('flags a garbled hunk header and a combined merge diff', () => {
    expect(kinds(head + '@@ -abc,x +def @@\n-b\n+c\n')).toContain('diff-unparsed/unresolved')
    expect(
      kinds('diff --cc k.c\n--- a/k.c\n+++ b/k.c\n@@@ -1,1 -1,1 +1,1 @@@\n- a\n++b\n')
    ).toContain('diff-unparsed/unresolved')
  })

  it('flags file headers without hunks, and accepts a clean diff', () => {
    expect(kinds(head)).toContain('diff-unparsed/unresolved')
    expect(kinds(head + '@@ -1,2 +1,2 @@\n a\n-b\n+c\n')).toEqual([])
  })
})
