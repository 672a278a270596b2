import { applyHunks, reversed, type FilePatch } from '../diff/patch.js'
import type { Finding } from '../model.js'
import { type Placed, placeHunks, placeReversed } from './place.js'

/** Both images of one changed file, with the patch renumbered to where its hunks apply. */
export interface PlacedImages {
  patch: FilePatch
  oldText: string
  newText: string
  /** Which image the text given was. */
  side: 'pre' | 'post'
  findings: Finding[]
}

/** Exact at the written lines, then exact at an offset, then fuzzed: the first two are routine. */
function cost(p: Placed): number {
  if (p.placements.some(x => x.fuzz > 0)) return 2
  return p.placements.some(x => x.placed !== x.written) ? 1 : 0
}

/**
 * Places a file's hunks in the text given for one side of the fix (`side`, or the other one when
 * the hunks only fit that way) as `patch` would, and rebuilds the other image. A backport applies
 * to the patched kernel at other line numbers: each offset is an info finding, fuzz a warning.
 * Null when some hunk applies on neither side.
 */
export function placeImages(
  path: string,
  patch: FilePatch,
  text: string,
  side: 'pre' | 'post'
): PlacedImages | null {
  // A deleted file is read from the pre side; it has nothing to place.
  if (patch.newPath === null)
    return { patch, oldText: text, newText: '', side: 'pre', findings: [] }
  const tries: Array<{ side: 'pre' | 'post'; placed: Placed }> = []
  const forward = placeHunks(text, patch.hunks)
  const backward = placeReversed(text, patch.hunks)
  if (forward) tries.push({ side: 'pre', placed: forward })
  if (backward) tries.push({ side: 'post', placed: backward })
  const best = tries.sort(
    (a, b) => cost(a.placed) - cost(b.placed) || Number(a.side !== side) - Number(b.side !== side)
  )[0]
  if (!best) return null
  const placedPatch = { ...patch, hunks: best.placed.hunks }
  const other =
    best.side === 'pre'
      ? applyHunks(text, best.placed.hunks)
      : applyHunks(text, best.placed.hunks.map(reversed))
  if (other === null) return null
  return {
    patch: placedPatch,
    oldText: best.side === 'pre' ? text : other,
    newText: best.side === 'pre' ? other : text,
    side: best.side,
    findings: placementFindings(path, patch, best.placed, best.side)
  }
}

/** Places a later patch of a series on the image the earlier ones left (forward only). */
export function placeNext(
  path: string,
  patch: FilePatch,
  previous: string
): { patch: FilePatch; newText: string; findings: Finding[] } | null {
  if (patch.newPath === null) return { patch, newText: '', findings: [] }
  const placed = placeHunks(previous, patch.hunks)
  const newText = placed && applyHunks(previous, placed.hunks)
  if (!placed || newText === null) return null
  return {
    patch: { ...patch, hunks: placed.hunks },
    newText,
    findings: placementFindings(path, patch, placed, 'pre')
  }
}

function placementFindings(
  path: string,
  patch: FilePatch,
  placed: Placed,
  side: 'pre' | 'post'
): Finding[] {
  const findings: Finding[] = []
  const image = side === 'pre' ? 'pre-image' : 'post-image'
  for (const p of placed.placements) {
    const offset = p.placed - p.written
    if (offset === 0 && p.fuzz === 0) continue
    const h = patch.hunks[p.index]
    const header = `hunk ${p.index + 1} (@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@)`
    const shift =
      offset === 0
        ? ''
        : ` (offset ${offset > 0 ? '+' : ''}${offset} line${Math.abs(offset) === 1 ? '' : 's'})`
    const as = placed.hunks[placed.placements.indexOf(p)]
    const at = side === 'pre' ? as.oldStart : as.newStart
    findings.push(
      p.fuzz === 0
        ? {
            kind: 'hunk-offset',
            severity: 'info',
            file: path,
            line: at,
            message: `${header} applies to the ${image} of ${path} at line ${p.placed}${shift}, its context exact: the fix was made against other line numbers (a backport); the placed lines are used`
          }
        : {
            kind: 'hunk-fuzz',
            severity: 'warning',
            file: path,
            line: at,
            message: `${header} applies to the ${image} of ${path} at line ${p.placed}${shift} only with fuzz ${p.fuzz}: up to ${p.fuzz} context line(s) at its ends differ from the tree, as \`patch -F${p.fuzz}\` would accept; check that the change lands where it was meant to`
          }
    )
  }
  return findings
}
