import type { Hunk } from '../diff/patch.js'
import type { BuildView } from './build-view.js'

/** One side of a changed file as the comparison reads it. */
export interface GuardedImage {
  view: BuildView
  /** Lines with comments blanked. */
  uncommented: string[]
}

/**
 * Lines the fix leaves alone but whose `#if` conditions it changes (an `#ifdef` added around them,
 * an `#endif` moved past them): pairs of old and new line numbers. A line's conditions are compared
 * as each build decides them, so a changed `#if` that moves nothing in or out of any build gives
 * no pair. Blank lines and directives, which compile to nothing, are skipped.
 */
/** A `#define` or `#undef` line, with the macro's name. */
export const DEFINITION = /^[ \t]*#[ \t]*(?:define|undef)[ \t]+([A-Za-z_]\w*)/

export function linesMovedInOrOut(
  hunks: Hunk[],
  pre: GuardedImage,
  post: GuardedImage
): Array<{ oldLine: number; newLine: number }> {
  const moved: Array<{ oldLine: number; newLine: number }> = []
  const check = (oldLine: number, newLine: number): void => {
    const code = pre.uncommented[oldLine - 1] ?? ''
    // Directives do not move, but a `#define` or `#undef` that does changes what its macro is.
    if (code.trim() === '' || (/^[ \t]*#/.test(code) && !DEFINITION.test(code))) return
    if (pre.view.key(oldLine) !== post.view.key(newLine)) moved.push({ oldLine, newLine })
  }
  let oldNext = 1
  let delta = 0
  const sorted = [...hunks].sort((a, b) => a.oldStart - b.oldStart)
  for (const h of sorted) {
    const start = h.oldLines === 0 ? h.oldStart + 1 : h.oldStart
    for (let n = oldNext; n < start; n++) check(n, n + delta)
    for (const l of h.lines) {
      if (l.type === 'ctx' && l.oldLine !== undefined && l.newLine !== undefined)
        check(l.oldLine, l.newLine)
    }
    oldNext = start + h.oldLines
    const newNext = (h.newLines === 0 ? h.newStart + 1 : h.newStart) + h.newLines
    delta = newNext - oldNext
  }
  for (let n = oldNext; n <= pre.uncommented.length; n++) check(n, n + delta)
  return moved
}
