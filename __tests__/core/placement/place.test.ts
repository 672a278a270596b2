import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { mapChanges } from '../../../src/core/diff/map.js'
import { applyHunks, parsePatch, type FilePatch } from '../../../src/core/diff/patch.js'
import { placeImages, placeNext } from '../../../src/core/placement/images.js'
import { placeHunks, placeReversed } from '../../../src/core/placement/place.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const SKB = join(TEST_DIR, '../../../fixtures/placement/skbuff-offset')
const skbHeader = readFileSync(join(SKB, 'tree/include/linux/skbuff.h'), 'utf8')
const skbFix = parsePatch(readFileSync(join(SKB, 'fix.patch'), 'utf8'), 1).files[0]

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

const filePatch = (diff: string): FilePatch => parsePatch(diff, 1).files[0]

/** Lines `a1`..`aN` of a synthetic file, one per line. */
const numbered = (n: number, name = 'l'): string =>
  Array.from({ length: n }, (_, i) => `${name}${i + 1}`).join('\n') + '\n'

function mapped(images: NonNullable<ReturnType<typeof placeImages>>, path: string): string[] {
  const { changed } = mapChanges(parser, [
    { patch: images.patch, path, oldText: images.oldText, newText: images.newText }
  ])
  return changed.map(c => `${c.name}:${c.line}`)
}

describe('placeImages on the 6.1.190 skbuff.h (bench/data/fix.patch, offset -8)', () => {
  it('places the hunk 8 lines higher, says so, and maps skb_headlen, not its neighbour', () => {
    const images = placeImages('include/linux/skbuff.h', skbFix, skbHeader, 'pre')
    expect(images).not.toBeNull()
    if (!images) return
    expect(images.side).toBe('pre')
    expect(images.patch.hunks.map(h => [h.oldStart, h.newStart])).toEqual([[32, 32]])
    expect(images.findings.map(f => `${f.kind} ${f.severity} ${f.line}`)).toEqual([
      'hunk-offset info 32'
    ])
    expect(images.findings[0].message).toContain('at line 32 (offset -8 lines)')
    expect(images.newText).toContain('return READ_ONCE(skb->len) - READ_ONCE(skb->data_len);')
    expect(images.oldText).toBe(skbHeader)
    // The written lines (40-46) are __skb_pagelen's in this tree.
    expect(mapped(images, 'include/linux/skbuff.h')).toEqual(['skb_headlen:33'])
  })

  it('places the hunk as well in the tree after the fix (post side)', () => {
    const post = applyHunks(skbHeader, placeHunks(skbHeader, skbFix.hunks)?.hunks ?? [])
    expect(post).not.toBeNull()
    const images = placeImages('include/linux/skbuff.h', skbFix, post ?? '', 'post')
    expect(images?.side).toBe('post')
    expect(images?.oldText).toBe(skbHeader)
    expect(images?.findings.map(f => f.kind)).toEqual(['hunk-offset'])
    expect(images?.findings[0].message).toContain('post-image')
    expect(images && mapped(images, 'include/linux/skbuff.h')).toEqual(['skb_headlen:33'])
  })

  it('still prefers an exact placement at the written lines, as before', () => {
    const atWritten = placeImages(
      'x.h',
      { ...skbFix, hunks: placeHunks(skbHeader, skbFix.hunks)?.hunks ?? [] },
      skbHeader,
      'pre'
    )
    expect(atWritten?.findings).toEqual([])
  })

  it('keeps a hunk whose context is nowhere in the tree unplaced', () => {
    const other = skbHeader.replace('return skb->len - skb->data_len;', 'return skb->len;')
    expect(placeImages('include/linux/skbuff.h', skbFix, other, 'pre')).toBeNull()
  })
})

