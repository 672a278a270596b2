import { parsePatch } from '../../../src/core/diff/patch.js'
import type { FileChange } from '../../../src/core/diff/map.js'
import {
  lineShiftTest,
  makeLineShiftTest,
  newLineOf
} from '../../../src/core/objects/line-shift-test.js'

const patch = parsePatch(
  [
    '--- a/f.c',
    '+++ b/f.c',
    '@@ -10,3 +10,5 @@',
    ' a',
    '+b',
    '+c',
    ' d',
    '-e',
    '+E',
    '@@ -30,0 +33,1 @@',
    '+x',
    '@@ -40,2 +42,0 @@',
    '-y',
    '-z',
    ''
  ].join('\n'),
  1
).files[0]
const hunks = patch.hunks

describe('the fix line moves', () => {
  it('maps old lines to new ones through hunks, insertions and deletions', () => {
    expect(newLineOf(hunks, 5)).toBe(5)
    expect(newLineOf(hunks, 10)).toBe(10)
    expect(newLineOf(hunks, 11)).toBe(13)
    expect(newLineOf(hunks, 12)).toBeUndefined()
    expect(newLineOf(hunks, 20)).toBe(22)
    expect(newLineOf(hunks, 30)).toBe(32)
    expect(newLineOf(hunks, 31)).toBe(34)
    expect(newLineOf(hunks, 40)).toBeUndefined()
    expect(newLineOf(hunks, 39)).toBe(42)
    expect(newLineOf(hunks, 42)).toBe(43)
  })

  it('tells a shifted __LINE__ from any other changed immediate', () => {
    const change: FileChange = { patch, path: 'f.c', oldText: null, newText: null }
    const isShift = makeLineShiftTest([change])
    expect(isShift(20, 22)).toBe(true)
    expect(isShift(20, 21)).toBe(false)
    expect(isShift(5, 5)).toBe(false)
    expect(makeLineShiftTest([])(20, 22)).toBe(false)
  })
})

describe('the lines a __LINE__ can name', () => {
  const fix = parsePatch(
    ['--- a/g.c', '+++ b/g.c', '@@ -1,1 +1,2 @@', ' a', '+b', ''].join('\n'),
    1
  ).files[0]
  const oldText = ['a', '#define X 5', '', '\tfoo();', '  # if Y', 'bar();'].join('\n')
  const isShift = lineShiftTest([{ hunks: fix.hunks, oldText }])

  it('is a line of the old file holding code', () => {
    expect(isShift(4, 5)).toBe(true)
    expect(isShift(6, 7)).toBe(true)
  })

  it('is not a directive, a blank line or a line past the end', () => {
    expect(isShift(2, 3)).toBe(false)
    expect(isShift(5, 6)).toBe(false)
    expect(isShift(3, 4)).toBe(false)
    expect(isShift(7, 8)).toBe(false)
    expect(isShift(32526, 32527)).toBe(false)
  })

  it('is any mapped line when the old text is unknown', () => {
    expect(lineShiftTest([{ hunks: fix.hunks }])(32526, 32527)).toBe(true)
  })
})

describe('a statement the fix moves', () => {
  // A function moved up the file, as kernel/sched/rt.c's pick_next_pushable_task in 6.1.190: its
  // WARN_ON leaves old line 5 and comes back as new line 2, a move no hunk's delta explains.
  const fix = parsePatch(
    [
      '--- a/m.c',
      '+++ b/m.c',
      '@@ -1,6 +1,6 @@',
      ' a',
      '+\tWARN_ON(rq->cpu != task_cpu(p));',
      '+\tx = 14;',
      ' b',
      ' c',
      '-\tWARN_ON(rq->cpu != task_cpu(p));',
      '-\tx = 14;',
      ' d',
      ''
    ].join('\n'),
    1
  ).files[0]
  const oldText = ['a', 'b', 'c', '\tWARN_ON(rq->cpu != task_cpu(p));', '\tx = 14;', 'd'].join('\n')
  const isShift = lineShiftTest([{ hunks: fix.hunks, oldText }])

  it('carries its line with it: a call whose text is deleted at one line and added at another', () => {
    expect(isShift(4, 2)).toBe(true)
  })

  it('is no other pair, nor a moved line that calls nothing (its constant may be the value)', () => {
    expect(isShift(4, 3)).toBe(false)
    expect(isShift(5, 3)).toBe(false)
  })
})
