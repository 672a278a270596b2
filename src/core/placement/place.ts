import { reversed, type DiffLine, type Hunk } from '../diff/patch.js'

/** Context lines `patch` may ignore at each end of a hunk by default (`patch -F2`). */
export const MAX_FUZZ = 2

/** Where one hunk went, against the line numbers its header promised. */
export interface HunkPlacement {
  /** 0-based index of the hunk in the file's patch. */
  index: number
  /** First line of the hunk's source side as the header wrote it. */
  written: number
  /** The same line as placed in the text. */
  placed: number
  /** Context lines ignored at the hunk's ends (0: exact context). */
  fuzz: number
}

export interface Placed {
  /** The hunks renumbered to where they apply (fuzzed context dropped): they apply exactly. */
  hunks: Hunk[]
  placements: HunkPlacement[]
}

const same = (a: string, b: string): boolean => a.replace(/\r$/, '') === b.replace(/\r$/, '')

/** 0-based index the hunk's old side starts at (an empty old side inserts after line oldStart). */
const startIndex = (h: Hunk): number => (h.oldLines === 0 ? h.oldStart : h.oldStart - 1)

function matchesAt(lines: string[], old: string[], at: number): boolean {
  if (at < 0 || at + old.length > lines.length) return false
  for (let k = 0; k < old.length; k++) if (!same(lines[at + k], old[k])) return false
  return true
}

/** Drops up to `fuzz` context lines at each end, as `patch` does; null when nothing would anchor it. */
function trimmed(h: Hunk, fuzz: number): { lines: DiffLine[]; lead: number } | null {
  let lead = 0
  while (lead < fuzz && h.lines[lead]?.type === 'ctx') lead++
  let trail = 0
  while (trail < fuzz && h.lines[h.lines.length - 1 - trail]?.type === 'ctx') trail++
  if (lead + trail === 0 && fuzz > 0) return null
  const lines = h.lines.slice(lead, h.lines.length - trail)
  // A hunk left without a context or deleted line would match anywhere.
  if (fuzz > 0 && !lines.some(l => l.type !== 'add')) return null
  return { lines, lead }
}

/**
 * Nearest start for `old` to `expected` in [from, lines.length], trying the expected line, then
 * one line further, one line back, and so on, like `patch` and `git apply`.
 */
function nearest(lines: string[], old: string[], expected: number, from: number): number {
  const last = lines.length - old.length
  if (old.length === 0) return expected >= from && expected <= lines.length ? expected : -1
  const span = Math.max(expected - from, last - expected)
  for (let d = 0; d <= span; d++) {
    if (expected + d >= from && matchesAt(lines, old, expected + d)) return expected + d
    if (d > 0 && expected - d >= from && matchesAt(lines, old, expected - d)) return expected - d
  }
  return -1
}

/** Renumbers hunks (sorted, each with its 0-based old start) so that they describe the text as placed. */
function renumber(hunks: Array<{ lines: DiffLine[]; at: number }>): Hunk[] {
  let delta = 0
  return hunks.map(({ lines, at }) => {
    const oldLines = lines.filter(l => l.type !== 'add').length
    const newLines = lines.filter(l => l.type !== 'del').length
    let o = at + 1
    let n = at + delta + 1
    const out: DiffLine[] = lines.map(l => {
      if (l.type === 'add') return { type: 'add', text: l.text, newLine: n++ }
      if (l.type === 'del') return { type: 'del', text: l.text, oldLine: o++ }
      return { type: 'ctx', text: l.text, oldLine: o++, newLine: n++ }
    })
    const hunk: Hunk = {
      oldStart: oldLines === 0 ? at : at + 1,
      oldLines,
      newStart: newLines === 0 ? at + delta : at + delta + 1,
      newLines,
      lines: out
    }
    delta += newLines - oldLines
    return hunk
  })
}

/**
 * Places each hunk's old side in `text` as `patch` and `git apply` do: exact context first, at the
 * written line or the nearest offset (the previous hunk's offset carried on), hunks in order and not
 * overlapping; failing that, with up to `maxFuzz` context lines ignored at the hunk's ends. Null
 * when a hunk does not apply anywhere.
 */
export function placeHunks(text: string, hunks: Hunk[], maxFuzz = MAX_FUZZ): Placed | null {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text
  const lines = body === '' ? [] : body.split('\n')
  const order = hunks.map((h, index) => ({ h, index })).sort((a, b) => a.h.oldStart - b.h.oldStart)
  const placed: Array<{ lines: DiffLine[]; at: number }> = []
  const placements: HunkPlacement[] = []
  let from = 0
  let carried = 0
  for (const { h, index } of order) {
    let found: { lines: DiffLine[]; lead: number; at: number; fuzz: number } | undefined
    for (let fuzz = 0; fuzz <= maxFuzz && !found; fuzz++) {
      const t = trimmed(h, fuzz)
      if (!t) continue
      const old = t.lines.filter(l => l.type !== 'add').map(l => l.text)
      const expected = Math.max(0, startIndex(h) + t.lead + carried)
      const at = nearest(lines, old, expected, from)
      if (at >= 0) found = { ...t, at, fuzz }
    }
    if (!found) return null
    const oldCount = found.lines.filter(l => l.type !== 'add').length
    const writtenAt = startIndex(h) + found.lead
    carried = found.at - writtenAt
    from = found.at + oldCount
    placed.push({ lines: found.lines, at: found.at })
    placements.push({ index, written: writtenAt + 1, placed: found.at + 1, fuzz: found.fuzz })
  }
  return { hunks: renumber(placed), placements }
}

/** Places the hunks' new sides in `text` (the tree after the fix); the hunks come back forward. */
export function placeReversed(text: string, hunks: Hunk[], maxFuzz = MAX_FUZZ): Placed | null {
  const placed = placeHunks(text, hunks.map(reversed), maxFuzz)
  return placed && { hunks: placed.hunks.map(reversed), placements: placed.placements }
}
