import { byteLength } from './escape.js'

/** One part of the comment that can be left out as a whole (or, with `rows`, cut at whole rows). */
export interface Section {
  /** How the note about what was left out names it: `Review (3)`. */
  name: string
  /** Rows that can be cut; absent when the section is all or nothing. */
  rows?: number
  blocks: (rows?: number) => string[]
}

export interface FitInput {
  /** Marker, title and verdict: always kept (cut only when nothing else fits). */
  head: string[]
  /** Most important first. */
  sections: Section[]
  footer: string
  /** The note that names what was left out and where the whole report is. */
  dropped: (names: string[]) => string
  max?: number
}

function join(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}

/**
 * Keeps the body within `max` bytes: whole sections go from the least important up, then rows of
 * the first section, and the note says what went. A size bound never turns into silence about it.
 */
export function fitSections(input: FitInput): string {
  const { head, sections, footer, dropped, max } = input
  const full = join([...head, ...sections.flatMap(s => s.blocks()), footer])
  if (max === undefined || byteLength(full) <= max) return full

  for (let keep = sections.length - 1; keep >= 1; keep--) {
    const names = sections.slice(keep).map(s => s.name)
    const body = join([
      ...head,
      ...sections.slice(0, keep).flatMap(s => s.blocks()),
      dropped(names),
      footer
    ])
    if (byteLength(body) <= max) return body
  }

  const first = sections[0]
  if (first?.rows !== undefined && first.rows > 1) {
    const rest = sections.slice(1).map(s => s.name)
    const withRows = (rows: number): string =>
      join([
        ...head,
        ...first.blocks(rows),
        dropped([`${first.name}: ${first.rows! - rows} of ${first.rows} rows`, ...rest]),
        footer
      ])
    // Binary search on the row count: a body of thousands of rows is cut in O(n log n).
    let lo = 0
    let hi = first.rows - 1
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (byteLength(withRows(mid)) <= max) lo = mid
      else hi = mid - 1
    }
    if (lo > 0) return withRows(lo)
  }

  // Degrade further rather than exceed the limit: the verdict matters most after the marker.
  const note = dropped(sections.map(s => s.name))
  const marker = head[0]?.startsWith('<!--') ? [head[0]] : []
  const candidates = [
    [...head, note, footer],
    [...head, note],
    [...marker, ...head.slice(marker.length, marker.length + 2), note],
    [...marker, note],
    marker
  ]
  for (const blocks of candidates) {
    const body = blocks.length > 0 ? join(blocks) : ''
    if (byteLength(body) <= max) return body
  }
  return ''
}