describe('placeHunks', () => {
  const twoHunks = filePatch(
    [
      '--- a/f.c',
      '+++ b/f.c',
      '@@ -10,3 +10,4 @@',
      ' l10',
      '+new',
      ' l11',
      ' l12',
      '@@ -20,3 +21,2 @@',
      ' l20',
      '-l21',
      ' l22',
      ''
    ].join('\n')
  )

  it('renumbers both sides of every hunk, the second one carrying the first one offset', () => {
    // Five lines more above: both hunks sit 5 lines lower.
    const text = numbered(5, 'x') + numbered(30)
    const placed = placeHunks(text, twoHunks.hunks)
    expect(placed?.placements.map(p => [p.written, p.placed, p.fuzz])).toEqual([
      [10, 15, 0],
      [20, 25, 0]
    ])
    expect(placed?.hunks.map(h => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([
      [15, 3, 15, 4],
      [25, 3, 26, 2]
    ])
    expect(placed?.hunks[1].lines.map(l => [l.type, l.oldLine, l.newLine])).toEqual([
      ['ctx', 25, 26],
      ['del', 26, undefined],
      ['ctx', 27, 27]
    ])
    const out = applyHunks(text, placed?.hunks ?? [])
    expect(out?.split('\n').slice(14, 18)).toEqual(['l10', 'new', 'l11', 'l12'])
    expect(out).not.toContain('l21\n')
  })

  it('takes the nearest of several matches, trying further down first on a tie', () => {
    const hunk = filePatch('--- a/f\n+++ b/f\n@@ -5,2 +5,3 @@\n a\n+n\n b\n')
    const text = ['a', 'b', 'x', 'x', 'x', 'x', 'x', 'a', 'b', 'x'].join('\n') + '\n'
    // Written at 5: `a b` at 1 (offset -4) and at 8 (offset +3): the nearer wins.
    expect(placeHunks(text, hunk.hunks)?.placements[0].placed).toBe(8)
    const tie = ['x', 'x', 'a', 'b', 'x', 'x', 'a', 'b', 'x'].join('\n') + '\n'
    expect(placeHunks(tie, hunk.hunks)?.placements[0].placed).toBe(7)
  })

  it('never places a hunk before or over the previous one', () => {
    // The second hunk's context exists only above the first one: patch would reject it.
    const swappedOrder = 'l20\nl21\nl22\n' + numbered(15)
    expect(placeHunks(swappedOrder, twoHunks.hunks)).toBeNull()
    // Its context only overlaps the first hunk's lines.
    const overlapping = filePatch(
      '--- a/f\n+++ b/f\n@@ -10,3 +10,4 @@\n l10\n+new\n l11\n l12\n@@ -20,3 +21,2 @@\n l11\n-l12\n l13\n'
    )
    expect(placeHunks(numbered(15), overlapping.hunks)).toBeNull()
    expect(
      placeHunks(numbered(15) + 'l11\nl12\nl13\n', overlapping.hunks)?.placements[1].placed
    ).toBe(16)
  })

  it('applies with fuzz only when the exact context is nowhere, and ignores at most 2 lines per end', () => {
    const hunk = filePatch(
      '--- a/f\n+++ b/f\n@@ -3,7 +3,8 @@\n l3\n l4\n l5\n+new\n l6\n l7\n l8\n'.replace(
        '@@ -3,7 +3,8 @@',
        '@@ -3,6 +3,7 @@'
      )
    )
    const edited = numbered(12).replace('l3\n', 'changed3\n').replace('l8\n', 'changed8\n')
    const placed = placeHunks(edited, hunk.hunks)
    expect(placed?.placements).toEqual([{ index: 0, written: 4, placed: 4, fuzz: 1 }])
    expect(placed?.hunks[0].lines.map(l => l.text)).toEqual(['l4', 'l5', 'new', 'l6', 'l7'])
    expect(applyHunks(edited, placed?.hunks ?? [])).toContain('l5\nnew\nl6')
    // Three context lines differ at one end: beyond -F2.
    const far = numbered(12).replace('l3\nl4\nl5\n', 'c3\nc4\nc5\n')
    expect(placeHunks(far, hunk.hunks)).toBeNull()
    // A hunk with one context line each side is never fuzzed down to nothing.
    const thin = filePatch('--- a/f\n+++ b/f\n@@ -3,2 +3,3 @@\n l3\n+new\n l4\n')
    expect(
      placeHunks(numbered(8).replace('l3\n', 'c3\n').replace('l4\n', 'c4\n'), thin.hunks)
    ).toBeNull()
  })

  it('inserts a hunk without an old side where it was written', () => {
    const hunk = filePatch('--- a/f\n+++ b/f\n@@ -2,0 +3,1 @@\n+new\n')
    const placed = placeHunks(numbered(4), hunk.hunks)
    expect(placed?.hunks[0]).toMatchObject({ oldStart: 2, oldLines: 0, newStart: 3, newLines: 1 })
    expect(applyHunks(numbered(4), placed?.hunks ?? [])).toBe('l1\nl2\nnew\nl3\nl4\n')
  })
})

describe('placeImages and placeNext', () => {
  it('warns on fuzz and names the context that was ignored', () => {
    const hunk = filePatch('--- a/f.c\n+++ b/f.c\n@@ -3,5 +3,6 @@\n l3\n l4\n+new\n l5\n l6\n l7\n')
    const images = placeImages('f.c', hunk, numbered(10).replace('l7\n', 'c7\n'), 'pre')
    expect(images?.findings.map(f => `${f.kind} ${f.severity} ${f.line}`)).toEqual([
      'hunk-fuzz warning 4'
    ])
    expect(images?.findings[0].message).toContain('only with fuzz 1')
  })

  it('takes the other side of the fix when only that one fits, whichever was asked', () => {
    // Reversed, the hunk also fits exactly: `new` is in the tree, the pre-side context too.
    const hunk = filePatch('--- a/f.c\n+++ b/f.c\n@@ -3,2 +3,3 @@\n l3\n+new\n l4\n')
    const post = 'l1\nl2\nl3\nnew\nl4\n'
    expect(placeImages('f.c', hunk, post, 'post')?.side).toBe('post')
    expect(placeImages('f.c', hunk, post, 'pre')?.side).toBe('post')
  })

  it('places a later patch of a series on the image the earlier one left', () => {
    const later = filePatch('--- a/f.c\n+++ b/f.c\n@@ -20,3 +20,2 @@\n l8\n-l9\n l10\n')
    const next = placeNext('f.c', later, numbered(12))
    expect(next?.patch.hunks[0]).toMatchObject({ oldStart: 8, newStart: 8 })
    expect(next?.newText).toBe(numbered(12).replace('l9\n', ''))
    expect(next?.findings.map(f => f.kind)).toEqual(['hunk-offset'])
  })

  it('places reversed hunks and returns them forward', () => {
    const hunk = filePatch('--- a/f.c\n+++ b/f.c\n@@ -1,3 +1,3 @@\n l4\n-old\n+l5\n l6\n')
    const placed = placeReversed(numbered(8), hunk.hunks)
    expect(placed?.hunks[0]).toMatchObject({ oldStart: 4, newStart: 4 })
    expect(placed?.hunks[0].lines.map(l => [l.type, l.oldLine, l.newLine])).toEqual([
      ['ctx', 4, 4],
      ['del', 5, undefined],
      ['add', undefined, 5],
      ['ctx', 6, 6]
    ])
  })
})
