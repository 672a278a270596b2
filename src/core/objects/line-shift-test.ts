import type { FileChange } from '../diff/map.js'
import type { Hunk } from '../diff/patch.js'
import type { LineShiftTest } from './model.js'

/**
 * The fix's line moves: an immediate that was line `pre` of a changed file and is `post` after the
 * fix, where the hunks above it moved it by exactly that much, is a `__LINE__` the fix shifted (a
 * WARN_ON's or BUG_ON's line), not a change of logic. Lines inside a hunk map through its context
 * lines; a deleted line maps nowhere.
 */
export function makeLineShiftTest(changes: FileChange[]): LineShiftTest {
  return lineShiftTest(changes.map(c => c.patch.hunks))
}

/**
 * The same from each changed file's hunks. Files are not told apart: the object does not say which
 * file a `__LINE__` came from.
 */
export function lineShiftTest(files: Hunk[][]): LineShiftTest {
  const sorted = files
    .map(h => [...h].sort((a, b) => a.oldStart - b.oldStart))
    .filter(h => h.length > 0)
  return (pre, post) => pre !== post && sorted.some(hunks => newLineOf(hunks, pre) === post)
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
