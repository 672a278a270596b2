import type { Hunk } from '../diff/patch.js'
import type { LineShiftTest } from './model.js'

/** Where an unchanged line of the old file is in the new one; undefined for a deleted line. */
function newLineOf(hunks: Hunk[], line: number): number | undefined {
  let delta = 0
  for (const h of hunks) {
    if (line < h.oldStart) break
    if (line < h.oldStart + h.oldLines) {
      const ctx = h.lines.find(l => l.type !== 'add' && l.oldLine === line)
      return ctx?.type === 'ctx' ? ctx.newLine : undefined
    }
    delta = h.newStart + h.newLines - (h.oldStart + h.oldLines)
  }
  return line + delta
}

/**
 * The line-shift test of a fix: `pre` → `post` is a shift when some changed file's hunks move its
 * unchanged line `pre` to `post`. Files are not told apart: the object does not say which file a
 * `__LINE__` came from.
 */
export function lineShiftTest(files: Hunk[][]): LineShiftTest {
  const sorted = files.map(h => [...h].sort((a, b) => a.oldStart - b.oldStart))
  return (pre, post) => pre !== post && sorted.some(h => newLineOf(h, pre) === post)
}
