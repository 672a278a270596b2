import type { FileChange } from '../diff/map.js'
import type { Hunk } from '../diff/patch.js'
import type { LineShiftTest } from './model.js'

/** One changed file as the line-shift test reads it: its hunks and, when known, its old text. */
export interface LineSource {
  hunks: Hunk[]
  oldText?: string | null
}

/**
 * The fix's line moves: an immediate that was line `pre` of a changed file and is `post` after the
 * fix, where the hunks above it moved it by exactly that much, is a `__LINE__` the fix shifted (a
 * WARN_ON's or BUG_ON's line), not a change of logic. Lines inside a hunk map through its context
 * lines; a deleted line maps nowhere.
 */
export function makeLineShiftTest(changes: FileChange[]): LineShiftTest {
  return lineShiftTest(changes.map(c => ({ hunks: c.patch.hunks, oldText: c.oldText })))
}

/**
 * A line `__LINE__` can name: one of the file's lines (a constant past its end that moved by the
 * fix's delta is a constant, `cmp $0xe` read as line 32526 of a 25-line file), holding code: not
 * blank, not a directive (`#define QUEUE_MAX 7` on line 7: the macro's users expand `__LINE__` on
 * their own lines, so a 7 there is the value, not a line).
 */
function codeLines(text: string): (line: number) => boolean {
  const lines = text.split('\n')
  return line => {
    const l = lines[line - 1]
    return l !== undefined && /\S/.test(l) && !/^\s*#/.test(l)
  }
}

/**
 * The same from each changed file's hunks. Files are not told apart: the object does not say which
 * file a `__LINE__` came from. Without a file's old text its lines are not bounded (tests of the
 * line map alone).
 */
export function lineShiftTest(files: LineSource[]): LineShiftTest {
  const sorted = files
    .map(f => ({
      hunks: [...f.hunks].sort((a, b) => a.oldStart - b.oldStart),
      holdsCode: typeof f.oldText === 'string' ? codeLines(f.oldText) : () => true
    }))
    .filter(f => f.hunks.length > 0)
  return (pre, post) =>
    pre !== post &&
    sorted.some(
      f => f.holdsCode(pre) && (newLineOf(f.hunks, pre) === post || movedLine(f.hunks, pre, post))
    )
}

/** A statement a `__LINE__` can come from: a call (`WARN_ON(...)`, `BUG()`, `pr_warn(...)`). */
const CALL = /[A-Za-z_]\w*\s*\(/

/**
 * Whether old line `pre` is deleted and new line `post` added with the same text, a call: the
 * fix moved that statement (a function moved up the file, as kernel/sched/rt.c's
 * pick_next_pushable_task in 6.1.190), and its WARN's line moved with it by no hunk's delta.
 */
function movedLine(hunks: Hunk[], pre: number, post: number): boolean {
  let deleted: string | undefined
  let added: string | undefined
  for (const h of hunks)
    for (const l of h.lines) {
      if (l.type === 'del' && l.oldLine === pre) deleted = l.text.trim()
      if (l.type === 'add' && l.newLine === post) added = l.text.trim()
    }
  return deleted !== undefined && deleted === added && CALL.test(deleted)
}

/** The new image's line of old line `line`, or undefined when the fix deletes it. */
export function newLineOf(hunks: Hunk[], line: number): number | undefined {
  let delta = 0
  for (const h of hunks) {
    // `-10,0`: an insertion after old line 10; `+9,0`: a deletion after new line 9.
    const oldNext = h.oldLines > 0 ? h.oldStart + h.oldLines : h.oldStart + 1
    const newNext = h.newLines > 0 ? h.newStart + h.newLines : h.newStart + 1
    if (line < (h.oldLines > 0 ? h.oldStart : oldNext)) break
    if (line < oldNext) return insideHunk(h, line)
    delta = newNext - oldNext
  }
  return line + delta
}

function insideHunk(h: Hunk, line: number): number | undefined {
  let oldLine = h.oldStart
  let newLine = h.newStart
  for (const l of h.lines) {
    if (l.type === 'add') newLine++
    else if (l.type === 'del') {
      if (oldLine === line) return undefined
      oldLine++
    } else {
      if (oldLine === line) return newLine
      oldLine++
      newLine++
    }
  }
  return undefined
}
